package dev.newsmon.ingest.feed;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

/**
 * Keeps the feeds in memory; the registry is seeded from the default feed list at each
 * start.
 */
@Component
class InMemoryFeedStore implements FeedStore {

	private final ConcurrentMap<String, FeedState> feeds = new ConcurrentHashMap<>();

	@Override
	public List<FeedState> findAll() {
		return this.feeds.values()
			.stream()
			.sorted(Comparator.comparing((FeedState state) -> state.feed().name(), String.CASE_INSENSITIVE_ORDER)
				.thenComparing((state) -> state.feed().id()))
			.toList();
	}

	@Override
	public Optional<FeedState> findById(String id) {
		return Optional.ofNullable(this.feeds.get(id));
	}

	@Override
	public FeedState addIfAbsent(FeedState state) {
		FeedState existing = this.feeds.putIfAbsent(state.feed().id(), state);
		return (existing != null) ? existing : state;
	}

	@Override
	public Optional<FeedState> update(String id, UnaryOperator<FeedState> change) {
		return Optional.ofNullable(this.feeds.computeIfPresent(id, (key, state) -> change.apply(state)));
	}

	@Override
	public boolean delete(String id) {
		return this.feeds.remove(id) != null;
	}

}

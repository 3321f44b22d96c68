package dev.newsmon.ingest.feed;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.newsmon.ingest.fetcher.AddressPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FeedRegistryTests {

	private final ListStore store = new ListStore();

	private final FeedRegistry registry = new FeedRegistry(this.store, new AddressPolicy(List.of()),
			new FeedsProperties(new ByteArrayResource(new byte[0]), 900, DataSize.ofMegabytes(1), 100),
			Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC));

	@ParameterizedTest
	@ValueSource(strings = { "http://0x7f000001/", "http://0177.0.0.1/", "http://017700000001/", "http://2130706433/",
			"http://127.1/feed", "http://10.1/", "http://localhost./", "http://127.0.0.1./rss",
			"http://[fe80::1%25eth0]/", "http://[::1]/", "http://[::ffff:10.0.0.1]/" })
	void privateAddressesInAnyNotationAreRefusedAndNotStored(String url) {
		assertThatExceptionOfType(InvalidFeedException.class)
			.isThrownBy(() -> this.registry.register(new NewFeed(url, null, null, null), true))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("url"));
		assertThat(this.store.states).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://news.invalid/feed.xml", "https://feeds.invalid./rss" })
	void namesThatDoNotResolveYetAreRegistered(String url) {
		assertThat(this.registry.register(new NewFeed(url, null, null, null), true).created()).isTrue();
		assertThat(this.store.states).hasSize(1);
	}

	/** Just enough of a store for the registry's decisions. */
	static final class ListStore implements FeedStore {

		final List<FeedState> states = new ArrayList<>();

		@Override
		public List<FeedState> findAll() {
			return List.copyOf(this.states);
		}

		@Override
		public Optional<FeedState> findById(String id) {
			return this.states.stream().filter((state) -> state.feed().id().equals(id)).findFirst();
		}

		@Override
		public FeedState addIfAbsent(FeedState state) {
			Optional<FeedState> existing = findById(state.feed().id());
			if (existing.isPresent()) {
				return existing.get();
			}
			this.states.add(state);
			return state;
		}

		@Override
		public Optional<FeedState> update(String id, UnaryOperator<FeedState> change) {
			return Optional.empty();
		}

		@Override
		public boolean delete(String id) {
			return this.states.removeIf((state) -> state.feed().id().equals(id));
		}

		@Override
		public boolean owns(String id) {
			return true;
		}

		@Override
		public boolean claim(String id) {
			return true;
		}

		@Override
		public void release(String id) {
		}

		@Override
		public Optional<String> contentHash(String articleId) {
			return Optional.empty();
		}

		@Override
		public boolean startedEmpty() {
			return true;
		}

	}

}

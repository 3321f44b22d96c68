package dev.newsmon.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Registers the feeds of the default feed list ({@code newsmon.ingest.feeds.location}) at
 * the first start, when the registry is empty.
 */
@Component
class DefaultFeeds implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DefaultFeeds.class);

	private final FeedRegistry registry;

	private final FeedStore store;

	private final FeedsProperties properties;

	private final JsonMapper jsonMapper;

	DefaultFeeds(FeedRegistry registry, FeedStore store, FeedsProperties properties, JsonMapper jsonMapper) {
		this.registry = registry;
		this.store = store;
		this.properties = properties;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.store.startedEmpty()) {
			// the registry lives on in Kafka: a feed a user removed stays removed
			logger.info("Feed registry already holds feeds; not registering the default list again");
			return;
		}
		List<NewFeed> feeds = read();
		int registered = 0;
		for (NewFeed feed : feeds) {
			try {
				// Resolving thirty hosts would delay the start; every fetch checks them.
				this.registry.register(feed, false);
				registered++;
			}
			catch (InvalidFeedException ex) {
				logger.warn("Skipping default feed '{}': {}: {}", feed.url(), ex.getField(), ex.getMessage());
			}
		}
		logger.info("Registered {} feeds from {}", registered, this.properties.location().getDescription());
	}

	private List<NewFeed> read() {
		try (InputStream in = this.properties.location().getInputStream()) {
			FeedList list = this.jsonMapper.readValue(in, FeedList.class);
			return (list.feeds() != null) ? list.feeds() : List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the feed list " + this.properties.location(), ex);
		}
	}

	/**
	 * The feed list file.
	 *
	 * @param feeds the feeds
	 */
	record FeedList(List<NewFeed> feeds) {

	}

}

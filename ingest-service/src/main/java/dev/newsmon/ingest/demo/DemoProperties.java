package dev.newsmon.ingest.demo;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo feeds.
 *
 * @param enabled whether to serve and register the demo feeds (bound to
 * {@code NEWSMON_DEMO_FEEDS})
 * @param feeds the bundled feeds
 */
@ConfigurationProperties("newsmon.ingest.demo")
record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue List<DemoFeed> feeds) {

	boolean serves(String id) {
		return this.feeds.stream().anyMatch((feed) -> feed.id().equals(id));
	}

	/**
	 * A bundled feed, served from {@code demo/<id>.xml}.
	 *
	 * @param id the file name without {@code .xml}
	 * @param name the feed's name, shown as the source of its articles
	 * @param language the feed's language
	 */
	record DemoFeed(String id, String name, String language) {

	}

}

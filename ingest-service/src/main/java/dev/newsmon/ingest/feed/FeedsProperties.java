package dev.newsmon.ingest.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * The feed registry's settings.
 *
 * @param location the JSON list of feeds registered at start-up
 * @param defaultIntervalSeconds the poll interval of a feed registered without one
 * @param maxImportSize the largest OPML document imported
 * @param maxImportFeeds the most feeds one OPML document may list
 */
@ConfigurationProperties("newsmon.ingest.feeds")
record FeedsProperties(@DefaultValue("classpath:feeds/default-feeds.json") Resource location,
		@DefaultValue("900") int defaultIntervalSeconds, @DefaultValue("1MB") DataSize maxImportSize,
		@DefaultValue("5000") int maxImportFeeds) {

}

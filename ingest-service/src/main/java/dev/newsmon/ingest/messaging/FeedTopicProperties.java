package dev.newsmon.ingest.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the feed registry is kept and how replicas split it.
 *
 * @param topic the log-compacted topic of the registry, keyed by feed id
 * @param group the consumer group whose partition assignment decides which replica polls
 * which feed
 * @param readTimeout the longest wait for the registry to be read up to a given offset
 */
@ConfigurationProperties("newsmon.ingest.feeds")
record FeedTopicProperties(@DefaultValue("news.feeds.v1") String topic, @DefaultValue("ingest-feeds") String group,
		@DefaultValue("30s") Duration readTimeout) {

}

package dev.newsmon.ingest.polling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How feeds are polled.
 *
 * @param enabled whether feeds are polled on their schedule (polling on request always
 * works)
 * @param concurrency the most feeds polled at once; one host is never polled twice at
 * once
 * @param tick how often due feeds are looked for
 * @param firstRetry the delay after a first failure, doubled after each further one
 * @param maxBackoff the longest delay after failures
 * @param minInterval the shortest interval polling adapts to, for a feed that changes at
 * every poll
 * @param maxInterval the longest interval polling adapts to, for a feed that never
 * changes
 * @param hostGap the least time between the starts of two requests to one host
 * @param seenPerFeed how many article ids, with content hashes, each feed's record in the
 * registry keeps to publish each article once; above the items per fetch, and small
 * enough to keep a record far below Kafka's message size limit
 */
@ConfigurationProperties("newsmon.ingest.poll")
record PollProperties(@DefaultValue("true") boolean enabled, @DefaultValue("4") int concurrency,
		@DefaultValue("1s") Duration tick, @DefaultValue("1m") Duration firstRetry,
		@DefaultValue("6h") Duration maxBackoff, @DefaultValue("5m") Duration minInterval,
		@DefaultValue("4h") Duration maxInterval, @DefaultValue("1s") Duration hostGap,
		@DefaultValue("1000") int seenPerFeed) {

}

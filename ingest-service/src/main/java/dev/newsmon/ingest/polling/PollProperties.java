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
 * @param seenPerFeed how many article ids are remembered per feed to publish each once
 */
@ConfigurationProperties("newsmon.ingest.poll")
record PollProperties(@DefaultValue("true") boolean enabled, @DefaultValue("4") int concurrency,
		@DefaultValue("1s") Duration tick, @DefaultValue("1m") Duration firstRetry,
		@DefaultValue("6h") Duration maxBackoff, @DefaultValue("5000") int seenPerFeed) {

}

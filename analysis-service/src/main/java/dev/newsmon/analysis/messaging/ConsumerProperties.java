package dev.newsmon.analysis.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the consumer of fetched articles retries transient failures before it gives a
 * record up to the dead-letter topic.
 *
 * @param maxRetries the retries after the first attempt
 * @param initialBackoff the first wait
 * @param maxBackoff the longest wait between two attempts
 */
@ConfigurationProperties("newsmon.analysis.messaging")
record ConsumerProperties(@DefaultValue("5") int maxRetries, @DefaultValue("1s") Duration initialBackoff,
		@DefaultValue("30s") Duration maxBackoff) {

}

package dev.newsmon.search.messaging;

import java.time.Duration;

import dev.newsmon.events.Topics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the consumer of analysed articles backs off while Elasticsearch cannot take writes.
 *
 * @param initialBackoff the first wait before a failed batch is retried
 * @param maxBackoff the longest wait between two attempts
 * @param maxAttemptsOnUnexpectedErrors how many times a batch is retried after a failure
 * that is neither a rejected record nor an Elasticsearch outage, before its records go to
 * the dead-letter topic
 * @param topic the topic of analysed articles; only a benchmark reads another one
 */
@ConfigurationProperties("newsmon.search.messaging")
record ArticleConsumerProperties(@DefaultValue("1s") Duration initialBackoff, @DefaultValue("10s") Duration maxBackoff,
		@DefaultValue("5") int maxAttemptsOnUnexpectedErrors, @DefaultValue(Topics.ARTICLES_ANALYZED) String topic) {

}

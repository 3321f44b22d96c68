package dev.newsmon.search.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the consumer of analysed articles backs off while Elasticsearch cannot take writes.
 *
 * @param initialBackoff the first wait before a failed batch is retried
 * @param maxBackoff the longest wait between two attempts
 */
@ConfigurationProperties("newsmon.search.messaging")
record ArticleConsumerProperties(@DefaultValue("1s") Duration initialBackoff,
		@DefaultValue("30s") Duration maxBackoff) {

}

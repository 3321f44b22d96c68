package dev.newsmon.search.messaging;

import dev.newsmon.events.Topics;
import org.apache.kafka.common.TopicPartition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Failure handling of the article consumer. Records that can never be indexed
 * (unreadable, or rejected by Elasticsearch as malformed) go to {@code <topic>-dlt} with
 * the reason in the standard {@code kafka_dlt-*} headers. Anything else (Elasticsearch
 * down or overloaded) fails the batch, which the error handler retries with exponential
 * backoff without ever skipping it; offsets are committed only after a batch succeeded.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetters {

	@Bean
	DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaOperations<?, ?> kafkaTemplate) {
		// same partition in the dead-letter topic: both have the same partition count
		return new DeadLetterPublishingRecoverer(kafkaTemplate,
				(record, ex) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, record.partition()));
	}

	@Bean
	DefaultErrorHandler kafkaErrorHandler(DeadLetterPublishingRecoverer recoverer,
			ArticleConsumerProperties properties) {
		ExponentialBackOff backOff = new ExponentialBackOff(properties.initialBackoff().toMillis(), 2.0);
		backOff.setMaxInterval(properties.maxBackoff().toMillis());
		// no limit on attempts or elapsed time: an outage pauses indexing, it never drops
		// articles
		return new DefaultErrorHandler(recoverer, backOff);
	}

}

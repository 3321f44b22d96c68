package dev.newsmon.analysis.messaging;

import dev.newsmon.events.Topics;
import org.apache.kafka.common.TopicPartition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * Failure handling of the fetched-article consumer. Records that can never be analysed
 * (not JSON, unknown schema version, no article id) go to {@code <topic>-dlt} at once,
 * with the reason in the standard {@code kafka_dlt-*} headers. Other failures (the broker
 * not acknowledging the analysis) are retried with exponential backoff a bounded number
 * of times, then dead-lettered too: nothing retries forever and nothing is dropped.
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
	DefaultErrorHandler kafkaErrorHandler(DeadLetterPublishingRecoverer recoverer, ConsumerProperties properties) {
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.maxRetries());
		backOff.setInitialInterval(properties.initialBackoff().toMillis());
		backOff.setMultiplier(2.0);
		backOff.setMaxInterval(properties.maxBackoff().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(RejectedArticleException.class);
		return handler;
	}

}

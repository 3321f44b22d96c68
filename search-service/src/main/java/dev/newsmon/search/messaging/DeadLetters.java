package dev.newsmon.search.messaging;

import java.util.List;

import dev.newsmon.events.Topics;
import dev.newsmon.search.alert.DeliveryLogException;
import dev.newsmon.search.alert.SubscriptionsNotReadException;
import dev.newsmon.search.indexing.IndexingFailedException;
import org.apache.kafka.common.TopicPartition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonDelegatingErrorHandler;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Failure handling of the article consumer (ADR 0009). Records that can never be indexed
 * (unreadable, or rejected by Elasticsearch as malformed) go to {@code <topic>-dlt} with
 * the reason in the standard {@code kafka_dlt-*} headers. When Elasticsearch is down or
 * overloaded the batch fails with {@link IndexingFailedException}, or, when that happens
 * between indexing and logging its alerts, with {@link DeliveryLogException}: it is
 * retried with capped exponential backoff for as long as the outage lasts, the consumer
 * paused in between, and never skipped. Any other failure is a fault of this service: the
 * batch is retried a bounded number of times and then sent to the dead-letter topic with
 * the reason, so that nothing retries forever and nothing is dropped silently. Offsets
 * are committed only after a batch succeeded or was dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetters {

	/**
	 * The failures of an Elasticsearch outage, and the subscriptions not yet read after a
	 * start, retried without limit.
	 */
	static final List<Class<? extends RuntimeException>> OUTAGES = List.of(IndexingFailedException.class,
			DeliveryLogException.class, SubscriptionsNotReadException.class);

	@Bean
	DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaOperations<?, ?> kafkaTemplate) {
		// same partition in the dead-letter topic: both have the same partition count
		return new DeadLetterPublishingRecoverer(kafkaTemplate,
				(record, ex) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, record.partition()));
	}

	@Bean
	CommonErrorHandler kafkaErrorHandler(DeadLetterPublishingRecoverer recoverer,
			ArticleConsumerProperties properties) {
		ExponentialBackOff unexpected = backOff(properties);
		unexpected.setMaxAttempts(properties.maxAttemptsOnUnexpectedErrors());
		CommonDelegatingErrorHandler handler = new CommonDelegatingErrorHandler(
				new DefaultErrorHandler(recoverer, unexpected));
		// no limit on attempts or elapsed time: an outage pauses indexing, it never drops
		// articles; the indexing health component reports it
		for (Class<? extends RuntimeException> outage : OUTAGES) {
			handler.addDelegate(outage, new DefaultErrorHandler(recoverer, backOff(properties)));
		}
		handler.setCauseChainTraversing(true);
		return handler;
	}

	/**
	 * Whether a listener failure is retried without limit, as the error handler decides:
	 * by the first exception of the cause chain that is an outage.
	 * @param failure what the listener threw, possibly wrapped
	 * @return {@code true} for an outage, {@code false} for a bounded number of retries
	 * and then the dead-letter topic
	 */
	static boolean retriedWithoutLimit(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			for (Class<? extends RuntimeException> outage : OUTAGES) {
				if (outage.isInstance(cause)) {
					return true;
				}
			}
		}
		return false;
	}

	private static ExponentialBackOff backOff(ArticleConsumerProperties properties) {
		ExponentialBackOff backOff = new ExponentialBackOff(properties.initialBackoff().toMillis(), 2.0);
		backOff.setMaxInterval(properties.maxBackoff().toMillis());
		// spreads the retries of several replicas after a cluster-wide outage
		backOff.setJitter(properties.initialBackoff().toMillis() / 2);
		return backOff;
	}

}

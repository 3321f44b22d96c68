package dev.newsmon.search.messaging;

import java.io.IOException;

import dev.newsmon.search.alert.DeliveryLogException;
import dev.newsmon.search.alert.SubscriptionsNotReadException;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which listener failures the article consumer retries without limit: an Elasticsearch
 * outage, whether it hits the indexing or the delivery log right after it, and nothing
 * else.
 */
class DeadLettersTests {

	@Test
	void aDeliveryLogOutageIsRetriedWithoutLimit() {
		DeliveryLogException outage = new DeliveryLogException("the delivery log could not be written",
				new IOException("Connection refused"));
		assertThat(DeadLetters.OUTAGES).contains(DeliveryLogException.class);
		assertThat(DeadLetters.retriedWithoutLimit(outage)).isTrue();
		// as the listener container hands it to the error handler
		assertThat(DeadLetters.retriedWithoutLimit(
				new ListenerExecutionFailedException("Listener failed", new IllegalStateException("wrapped", outage))))
			.isTrue();
	}

	@Test
	void subscriptionsNotReadYetAreWaitedForWithoutLimit() {
		assertThat(DeadLetters.retriedWithoutLimit(new ListenerExecutionFailedException("Listener failed",
				new SubscriptionsNotReadException("the subscriptions topic has not been read"))))
			.isTrue();
	}

	@Test
	void otherFailuresGoToTheDeadLetterTopicAfterBoundedRetries() {
		assertThat(DeadLetters.retriedWithoutLimit(new ListenerExecutionFailedException("Listener failed",
				new IllegalStateException("the delivery log refused s:a: 400 mapper_parsing_exception"))))
			.isFalse();
		assertThat(DeadLetters.retriedWithoutLimit(new NullPointerException())).isFalse();
	}

}

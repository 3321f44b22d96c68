package dev.newsmon.analysis.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.newsmon.analysis.topics.RuleLog;
import dev.newsmon.analysis.topics.RuleLogUnavailableException;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores rule changes in the compacted topic {@value RuleTopics#RULES} (by default),
 * keyed by topic id, as the JSON that was submitted, and waits for the broker's
 * acknowledgement.
 */
@Component
class RuleChangedPublisher implements RuleLog {

	private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(10);

	private final KafkaTemplate<String, Object> kafkaTemplate;

	private final String topic;

	RuleChangedPublisher(KafkaTemplate<String, Object> kafkaTemplate, RuleLogProperties properties) {
		this.kafkaTemplate = kafkaTemplate;
		this.topic = properties.topic();
	}

	@Override
	public void append(String topicId, String json) {
		try {
			// bytes: the record value is the rule file's JSON as written
			this.kafkaTemplate.send(this.topic, topicId, json.getBytes(StandardCharsets.UTF_8))
				.get(ACKNOWLEDGEMENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RuleLogUnavailableException("Interrupted while storing the rule of " + topicId, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new RuleLogUnavailableException("The rule of " + topicId + " was not acknowledged", ex);
		}
	}

}

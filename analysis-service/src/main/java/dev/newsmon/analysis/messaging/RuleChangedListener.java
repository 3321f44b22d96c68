package dev.newsmon.analysis.messaging;

import java.util.Map;

import dev.newsmon.analysis.topics.RuleChanges;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Replays the rule log on every replica: a consumer group of its own per start,
 * positioned at the beginning of the rule topic ({@value RuleTopics#RULES}), so each
 * replica applies every change, past and future. A stored rule that is no longer valid,
 * or cannot be applied for any other reason, is logged and skipped: the rule in force
 * stays.
 */
@Component
class RuleChangedListener implements ConsumerSeekAware {

	private static final Logger logger = LoggerFactory.getLogger(RuleChangedListener.class);

	private final RuleChanges changes;

	RuleChangedListener(RuleChanges changes) {
		this.changes = changes;
	}

	@KafkaListener(id = "analysis-rules", groupId = "analysis-rules-${random.uuid}",
			topics = "${newsmon.analysis.rules.topic:" + RuleTopics.RULES + "}",
			properties = { "value.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
					"auto.offset.reset=earliest" })
	void onRuleChanged(ConsumerRecord<String, String> record) {
		if (record.value() == null) {
			return;
		}
		if (StoredRuleChanges.apply(this.changes, record.value(), StoredRuleChanges.where(record))) {
			logger.info("Applied rule change for topic {} from offset {}", record.key(), record.offset());
		}
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		callback.seekToBeginning(assignments.keySet());
	}

}

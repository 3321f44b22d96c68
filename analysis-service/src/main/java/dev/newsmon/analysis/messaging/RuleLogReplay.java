package dev.newsmon.analysis.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.newsmon.analysis.topics.RuleChanges;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Replays the rule log to its end before any listener starts, so that the first article a
 * replica analyses is tagged with the rules in force, not only the bundled files. Runs
 * once the topics are declared (after the singletons) and before the listener containers
 * (a lower lifecycle phase); {@link RuleChangedListener} then follows the changes that
 * come later. A start that cannot read the log fails, with the reason.
 */
@Component
class RuleLogReplay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RuleLogReplay.class);

	private static final Duration POLL = Duration.ofMillis(200);

	private final ConsumerFactory<?, ?> consumerFactory;

	private final RuleChanges changes;

	private final RuleLogProperties properties;

	private final Clock clock;

	private volatile boolean running;

	RuleLogReplay(ConsumerFactory<?, ?> consumerFactory, RuleChanges changes, RuleLogProperties properties,
			Clock clock) {
		this.consumerFactory = consumerFactory;
		this.changes = changes;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void start() {
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		Instant deadline = this.clock.instant().plus(this.properties.replayTimeout());
		int applied = 0;
		try (Consumer<?, ?> consumer = this.consumerFactory.createConsumer(null, "analysis-rules-replay", null,
				overrides)) {
			List<TopicPartition> partitions = consumer
				.partitionsFor(this.properties.topic(), this.properties.replayTimeout())
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, this.properties.replayTimeout());
			while (!caughtUp(consumer, ends)) {
				if (this.clock.instant().isAfter(deadline)) {
					throw new IllegalStateException("The rule log " + this.properties.topic()
							+ " could not be read to its end within " + this.properties.replayTimeout());
				}
				for (ConsumerRecord<?, ?> record : consumer.poll(POLL)) {
					applied += apply(record) ? 1 : 0;
				}
			}
		}
		logger.info("Replayed the rule log {}: {} rule changes applied", this.properties.topic(), applied);
		this.running = true;
	}

	private boolean apply(ConsumerRecord<?, ?> record) {
		if (record.value() == null) {
			return false;
		}
		return StoredRuleChanges.apply(this.changes, record.value().toString(), StoredRuleChanges.where(record));
	}

	private static boolean caughtUp(Consumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// before the listener containers, which start late in the default phase
		return 0;
	}

}

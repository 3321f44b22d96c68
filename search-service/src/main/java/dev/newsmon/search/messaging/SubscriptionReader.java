package dev.newsmon.search.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.newsmon.search.alert.Subscription;
import dev.newsmon.search.alert.Subscriptions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the whole subscriptions topic into {@link Subscriptions}, on every replica: every
 * partition is assigned by hand (no consumer group, no commits), read from the beginning
 * and then followed. The registry is told when the end offsets seen at start are reached.
 * A record that cannot be read is logged and skipped, and one that cannot be applied (see
 * {@link #apply(List)}) is dropped on this replica: either is a subscription this replica
 * cannot honour, and the next write of the same id replaces it.
 */
@Component
class SubscriptionReader implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(SubscriptionReader.class);

	private final KafkaProperties kafka;

	private final SubscriptionTopicProperties properties;

	private final Subscriptions subscriptions;

	private final JsonMapper json;

	private volatile KafkaConsumer<String, String> consumer;

	private volatile Thread thread;

	private volatile boolean running;

	SubscriptionReader(KafkaProperties kafka, SubscriptionTopicProperties properties, Subscriptions subscriptions,
			JsonMapper json) {
		this.kafka = kafka;
		this.properties = properties;
		this.subscriptions = subscriptions;
		this.json = json;
	}

	@Override
	public void start() {
		Map<String, Object> config = new HashMap<>(this.kafka.buildConsumerProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
		this.running = true;
		this.thread = new Thread(this::run, "subscription-reader");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run() {
		KafkaConsumer<String, String> reader = this.consumer;
		try {
			List<TopicPartition> partitions = partitions(reader);
			reader.assign(partitions);
			reader.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = reader.endOffsets(partitions);
			if (checkCaughtUp(reader, end)) {
				end = null;
			}
			while (this.running) {
				ConsumerRecords<String, String> records = reader.poll(this.properties.pollTimeout());
				if (!records.isEmpty()) {
					List<Subscriptions.Change> changes = new ArrayList<>(records.count());
					for (ConsumerRecord<String, String> record : records) {
						Subscriptions.Change change = change(record);
						if (change != null) {
							changes.add(change);
						}
					}
					apply(changes);
				}
				if (end != null && checkCaughtUp(reader, end)) {
					end = null;
				}
			}
		}
		catch (WakeupException ex) {
			// stopping
		}
		catch (RuntimeException ex) {
			logger.error("The subscriptions topic can no longer be read", ex);
		}
		finally {
			reader.close(CloseOptions.timeout(Duration.ofSeconds(2)));
		}
	}

	/**
	 * Applies the changes of one read. A subscription that reads as JSON can still be one
	 * the matcher cannot take (a query of thousands of words, written by something other
	 * than the API): it must not stop the reader, or every later subscription, and on a
	 * restart the replica's readiness, would wait behind it for ever. So when a read
	 * fails to apply, its changes are applied one by one and each one that fails is
	 * dropped on this replica, as if deleted, and logged.
	 */
	void apply(List<Subscriptions.Change> changes) {
		try {
			this.subscriptions.apply(changes);
		}
		catch (RuntimeException ex) {
			for (Subscriptions.Change change : changes) {
				try {
					this.subscriptions.apply(List.of(change));
				}
				catch (RuntimeException failure) {
					logger.warn("Dropped the subscription " + change.id() + ", which cannot be applied: " + failure);
					this.subscriptions.apply(List.of(new Subscriptions.Change(change.id(), null)));
				}
			}
		}
	}

	private List<TopicPartition> partitions(KafkaConsumer<String, String> reader) {
		while (this.running) {
			try {
				List<PartitionInfo> infos = reader.partitionsFor(this.properties.topic(), Duration.ofSeconds(10));
				if (infos != null && !infos.isEmpty()) {
					return infos.stream().map((info) -> new TopicPartition(info.topic(), info.partition())).toList();
				}
			}
			catch (TimeoutException ex) {
				// the broker is not reachable yet: readiness stays down until it is
			}
			logger.warn("The topic " + this.properties.topic() + " has no partitions yet; asking again");
		}
		throw new WakeupException();
	}

	private boolean checkCaughtUp(KafkaConsumer<String, String> reader, Map<TopicPartition, Long> end) {
		for (Map.Entry<TopicPartition, Long> entry : end.entrySet()) {
			if (reader.position(entry.getKey()) < entry.getValue()) {
				return false;
			}
		}
		this.subscriptions.caughtUp();
		logger.info("Read the subscriptions topic to its end: " + this.subscriptions.all().size() + " subscriptions");
		return true;
	}

	private Subscriptions.Change change(ConsumerRecord<String, String> record) {
		if (record.key() == null) {
			logger.warn("Skipped a subscription record without a key at offset " + record.offset());
			return null;
		}
		if (record.value() == null) {
			return new Subscriptions.Change(record.key(), null);
		}
		try {
			Subscription subscription = this.json.readValue(record.value(), Subscription.class);
			if (subscription.channel() == null || subscription.channel().type() == null
					|| !record.key().equals(subscription.id())) {
				logger.warn("Skipped the unusable subscription record " + record.key());
				return null;
			}
			return new Subscriptions.Change(record.key(), subscription);
		}
		catch (JacksonException ex) {
			logger.warn("Skipped the unreadable subscription record " + record.key() + ": " + ex.getMessage());
			return null;
		}
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<String, String> reader = this.consumer;
		if (reader != null) {
			reader.wakeup();
		}
		Thread reading = this.thread;
		if (reading != null) {
			try {
				reading.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// before the article listeners (which run at the default phase) start matching
		return SmartLifecycle.DEFAULT_PHASE - 1000;
	}

}

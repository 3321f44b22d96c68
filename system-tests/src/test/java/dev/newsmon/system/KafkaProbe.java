package dev.newsmon.system;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/**
 * Writes raw records to a chosen partition, as a faulty or hostile producer would, and
 * finds a record by key in a topic.
 */
final class KafkaProbe implements AutoCloseable {

	private final String bootstrapServers;

	private final KafkaProducer<String, byte[]> producer;

	KafkaProbe(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
		this.producer = new KafkaProducer<>(properties);
	}

	/** Writes one record to the partition and waits for the broker's acknowledgement. */
	void send(String topic, int partition, String key, byte[] value)
			throws InterruptedException, ExecutionException, TimeoutException {
		this.producer.send(new ProducerRecord<>(topic, partition, key, value)).get(30, TimeUnit.SECONDS);
	}

	/**
	 * Writes one record to the partition of its key, as any producer would, and waits for
	 * the broker's acknowledgement.
	 */
	void send(String topic, String key, byte[] value)
			throws InterruptedException, ExecutionException, TimeoutException {
		this.producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
	}

	int partitions(String topic) {
		return this.producer.partitionsFor(topic).size();
	}

	/** Waits for the first record with the key in the topic, read from the beginning. */
	ConsumerRecord<String, byte[]> awaitKey(String topic, String key, Duration timeout) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "failure-tests-" + UUID.randomUUID());
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			await("a record with key " + key + " in " + topic).atMost(timeout).pollInterval(Duration.ZERO).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(record.key())) {
						found.compareAndSet(null, record);
					}
				}
				return found.get() != null;
			});
		}
		return found.get();
	}

	@Override
	public void close() {
		this.producer.close();
	}

}

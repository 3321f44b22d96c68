package dev.newsmon.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import dev.newsmon.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what ingest-service published on {@code news.articles.fetched.v1}, keeping the
 * keys of the records of one test run.
 */
final class ArticleConsumer implements AutoCloseable {

	private final KafkaConsumer<String, String> consumer;

	private final String run;

	private final List<String> keys = new ArrayList<>();

	private final List<String> values = new ArrayList<>();

	ArticleConsumer(String run) {
		this.run = run;
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "ingest-it-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		// on a fresh broker the topic appears only when the service under test declares
		// it:
		// look for it often; "earliest" then reads everything it was sent
		properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
		this.consumer = new KafkaConsumer<>(properties);
		this.consumer.subscribe(Set.of(Topics.ARTICLES_FETCHED));
	}

	/**
	 * Reads for a while and returns every key of this run read so far.
	 * @param time how long to read
	 * @return the keys, one per record
	 */
	List<String> keys(Duration time) {
		long until = System.nanoTime() + time.toNanos();
		do {
			for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(200))) {
				if (record.value() != null && record.value().contains(this.run)) {
					this.keys.add(record.key());
					this.values.add(record.value());
				}
			}
		}
		while (System.nanoTime() < until);
		return List.copyOf(this.keys);
	}

	/**
	 * Reads for a while and returns every value of this run read so far.
	 * @param time how long to read
	 * @return the values, as JSON
	 */
	List<String> values(Duration time) {
		keys(time);
		return List.copyOf(this.values);
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}

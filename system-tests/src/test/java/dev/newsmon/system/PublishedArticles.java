package dev.newsmon.system;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import dev.newsmon.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * Every article published on {@value Topics#ARTICLES_FETCHED}, read from the beginning of
 * each partition with a consumer that commits nothing: the ids the index must hold.
 * Records that are not a readable article keyed by its own id (the poison of the tests)
 * are not articles and are left out.
 */
final class PublishedArticles implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final KafkaConsumer<String, byte[]> consumer;

	private final Set<String> ids = new HashSet<>();

	private List<TopicPartition> partitions;

	PublishedArticles(String bootstrapServers) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "failure-tests-" + UUID.randomUUID());
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		this.consumer = new KafkaConsumer<>(properties);
	}

	/**
	 * Reads up to the current end of every partition and answers every article id read so
	 * far.
	 */
	synchronized Set<String> readToEnd() {
		if (this.partitions == null) {
			this.partitions = this.consumer.partitionsFor(Topics.ARTICLES_FETCHED, Duration.ofSeconds(30))
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			this.consumer.assign(this.partitions);
			this.consumer.seekToBeginning(this.partitions);
		}
		Map<TopicPartition, Long> ends = this.consumer.endOffsets(this.partitions, Duration.ofSeconds(30));
		await("reading " + Topics.ARTICLES_FETCHED + " to its end").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ZERO)
			.until(() -> {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
					if (isArticle(record)) {
						this.ids.add(record.key());
					}
				}
				return ends.entrySet()
					.stream()
					.allMatch((end) -> this.consumer.position(end.getKey()) >= end.getValue());
			});
		return Set.copyOf(this.ids);
	}

	private static boolean isArticle(ConsumerRecord<String, byte[]> record) {
		if (record.key() == null || record.value() == null) {
			return false;
		}
		try {
			JsonNode article = json.readTree(record.value());
			return record.key().equals(article.path("articleId").asString(null));
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	@Override
	public synchronized void close() {
		this.consumer.close();
	}

}

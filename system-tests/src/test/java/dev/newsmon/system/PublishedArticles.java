package dev.newsmon.system;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
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
 * each partition with a consumer that commits nothing: the ids the index must hold, and
 * what tells which subscriptions an article matches. Records that are not a readable
 * article keyed by its own id (the poison of the tests) are not articles and are left
 * out.
 */
final class PublishedArticles implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final KafkaConsumer<String, byte[]> consumer;

	private final Map<String, Published> articles = new HashMap<>();

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
					Published article = article(record);
					if (article != null) {
						// a feed polled again may bring an article again, fetched later
						this.articles.merge(article.articleId(), article,
								(first, again) -> again.fetchedAt().isAfter(first.fetchedAt()) ? again : first);
					}
				}
				return ends.entrySet()
					.stream()
					.allMatch((end) -> this.consumer.position(end.getKey()) >= end.getValue());
			});
		return Set.copyOf(this.articles.keySet());
	}

	/**
	 * Reads up to the current end of every partition and answers every article read so
	 * far, by id.
	 */
	synchronized Map<String, Published> articles() {
		readToEnd();
		return Map.copyOf(this.articles);
	}

	private static Published article(ConsumerRecord<String, byte[]> record) {
		if (record.key() == null || record.value() == null) {
			return null;
		}
		try {
			JsonNode article = json.readTree(record.value());
			if (!record.key().equals(article.path("articleId").asString(null))) {
				return null;
			}
			String fetchedAt = article.path("fetchedAt").asString(null);
			return new Published(record.key(), article.path("source").asString(""), article.path("title").asString(""),
					(fetchedAt != null) ? Instant.parse(fetchedAt) : Instant.EPOCH);
		}
		catch (JacksonException | DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * What the failure tests need to know of a published article to tell which
	 * subscriptions it matches.
	 *
	 * @param articleId the article id
	 * @param source the source (the feed's name)
	 * @param title the title
	 * @param fetchedAt when ingest fetched it; the latest time when it was published more
	 * than once
	 */
	record Published(String articleId, String source, String title, Instant fetchedAt) {

	}

	@Override
	public synchronized void close() {
		this.consumer.close();
	}

}

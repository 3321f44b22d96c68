package dev.newsmon.analysis.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

import dev.newsmon.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/**
 * Plain Kafka clients around analysis-service on the real broker, for the integration
 * tests: a producer to the fetched-articles topic, and consumers of the analysed-articles
 * and dead-letter topics positioned at their end, so a test sees only what it caused.
 */
final class PipelineTopics implements AutoCloseable {

	static final String DEAD_LETTERS = Topics.ARTICLES_FETCHED + Topics.DEAD_LETTER_SUFFIX;

	private final KafkaProducer<String, String> producer;

	final KafkaConsumer<String, String> analyzed;

	final KafkaConsumer<String, String> deadLetters;

	/**
	 * Connects; the application under test has declared the topics at start-up.
	 * @param servers the bootstrap servers
	 */
	PipelineTopics(String servers) {
		Properties producerProperties = new Properties();
		producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
		producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
		this.producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new StringSerializer());
		this.analyzed = consumerAtEnd(servers, Topics.ARTICLES_ANALYZED);
		this.deadLetters = consumerAtEnd(servers, DEAD_LETTERS);
	}

	void sendFetched(String key, String value) throws Exception {
		this.producer.send(new ProducerRecord<>(Topics.ARTICLES_FETCHED, key, value)).get();
	}

	/**
	 * Sends records in one go, without waiting between them, so that the service is
	 * likely to read them in one poll.
	 * @param key the key of every record (one partition)
	 * @param values the values, in order
	 * @param traceparent the W3C {@code traceparent} header of every record
	 */
	void sendFetchedTogether(String key, List<String> values, String traceparent) throws Exception {
		List<Future<RecordMetadata>> sent = new ArrayList<>();
		for (String value : values) {
			ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ARTICLES_FETCHED, key, value);
			record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
			sent.add(this.producer.send(record));
		}
		for (Future<RecordMetadata> future : sent) {
			future.get();
		}
	}

	static ConsumerRecord<String, String> awaitRecord(KafkaConsumer<String, String> consumer, String key,
			Duration timeout) {
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		await().atMost(timeout).until(() -> {
			found.addAll(poll(consumer, key));
			return !found.isEmpty();
		});
		return found.get(0);
	}

	static List<ConsumerRecord<String, String>> recordsFor(KafkaConsumer<String, String> consumer, String key,
			Duration during) {
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		long end = System.nanoTime() + during.toNanos();
		while (System.nanoTime() < end) {
			found.addAll(poll(consumer, key));
		}
		return found;
	}

	private static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer, String key) {
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
			if (key.equals(record.key())) {
				found.add(record);
			}
		});
		return found;
	}

	private static KafkaConsumer<String, String> consumerAtEnd(String servers, String topic) {
		Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer());
		List<TopicPartition> partitions = consumer.partitionsFor(topic)
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToEnd(partitions);
		partitions.forEach(consumer::position);
		return consumer;
	}

	/** The fixture {@code messages/article-fetched.json} with the given article id. */
	static String article(String articleId) {
		try (InputStream in = PipelineTopics.class.getResourceAsStream("/messages/article-fetched.json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("ARTICLE_ID", articleId);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	static String newId() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
	}

	@Override
	public void close() {
		this.producer.close();
		this.analyzed.close();
		this.deadLetters.close();
	}

}

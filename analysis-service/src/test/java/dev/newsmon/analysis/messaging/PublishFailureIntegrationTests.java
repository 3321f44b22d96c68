package dev.newsmon.analysis.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.newsmon.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A failing downstream on the real broker named by {@code KAFKA_BOOTSTRAP_SERVERS}: the
 * publish of the analysis fails (as when the broker does not acknowledge it) a few times
 * and then succeeds, and the record is retried with backoff and published, not lost or
 * dead-lettered; a publish that never succeeds is retried a bounded number of times and
 * then dead-lettered with the reason. Offsets are committed only after the publish is
 * acknowledged, so the retries re-read the same record.
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${KAFKA_BOOTSTRAP_SERVERS}",
		"newsmon.analysis.messaging.initial-backoff=100ms", "newsmon.analysis.messaging.max-retries=3" })
@DirtiesContext
class PublishFailureIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String DEAD_LETTERS = Topics.ARTICLES_FETCHED + Topics.DEAD_LETTER_SUFFIX;

	/** Attempts to publish the analysis of each article, by article id. */
	static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	@Autowired
	private Environment environment;

	private KafkaProducer<String, String> producer;

	private KafkaConsumer<String, String> analyzed;

	private KafkaConsumer<String, String> deadLetters;

	@BeforeEach
	void connect() {
		String servers = this.environment.getRequiredProperty("spring.kafka.bootstrap-servers");
		Properties producerProperties = new Properties();
		producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
		producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
		this.producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new StringSerializer());
		this.analyzed = consumerAtEnd(servers, Topics.ARTICLES_ANALYZED);
		this.deadLetters = consumerAtEnd(servers, DEAD_LETTERS);
	}

	@AfterEach
	void close() {
		this.producer.close();
		this.analyzed.close();
		this.deadLetters.close();
	}

	@Test
	void aPublishThatFailsTwiceIsRetriedAndTheAnalysisIsNotLost() throws Exception {
		String articleId = "flaky" + newId();
		send(articleId, article(articleId));
		ConsumerRecord<String, String> record = awaitRecord(this.analyzed, articleId, TIMEOUT);
		assertThat(record.value()).contains(articleId);
		assertThat(attempts.get(articleId)).hasValue(3);
		assertThat(recordsFor(this.deadLetters, articleId, Duration.ofSeconds(2))).isEmpty();
	}

	@Test
	void aPublishThatNeverSucceedsIsDeadLetteredAfterBoundedRetries() throws Exception {
		String articleId = "doomed" + newId();
		send(articleId, article(articleId));
		ConsumerRecord<String, String> deadLetter = awaitRecord(this.deadLetters, articleId, TIMEOUT);
		assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains("was not acknowledged");
		assertThat(deadLetter.value()).contains(articleId);
		// the first attempt and the three retries, no more
		assertThat(attempts.get(articleId)).hasValue(4);
		assertThat(recordsFor(this.analyzed, articleId, Duration.ofSeconds(1))).isEmpty();
	}

	private void send(String key, String value) throws Exception {
		this.producer.send(new ProducerRecord<>(Topics.ARTICLES_FETCHED, key, value)).get();
	}

	private static ConsumerRecord<String, String> awaitRecord(KafkaConsumer<String, String> consumer, String key,
			Duration timeout) {
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		await().atMost(timeout).until(() -> {
			found.addAll(poll(consumer, key));
			return !found.isEmpty();
		});
		return found.get(0);
	}

	private static List<ConsumerRecord<String, String>> recordsFor(KafkaConsumer<String, String> consumer, String key,
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

	private String article(String articleId) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/messages/article-fetched.json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("ARTICLE_ID", articleId);
		}
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static String newId() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
	}

	/**
	 * A template whose publishes of analyses fail like an unacknowledged send: twice for
	 * "flaky" articles, always for "doomed" ones. Other sends (dead letters) go through.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class FailingDownstream {

		@Bean
		KafkaTemplate<String, Object> kafkaTemplate(ProducerFactory<String, Object> producerFactory) {
			return new KafkaTemplate<>(producerFactory) {

				@Override
				public CompletableFuture<SendResult<String, Object>> send(String topic, String key, Object data) {
					if (Topics.ARTICLES_ANALYZED.equals(topic) && key != null
							&& (key.startsWith("flaky") || key.startsWith("doomed"))) {
						int attempt = attempts.computeIfAbsent(key, (k) -> new AtomicInteger()).incrementAndGet();
						if (key.startsWith("doomed") || attempt <= 2) {
							return CompletableFuture
								.failedFuture(new KafkaException("broker unavailable (attempt " + attempt + ")"));
						}
					}
					return super.send(topic, key, data);
				}

			};
		}

	}

}

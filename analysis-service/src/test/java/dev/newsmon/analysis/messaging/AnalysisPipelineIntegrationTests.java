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

import dev.newsmon.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka pipeline of the service on the real broker named by
 * {@code KAFKA_BOOTSTRAP_SERVERS}: fetched articles come out analysed, poison records go
 * to the dead-letter topic and do not block the records behind them.
 */
@DirtiesContext
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${KAFKA_BOOTSTRAP_SERVERS}",
		"newsmon.analysis.messaging.initial-backoff=100ms" })
class AnalysisPipelineIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String DEAD_LETTERS = Topics.ARTICLES_FETCHED + Topics.DEAD_LETTER_SUFFIX;

	private final JsonMapper json = JsonMapper.builder().build();

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
	void aFetchedArticleIsPublishedAnalysed() throws Exception {
		String articleId = newId();
		send(articleId, article(articleId));
		ConsumerRecord<String, String> record = awaitRecord(this.analyzed, articleId);
		JsonNode analysis = this.json.readTree(record.value());
		assertThat(analysis.get("schemaVersion").intValue()).isEqualTo(1);
		assertThat(analysis.get("article").get("articleId").stringValue()).isEqualTo(articleId);
		assertThat(analysis.get("language").stringValue()).isEqualTo("ko");
		assertThat(analysis.get("topics").get(0).get("id").stringValue()).isEqualTo("north-korea");
		assertThat(analysis.get("topics").get(0).get("evidence")).isNotEmpty();
		assertThat(analysis.get("entities").findValuesAsString("id")).contains("Q423");
		assertThat(analysis.get("clusterId").stringValue()).isNotBlank();
		assertThat(analysis.get("analyzedAt").stringValue()).isNotBlank();
		assertThat(record.headers().lastHeader("__TypeId__")).isNull();
	}

	@Test
	void aRecordThatIsNotJsonIsDeadLetteredAndTheNextRecordStillFlows() throws Exception {
		String key = newId();
		send(key, "{\"schemaVersion\": 1, \"articleId\": ");
		// the same key: the same partition, right behind the poison record
		send(key, article(key));
		ConsumerRecord<String, String> deadLetter = awaitRecord(this.deadLetters, key);
		assertThat(deadLetter.value()).startsWith("{\"schemaVersion\": 1");
		assertThat(header(deadLetter, "kafka_dlt-exception-message")).isNotBlank();
		assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(Topics.ARTICLES_FETCHED);
		ConsumerRecord<String, String> next = awaitRecord(this.analyzed, key);
		assertThat(this.json.readTree(next.value()).get("article").get("articleId").stringValue()).isEqualTo(key);
	}

	@Test
	void aRecordWithoutArticleIdIsDeadLetteredWithTheReason() throws Exception {
		String key = newId();
		send(key, article(key).replace("\"articleId\": \"" + key + "\"", "\"articleId\": null"));
		ConsumerRecord<String, String> deadLetter = awaitRecord(this.deadLetters, key);
		assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains("no articleId");
	}

	@Test
	void aRecordOfAnUnknownSchemaVersionIsDeadLetteredWithTheReason() throws Exception {
		String key = newId();
		send(key, article(key).replace("\"schemaVersion\": 1", "\"schemaVersion\": 99"));
		ConsumerRecord<String, String> deadLetter = awaitRecord(this.deadLetters, key);
		assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains("unknown schemaVersion 99");
	}

	private void send(String key, String value) throws Exception {
		this.producer.send(new ProducerRecord<>(Topics.ARTICLES_FETCHED, key, value)).get();
	}

	private ConsumerRecord<String, String> awaitRecord(KafkaConsumer<String, String> consumer, String key) {
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		await().atMost(TIMEOUT).until(() -> {
			consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
				if (key.equals(record.key())) {
					found.add(record);
				}
			});
			return !found.isEmpty();
		});
		return found.get(0);
	}

	private static KafkaConsumer<String, String> consumerAtEnd(String servers, String topic) {
		Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer());
		// the application declares the topics at start-up, before the tests run
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
		return UUID.randomUUID().toString().replace("-", "");
	}

}

package dev.newsmon.analysis.messaging;

import java.time.Duration;

import dev.newsmon.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.core.env.Environment;

import static dev.newsmon.analysis.messaging.PipelineTopics.article;
import static dev.newsmon.analysis.messaging.PipelineTopics.header;
import static dev.newsmon.analysis.messaging.PipelineTopics.newId;
import static org.assertj.core.api.Assertions.assertThat;

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

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private Environment environment;

	private PipelineTopics topics;

	@BeforeEach
	void connect() {
		this.topics = new PipelineTopics(this.environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
	}

	@AfterEach
	void close() {
		this.topics.close();
	}

	@Test
	void aFetchedArticleIsPublishedAnalysed() throws Exception {
		String articleId = newId();
		send(articleId, article(articleId));
		ConsumerRecord<String, String> record = awaitRecord(this.topics.analyzed, articleId);
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
	void aRecordWithFieldsOfANewerProducerIsStillAnalysed() throws Exception {
		// the HTTP API refuses unknown fields; records must not: a newer ingest may add
		// some
		String articleId = newId();
		send(articleId, article(articleId).replaceFirst("\\{", "{\"addedLater\": {\"weight\": 1}, \"tags\": [\"x\"],"));
		ConsumerRecord<String, String> record = awaitRecord(this.topics.analyzed, articleId);
		assertThat(this.json.readTree(record.value()).get("article").get("articleId").stringValue())
			.isEqualTo(articleId);
	}

	@Test
	void aRecordThatIsNotJsonIsDeadLetteredAndTheNextRecordStillFlows() throws Exception {
		String key = newId();
		send(key, "{\"schemaVersion\": 1, \"articleId\": ");
		// the same key: the same partition, right behind the poison record
		send(key, article(key));
		ConsumerRecord<String, String> deadLetter = awaitRecord(this.topics.deadLetters, key);
		assertThat(deadLetter.value()).startsWith("{\"schemaVersion\": 1");
		assertThat(header(deadLetter, "kafka_dlt-exception-message")).isNotBlank();
		assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(Topics.ARTICLES_FETCHED);
		ConsumerRecord<String, String> next = awaitRecord(this.topics.analyzed, key);
		assertThat(this.json.readTree(next.value()).get("article").get("articleId").stringValue()).isEqualTo(key);
	}

	@Test
	void aRecordWithoutArticleIdIsDeadLetteredWithTheReason() throws Exception {
		String key = newId();
		send(key, article(key).replace("\"articleId\": \"" + key + "\"", "\"articleId\": null"));
		ConsumerRecord<String, String> deadLetter = awaitRecord(this.topics.deadLetters, key);
		assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains("no articleId");
	}

	@Test
	void aRecordOfAnUnknownSchemaVersionIsDeadLetteredWithTheReason() throws Exception {
		String key = newId();
		send(key, article(key).replace("\"schemaVersion\": 1", "\"schemaVersion\": 99"));
		ConsumerRecord<String, String> deadLetter = awaitRecord(this.topics.deadLetters, key);
		assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains("unknown schemaVersion 99");
	}

	private void send(String key, String value) throws Exception {
		this.topics.sendFetched(key, value);
	}

	private ConsumerRecord<String, String> awaitRecord(KafkaConsumer<String, String> consumer, String key) {
		return PipelineTopics.awaitRecord(consumer, key, TIMEOUT);
	}

}

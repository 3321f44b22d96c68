package dev.newsmon.analysis.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
	void aPoisonRecordInsideABatchCostsNoOtherRecordItsAnalysisAndTracesContinue() throws Exception {
		String key = newId();
		List<String> before = List.of(newId(), newId(), newId());
		List<String> after = List.of(newId(), newId(), newId());
		List<String> values = new ArrayList<>();
		before.forEach((id) -> values.add(article(id)));
		values.add("{\"schemaVersion\": 1, \"articleId\": \"" + key + "\", \"title\": ");
		after.forEach((id) -> values.add(article(id)));
		String traceId = newId() + "abcdef012345";
		this.topics.sendFetchedTogether(key, values, "00-" + traceId + "-00f067aa0ba902b7-01");

		assertThat(header(awaitRecord(this.topics.deadLetters, key), "kafka_dlt-original-topic"))
			.isEqualTo(Topics.ARTICLES_FETCHED);
		Set<String> expected = new HashSet<>(before);
		expected.addAll(after);
		Map<String, Integer> published = new HashMap<>();
		await().atMost(TIMEOUT).until(() -> {
			for (ConsumerRecord<String, String> record : this.topics.analyzed.poll(Duration.ofMillis(200))) {
				if (expected.contains(record.key())) {
					published.merge(record.key(), 1, Integer::sum);
					// the record's trace goes on in its analysis
					assertThat(header(record, "traceparent")).startsWith("00-" + traceId + "-");
				}
			}
			return published.keySet().equals(expected);
		});
		// nothing published twice: the records before the poison were acknowledged and
		// committed, the ones behind it were sent once, after it was dead-lettered
		for (ConsumerRecord<String, String> record : this.topics.analyzed.poll(Duration.ofSeconds(2))) {
			if (expected.contains(record.key())) {
				published.merge(record.key(), 1, Integer::sum);
			}
		}
		assertThat(published).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
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

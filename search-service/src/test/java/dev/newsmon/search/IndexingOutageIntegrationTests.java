package dev.newsmon.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.ArticleFetched;
import dev.newsmon.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Elasticsearch overloaded (429 on every bulk request) and then unreachable (connection
 * refused): the consumer retries with backoff, commits no offset of the articles it could
 * not index, reports the stall on its health, and indexes every article once
 * Elasticsearch is back. The real Elasticsearch sits behind {@link FaultyElasticsearch}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${KAFKA_BOOTSTRAP_SERVERS}",
				"newsmon.search.messaging.initial-backoff=200ms", "newsmon.search.messaging.max-backoff=1s",
				"newsmon.search.index.unhealthy-after=2", "management.endpoint.health.show-details=always" })
class IndexingOutageIntegrationTests {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private static final String ALIAS = "it-outage-" + RUN;

	private static final String GROUP = "search-outage-" + RUN;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static FaultyElasticsearch elasticsearch;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void runProperties(DynamicPropertyRegistry registry) throws Exception {
		elasticsearch = new FaultyElasticsearch(required("ELASTICSEARCH_URL"));
		registry.add("spring.elasticsearch.uris", elasticsearch::url);
		registry.add("newsmon.search.index.alias", () -> ALIAS);
		registry.add("spring.kafka.consumer.group-id", () -> GROUP);
	}

	@AfterAll
	static void cleanUp() throws Exception {
		elasticsearch.close();
		delete(required("ELASTICSEARCH_URL") + "/" + ALIAS + "-v1");
		delete(required("ELASTICSEARCH_URL") + "/_index_template/" + ALIAS);
	}

	@Test
	void outageStallsIndexingWithoutCommittingOrLosingArticles() throws Exception {
		List<String> ids = List.of(RUN + "-outage-0", RUN + "-outage-1", RUN + "-outage-2");
		List<RecordMetadata> sent = new ArrayList<>();
		try (KafkaProducer<String, byte[]> producer = producer()) {
			elasticsearch.rejectBulk(true);
			sent.add(publish(producer, ids.get(0)));
			sent.add(publish(producer, ids.get(1)));
			await().atMost(Duration.ofSeconds(30)).until(() -> elasticsearch.rejectedBulks() >= 3);
			assertNotCommitted(sent);
			assertThat(get("/api/articles/" + ids.get(0)).statusCode()).isEqualTo(404);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(indexingHealth().get("status").asString()).isEqualTo("DOWN"));

			elasticsearch.rejectBulk(false);
			elasticsearch.unreachable();
			sent.add(publish(producer, ids.get(2)));
			int failures = indexingHealth().at("/details/consecutiveFailures").asInt();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> indexingHealth().at("/details/consecutiveFailures").asInt() >= failures + 2);
			assertThat(indexingHealth().at("/details/lastError").asString()).contains("did not take the bulk request");
			assertNotCommitted(sent);
		}
		finally {
			elasticsearch.rejectBulk(false);
			elasticsearch.reachable();
		}

		for (String id : ids) {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(get("/api/articles/" + id).statusCode()).as(id).isEqualTo(200));
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (RecordMetadata record : sent) {
				assertThat(committed(record)).isGreaterThan(record.offset());
			}
		});
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(indexingHealth().get("status").asString()).isEqualTo("UP"));
	}

	private JsonNode indexingHealth() throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		return json.readTree(response.body()).at("/components/indexing");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static void assertNotCommitted(List<RecordMetadata> records) throws Exception {
		for (RecordMetadata record : records) {
			assertThat(committed(record)).as("committed offset of %s", record).isLessThanOrEqualTo(record.offset());
		}
	}

	private static long committed(RecordMetadata record) throws Exception {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, required("KAFKA_BOOTSTRAP_SERVERS"));
		try (Admin admin = Admin.create(properties)) {
			OffsetAndMetadata committed = admin.listConsumerGroupOffsets(GROUP)
				.partitionsToOffsetAndMetadata()
				.get()
				.get(new TopicPartition(record.topic(), record.partition()));
			return (committed != null) ? committed.offset() : -1;
		}
	}

	private static KafkaProducer<String, byte[]> producer() {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, required("KAFKA_BOOTSTRAP_SERVERS"));
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
	}

	private static RecordMetadata publish(KafkaProducer<String, byte[]> producer, String id) throws Exception {
		Instant now = Instant.now();
		ArticleFetched fetched = new ArticleFetched(1, id, "https://example.org/" + id, "feed-outage",
				"Outage Wire " + RUN, "Coast guard vessels shadow a survey ship", "", "The ships kept their distance.",
				null, List.of(), "en", now, now, "", List.of());
		ArticleAnalyzed analyzed = new ArticleAnalyzed(1, fetched, "en", List.of(), List.of(), 1L, "cluster-" + id,
				now);
		return producer.send(new ProducerRecord<>(Topics.ARTICLES_ANALYZED, id, json.writeValueAsBytes(analyzed)))
			.get();
	}

	private static void delete(String url) throws Exception {
		http.send(HttpRequest.newBuilder(URI.create(url)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
	}

	private static String required(String name) {
		String value = System.getenv(name);
		assertThat(value).as(name + " must point at the test infrastructure").isNotBlank();
		return value;
	}

}

package dev.newsmon.system;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton end to end: a feed served on 127.0.0.1 is registered with
 * ingest-service, its articles travel through Kafka and analysis-service into
 * Elasticsearch, and search-service finds them with their topics. Polling again publishes
 * nothing twice.
 */
class PipelineIntegrationTests {

	private static final String API_KEY = "system-test-key";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final List<ServiceProcess> services = new ArrayList<>();

	private static ServiceProcess ingest;

	private static ServiceProcess search;

	@BeforeAll
	static void startServices() throws IOException {
		String kafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
		String elasticsearch = System.getenv("ELASTICSEARCH_URL");
		assertThat(kafka).as("KAFKA_BOOTSTRAP_SERVERS (make test starts a broker and sets it)").isNotBlank();
		assertThat(elasticsearch).as("ELASTICSEARCH_URL (make test starts Elasticsearch and sets it)").isNotBlank();
		Map<String, String> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "ELASTICSEARCH_URL", elasticsearch,
				"NEWSMON_API_KEY", API_KEY, "NEWSMON_ALLOWED_NETWORKS", "127.0.0.0/8", "NEWSMON_DEMO_FEEDS", "false");
		ingest = ServiceProcess.start("ingest-service", 18081, environment);
		services.add(ingest);
		services.add(ServiceProcess.start("analysis-service", 18082, environment));
		search = ServiceProcess.start("search-service", 18080, environment);
		services.add(search);
		for (ServiceProcess service : services) {
			service.awaitReady(Duration.ofMinutes(3));
		}
	}

	@AfterAll
	static void stopServices() {
		for (ServiceProcess service : services) {
			service.close();
		}
	}

	@Test
	void feedArticlesBecomeSearchableWithTopicsAndRepollingAddsNoDuplicate() throws Exception {
		String run = "run" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String firstVersion = FeedServer.resource("/feeds/pipeline.xml").replace("RUN", run);
		try (FeedServer feed = new FeedServer(firstVersion)) {
			JsonNode registered = send(HttpRequest.newBuilder(ingest.uri("/api/feeds"))
				.header("Authorization", "Bearer " + API_KEY)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("url", feed.url(), "name",
						"System test wire", "language", "en", "intervalSeconds", 3600))))
				.build(), 201);
			String feedId = registered.path("id").asString();
			pollNow(feedId);

			JsonNode found = awaitTotal(run, 2);
			JsonNode missile = hitWithTitle(found, "North Korea fires");
			assertThat(topicIds(missile)).contains("north-korea");
			assertThat(missile.path("url").asString())
				.isEqualTo("https://wire.newsmon.invalid/" + run + "/north-korea-missile");
			assertThat(missile.path("language").asString()).isEqualTo("en");
			assertThat(topicIds(hitWithTitle(found, "cycling lanes"))).isEmpty();
			assertThat(traceIds(missile.path("id").asString()))
				.as("the W3C trace context travels with the article from ingest through analysis")
				.hasSize(1)
				.allSatisfy((traceId) -> assertThat(traceId).matches("[0-9a-f]{32}"));

			// The publisher adds one item; a new poll must bring only that one.
			String update = FeedServer.resource("/feeds/pipeline-update.xml").replace("RUN", run);
			feed.publish(firstVersion.replace("  </channel>", update + "  </channel>"));
			pollNow(feedId);

			JsonNode afterRepoll = awaitTotal(run, 3);
			assertThat(topicIds(hitWithTitle(afterRepoll, "drills around Taiwan"))).contains("taiwan-strait");
			Set<String> urls = new HashSet<>();
			afterRepoll.path("hits").forEach((hit) -> urls.add(hit.path("url").asString()));
			assertThat(urls).hasSize(3);
			assertThat(search(run + "&topic=north-korea").path("total").asLong()).isEqualTo(1);
			assertThat(feed.requests()).isGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void everyServiceIsReadyWithKafkaAndServesPrometheusMetrics() throws Exception {
		for (ServiceProcess service : services) {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(service.uri("/actuator/prometheus")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(service.uri("/actuator/prometheus").toString()).isEqualTo(200);
			assertThat(response.body()).contains("jvm_memory_used_bytes");
			HttpResponse<String> readiness = http.send(
					HttpRequest.newBuilder(service.uri("/actuator/health/readiness")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(json.readTree(readiness.body()).path("components").path("kafka").path("status").asString())
				.as("readiness of %s includes Kafka", service.uri("/"))
				.isEqualTo("UP");
		}
	}

	/**
	 * The trace ids in the {@code traceparent} headers of an article's records on the
	 * fetched and the analysed topics.
	 */
	private static Set<String> traceIds(String articleId) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		Map<String, String> traceParents = new HashMap<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
			consumer.subscribe(List.of(Topics.ARTICLES_FETCHED, Topics.ARTICLES_ANALYZED));
			await("both records of " + articleId).atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					Header header = record.headers().lastHeader("traceparent");
					if (articleId.equals(record.key())) {
						traceParents.put(record.topic(),
								(header != null) ? new String(header.value(), StandardCharsets.UTF_8) : "none");
					}
				}
				return traceParents.size() == 2;
			});
		}
		Set<String> traceIds = new HashSet<>();
		// traceparent: version-traceid-parentid-flags (W3C Trace Context)
		for (String value : traceParents.values()) {
			String[] parts = value.split("-");
			traceIds.add((parts.length == 4) ? parts[1] : "no traceparent: " + value);
		}
		return traceIds;
	}

	private void pollNow(String feedId) throws Exception {
		send(HttpRequest.newBuilder(ingest.uri("/api/feeds/" + feedId + "/poll"))
			.header("Authorization", "Bearer " + API_KEY)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), 200);
	}

	private JsonNode awaitTotal(String query, long expected) {
		return await("search for " + query + " finds " + expected).atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> search(query), (result) -> result.path("total").asLong() == expected);
	}

	private JsonNode search(String query) throws Exception {
		String encoded = URLEncoder.encode(query, StandardCharsets.UTF_8).replace("%26", "&").replace("%3D", "=");
		return send(HttpRequest.newBuilder(search.uri("/api/search?q=" + encoded)).GET().build(), 200);
	}

	private static JsonNode send(HttpRequest request, int expectedStatus) throws Exception {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s %s answered %s", request.method(), request.uri(), response.body())
			.isEqualTo(expectedStatus);
		return json.readTree(response.body());
	}

	private static JsonNode hitWithTitle(JsonNode result, String titlePart) {
		for (JsonNode hit : result.path("hits")) {
			if (hit.path("title").asString().contains(titlePart)) {
				return hit;
			}
		}
		throw new AssertionError("no hit with a title containing '" + titlePart + "' in " + result);
	}

	private static List<String> topicIds(JsonNode hit) {
		List<String> ids = new ArrayList<>();
		hit.path("topics").forEach((topic) -> ids.add(topic.path("id").asString()));
		return ids;
	}

}

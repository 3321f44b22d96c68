package dev.newsmon.search;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.ArticleFetched;
import dev.newsmon.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mapping migration of docs/search-operations.md on the real broker and
 * Elasticsearch: a service on mapping v1 indexes articles and stops; articles arrive
 * while it is down; the service restarts with {@code version=2} and {@code migrate=true},
 * replays the topic into the v2 index, switches the alias, and every article is then in
 * v2 once, at its newest version, including one published after the switch.
 */
class MappingMigrationIntegrationTests {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private static final String ALIAS = "it-migration-" + RUN;

	private static final String SOURCE = "Migration Wire " + RUN;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static KafkaProducer<String, byte[]> producer;

	@BeforeAll
	static void startProducer() {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, required("KAFKA_BOOTSTRAP_SERVERS"));
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
	}

	@AfterAll
	static void cleanUp() throws Exception {
		producer.close();
		for (String path : List.of(ALIAS + "-v1", ALIAS + "-v2", "_index_template/" + ALIAS)) {
			http.send(HttpRequest.newBuilder(URI.create(elasticsearch() + "/" + path)).DELETE().build(),
					HttpResponse.BodyHandlers.discarding());
		}
	}

	@Test
	void replaysTheTopicIntoTheNewVersionAndSwitchesTheAlias() throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			ids.add(RUN + "-migration-" + i);
		}
		Instant now = Instant.now();
		try (ConfigurableApplicationContext v1 = start(Map.of())) {
			publish(ids.get(0), "Frigates visit the port", now.minusSeconds(60));
			publish(ids.get(0), "Frigates visit the port, updated", now);
			for (String id : ids.subList(1, 4)) {
				publish(id, "Frigates sail on", now);
			}
			for (String id : ids.subList(0, 4)) {
				await().atMost(Duration.ofSeconds(60))
					.untilAsserted(() -> assertThat(get(v1, "/api/articles/" + id).statusCode()).isEqualTo(200));
			}
		}
		assertThat(indicesBehindAlias()).containsExactly(ALIAS + "-v1");

		publish(ids.get(4), "Frigates sail while the service is down", now);
		publish(ids.get(5), "Frigates sail while the service is down", now);

		try (ConfigurableApplicationContext v2 = start(
				Map.of("newsmon.search.index.version", "2", "newsmon.search.index.migrate", "true"))) {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(indicesBehindAlias()).containsExactly(ALIAS + "-v2"));
			publish(ids.get(6), "Frigates sail after the switch", now);

			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				JsonNode result = json.readTree(
						get(v2, "/api/search?size=100&source=" + URLEncoder.encode(SOURCE, StandardCharsets.UTF_8))
							.body());
				assertThat(result.get("total").asLong()).isEqualTo(7);
				List<String> found = new ArrayList<>();
				result.get("hits").forEach((hit) -> found.add(hit.get("id").asString()));
				assertThat(found).containsExactlyInAnyOrderElementsOf(ids);
			});
			JsonNode updated = json.readTree(get(v2, "/api/articles/" + ids.get(0)).body());
			assertThat(updated.get("title").asString()).isEqualTo("Frigates visit the port, updated");
			JsonNode mapping = json.readTree(elasticsearchGet("/" + ALIAS + "-v2/_mapping"));
			assertThat(mapping.at("/" + ALIAS + "-v2/mappings/properties/title/fields/raw/type").asString())
				.isEqualTo("keyword");
		}
	}

	private static ConfigurableApplicationContext start(Map<String, Object> extra) {
		Map<String, Object> properties = new HashMap<>(extra);
		properties.put("server.port", "0");
		properties.put("spring.kafka.bootstrap-servers", required("KAFKA_BOOTSTRAP_SERVERS"));
		properties.put("spring.elasticsearch.uris", elasticsearch());
		properties.put("spring.kafka.consumer.group-id", "search-migration-" + RUN);
		properties.put("newsmon.search.index.alias", ALIAS);
		properties.put("newsmon.search.messaging.initial-backoff", "200ms");
		// as arguments: they must win over application.yml, as default properties do not
		String[] args = properties.entrySet()
			.stream()
			.map((e) -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(SearchApplication.class).run(args);
	}

	private static List<String> indicesBehindAlias() throws Exception {
		List<String> indices = new ArrayList<>();
		json.readTree(elasticsearchGet("/_alias/" + ALIAS)).propertyNames().forEach(indices::add);
		return indices;
	}

	private static void publish(String id, String title, Instant analyzedAt) throws Exception {
		ArticleFetched fetched = new ArticleFetched(1, id, "https://example.org/" + id, "feed-migration", SOURCE, title,
				"", "Two frigates of the navy called at the port.", null, List.of(), "en", analyzedAt, analyzedAt, "",
				List.of());
		ArticleAnalyzed analyzed = new ArticleAnalyzed(1, fetched, "en", List.of(), List.of(), 1L, "cluster-" + id,
				analyzedAt);
		producer.send(new ProducerRecord<>(Topics.ARTICLES_ANALYZED, id, json.writeValueAsBytes(analyzed))).get();
	}

	private static HttpResponse<String> get(ConfigurableApplicationContext context, String path) throws Exception {
		String port = context.getEnvironment().getProperty("local.server.port");
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String elasticsearchGet(String path) throws Exception {
		return http
			.send(HttpRequest.newBuilder(URI.create(elasticsearch() + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private static String elasticsearch() {
		return required("ELASTICSEARCH_URL");
	}

	private static String required(String name) {
		String value = System.getenv(name);
		assertThat(value).as(name + " must point at the test infrastructure").isNotBlank();
		return value;
	}

}

package dev.newsmon.search.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The subscriptions API on the real broker and Elasticsearch.
 */
class SubscriptionApiIntegrationTests extends AlertTestService {

	@Autowired
	private Subscriptions subscriptions;

	@Test
	void createsListsReadsAndDeletes() throws Exception {
		HttpResponse<String> created = post("/api/subscriptions",
				"{\"name\":\"Missiles\",\"query\":\"missile -drill\",\"topics\":[\"north-korea\"],"
						+ "\"languages\":[\"en\",\"ja\"],\"channel\":{\"type\":\"webhook\",\"url\":\"https://93.184.215.14/hook\"}}",
				KEY);
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode view = json.readTree(created.body());
		String id = view.get("id").asString();
		assertThat(id).matches("[0-9a-f]{32}");
		assertThat(created.headers().firstValue("Location")).hasValue("/api/subscriptions/" + id);
		assertThat(view.at("/channel/type").asString()).isEqualTo("webhook");
		assertThat(view.at("/channel/secret").asString()).hasSizeGreaterThanOrEqualTo(43);
		assertThat(view.at("/links/feed").asString()).isEqualTo("/api/subscriptions/" + id + "/feed");
		assertThat(view.at("/links/events").asString()).isEqualTo("/api/subscriptions/" + id + "/events");
		assertThat(view.at("/links/deliveries").asString()).isEqualTo("/api/subscriptions/" + id + "/deliveries");
		// read-your-writes: the create call returned after this replica applied it
		assertThat(this.subscriptions.find(id)).isPresent();

		HttpResponse<String> one = get("/api/subscriptions/" + id, null);
		assertThat(one.statusCode()).isEqualTo(200);
		JsonNode read = json.readTree(one.body());
		assertThat(read.get("name").asString()).isEqualTo("Missiles");
		assertThat(read.get("query").asString()).isEqualTo("missile -drill");
		assertThat(read.at("/channel/url").asString()).isEqualTo("https://93.184.215.14/hook");
		assertThat(read.at("/channel").has("secret")).isFalse();
		assertThat(read.get("oncePerStory").asBoolean()).isFalse();
		assertThat(read.get("createdAt").asString()).isNotBlank();

		HttpResponse<String> list = get("/api/subscriptions", KEY);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(json.readTree(list.body()).findValuesAsString("id")).contains(id);
		assertThat(list.body()).doesNotContain("secret");

		assertThat(get("/api/subscriptions", null).statusCode()).isEqualTo(401);
		assertThat(delete("/api/subscriptions/" + id, null).statusCode()).isEqualTo(401);
		assertThat(delete("/api/subscriptions/" + id, KEY).statusCode()).isEqualTo(204);
		assertThat(this.subscriptions.find(id)).isEmpty();
		assertThat(get("/api/subscriptions/" + id, null).statusCode()).isEqualTo(404);
		assertThat(delete("/api/subscriptions/" + id, KEY).statusCode()).isEqualTo(404);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', value = {
			"bad query; {\"name\":\"n\",\"query\":\"\\\"unclosed\",\"channel\":{\"type\":\"sse\"}}; query",
			"private webhook; {\"name\":\"n\",\"query\":\"q\",\"channel\":{\"type\":\"webhook\",\"url\":\"http://169.254.169.254/\"}}; channel.url",
			"unknown topic; {\"name\":\"n\",\"topics\":[\"weather\"],\"channel\":{\"type\":\"atom\"}}; topics",
			"unknown field; {\"name\":\"n\",\"query\":\"q\",\"owner\":\"x\",\"channel\":{\"type\":\"atom\"}}; owner",
			"unknown channel field; {\"name\":\"n\",\"query\":\"q\",\"channel\":{\"type\":\"atom\",\"owner\":\"x\"}}; channel.owner",
			"name of the wrong type; {\"name\":{\"a\":1},\"channel\":{\"type\":\"atom\"}}; name",
			"topics of the wrong type; {\"name\":\"n\",\"topics\":\"north-korea\",\"channel\":{\"type\":\"atom\"}}; topics",
			"trailing content; {\"name\":\"n\",\"channel\":{\"type\":\"atom\"}} {}; body", "not json; {\"name\":; body",
			"bad email; {\"name\":\"n\",\"query\":\"q\",\"channel\":{\"type\":\"email\",\"email\":\"nobody\"}}; channel.email" })
	void refusesBadSubscriptionsWithAProblem(String name, String body, String field) throws Exception {
		HttpResponse<String> response = post("/api/subscriptions", body, KEY);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("field").asString()).isEqualTo(field);
		assertThat(problem.get("detail").asString()).startsWith(field + ": ");
	}

	@Test
	void refusesWritesWithoutTheKeyAndOversizedBodies() throws Exception {
		String body = "{\"name\":\"n\",\"query\":\"q\",\"channel\":{\"type\":\"sse\"}}";
		HttpResponse<String> noKey = post("/api/subscriptions", body, null);
		assertThat(noKey.statusCode()).isEqualTo(401);
		assertThat(noKey.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"newsmon\"");
		assertThat(post("/api/subscriptions", body, "wrong").statusCode()).isEqualTo(401);
		String huge = "{\"name\":\"" + "n".repeat(20_000) + "\",\"channel\":{\"type\":\"sse\"}}";
		assertThat(post("/api/subscriptions", huge, KEY).statusCode()).isEqualTo(413);
	}

	/**
	 * A record the API would never write: it reads as a subscription, but its query has
	 * more clauses than Lucene takes. It must be dropped, not stop the reader: a
	 * subscription written after it is still read back.
	 */
	@Test
	void aSubscriptionTheMatcherCannotTakeBlocksNothingBehindIt() throws Exception {
		String poisonId = UUID.randomUUID().toString().replace("-", "");
		String words = IntStream.range(0, 2000).mapToObj((n) -> "word" + n).collect(Collectors.joining(" "));
		byte[] poison = json.writeValueAsBytes(Map.of("id", poisonId, "name", "Too many words", "query", words,
				"channel", Map.of("type", "ATOM"), "oncePerStory", false, "createdAt", Instant.now().toString()));
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka());
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
				new ByteArraySerializer())) {
			for (int partition = 0; partition < 2; partition++) {
				producer.send(new ProducerRecord<>(SUBSCRIPTIONS, partition, poisonId, poison)).get();
				producer
					.send(new ProducerRecord<>(SUBSCRIPTIONS, partition, "not-json-" + partition,
							"{\"id\": ".getBytes(StandardCharsets.UTF_8)))
					.get();
			}
		}
		HttpResponse<String> created = post("/api/subscriptions",
				"{\"name\":\"Behind the poison\",\"query\":\"harbour\",\"channel\":{\"type\":\"atom\"}}", KEY);
		assertThat(created.statusCode()).isEqualTo(201);
		String id = json.readTree(created.body()).get("id").asString();
		assertThat(this.subscriptions.find(id)).as("the subscription written behind the poison").isPresent();
		// the copy on the other partition may be read after the create returned
		await("the poison dropped").atMost(Duration.ofSeconds(10))
			.until(() -> this.subscriptions.find(poisonId).isEmpty());
		assertThat(delete("/api/subscriptions/" + id, KEY).statusCode()).isEqualTo(204);
	}

	@Test
	void unknownIdsAreNotFound() throws Exception {
		assertThat(get("/api/subscriptions/" + "0".repeat(32), null).statusCode()).isEqualTo(404);
		assertThat(get("/api/subscriptions/not-an-id", null).statusCode()).isEqualTo(404);
	}

}

package dev.newsmon.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import dev.newsmon.events.Topics;
import dev.newsmon.ingest.article.ArticleId;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The feed API and the poll pipeline on the real broker: feeds served by a local HTTP
 * server are registered, polled and published to {@code news.articles.fetched.v1}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${KAFKA_BOOTSTRAP_SERVERS}",
				"newsmon.api-key=" + FeedApiIntegrationTests.KEY, "newsmon.allowed-networks=127.0.0.0/8",
				"newsmon.ingest.feeds.location=classpath:feeds/none.json", "newsmon.ingest.demo.enabled=false",
				"newsmon.ingest.feeds.topic=it-feeds-${random.uuid}",
				"newsmon.ingest.feeds.group=it-feeds-${random.uuid}" })
class FeedApiIntegrationTests {

	static final String KEY = "integration-test-key";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final Map<String, FeedResponse> feeds = new ConcurrentHashMap<>();

	private static HttpServer server;

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper jsonMapper;

	@BeforeAll
	static void startFeedServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", (exchange) -> {
			FeedResponse response = feeds.get(exchange.getRequestURI().getPath());
			byte[] body = (response != null) ? response.body().getBytes(StandardCharsets.UTF_8) : new byte[0];
			int status = (response != null) ? response.status() : 404;
			exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
			exchange.sendResponseHeaders(status, (body.length > 0) ? body.length : -1);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
	}

	@AfterAll
	static void stopFeedServer() {
		server.stop(0);
	}

	@Test
	void pollPublishesEachArticleOnceKeyedByArticleId() throws Exception {
		String run = run();
		String path = "/" + run + "/wire.xml";
		feeds.put(path, new FeedResponse(200, rss(run, item(run, "nato-japan", "NATO and Japan sign a partnership"),
				item(run, "missile?utm_source=rss", "North Korea fires a missile"))));
		try (KafkaConsumer<String, String> consumer = consumer()) {
			JsonNode feed = register(feedUrl(path), "Integration wire", "en");
			assertThat(feed.path("health").path("consecutiveFailures").asInt()).isZero();
			String feedId = feed.path("id").asString();
			JsonNode outcome = poll(feedId);
			assertThat(outcome.path("status").asString()).isIn("fetched", "not-modified");

			String natoId = ArticleId.of("https://wire.newsmon.invalid/" + run + "/nato-japan");
			String missileId = ArticleId.of("https://wire.newsmon.invalid/" + run + "/missile");
			Map<String, JsonNode> received = new ConcurrentHashMap<>();
			List<String> keys = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				collect(consumer, run, received, keys);
				assertThat(received).containsOnlyKeys(natoId, missileId);
			});
			JsonNode missile = received.get(missileId);
			assertThat(missile.path("schemaVersion").asInt()).isEqualTo(1);
			assertThat(missile.path("url").asString()).isEqualTo("https://wire.newsmon.invalid/" + run + "/missile");
			assertThat(missile.path("feedId").asString()).isEqualTo(feedId);
			assertThat(missile.path("source").asString()).isEqualTo("Integration wire");
			assertThat(missile.path("languageHint").asString()).isEqualTo("en");
			assertThat(missile.path("summary").asString()).isEqualTo("North Korea fires a missile, in detail.");
			assertThat(missile.path("publishedAt").asString()).isEqualTo("2026-11-26T08:00:00Z");

			// Polling the unchanged feed publishes nothing new.
			assertThat(poll(feedId).path("itemsPublished").asInt()).isZero();
			// One new item: only it is published.
			feeds.put(path,
					new FeedResponse(200,
							rss(run, item(run, "nato-japan", "NATO and Japan sign a partnership"),
									item(run, "missile?utm_source=rss", "North Korea fires a missile"),
									item(run, "taiwan-drills", "Drills around Taiwan"))));
			assertThat(poll(feedId).path("itemsPublished").asInt()).isEqualTo(1);
			String taiwanId = ArticleId.of("https://wire.newsmon.invalid/" + run + "/taiwan-drills");
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				collect(consumer, run, received, keys);
				assertThat(received).containsKey(taiwanId);
			});
			// Give a duplicate time to show up, if there were one.
			long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
			while (System.nanoTime() < until) {
				collect(consumer, run, received, keys);
			}
			assertThat(keys).containsExactlyInAnyOrder(natoId, missileId, taiwanId);

			JsonNode health = get("/api/feeds/" + feedId).path("health");
			assertThat(health.path("itemsSeen").asLong()).isEqualTo(3);
			assertThat(health.path("lastSuccess").isNull()).isFalse();
			assertThat(health.path("nextPoll").asString()).isNotBlank();

			assertThat(metric("newsmon.ingest.fetches?tag=status:fetched")).isGreaterThanOrEqualTo(3);
			assertThat(metric("newsmon.ingest.items?tag=result:published")).isGreaterThanOrEqualTo(3);
			assertThat(metric("newsmon.ingest.items?tag=result:unchanged")).isGreaterThanOrEqualTo(4);
			assertThat(metric("newsmon.ingest.publish.latency")).isGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void failuresAreCountedByClass() throws Exception {
		String run = run();
		feeds.put("/" + run + "/gone.xml", new FeedResponse(410, "gone"));
		String gone = register(feedUrl("/" + run + "/gone.xml"), "Gone", "en").path("id").asString();
		double before = metric("newsmon.ingest.failures?tag=class:http-status");
		assertThat(poll(gone).path("errorClass").asString()).isEqualTo("http-status");
		assertThat(metric("newsmon.ingest.failures?tag=class:http-status")).isEqualTo(before + 1);
	}

	/**
	 * The first measurement (the count, for counters and timers) of a meter; 0 if absent.
	 */
	private double metric(String nameAndTags) throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/actuator/metrics/" + nameAndTags)).GET().build());
		if (response.statusCode() == 404) {
			return 0;
		}
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).path("measurements").get(0).path("value").asDouble();
	}

	@Test
	void badFeedsShowOnTheirHealthAndDoNotStopOthers() throws Exception {
		String run = run();
		feeds.put("/" + run + "/error.xml", new FeedResponse(500, "oops"));
		feeds.put("/" + run + "/broken.xml", new FeedResponse(200, "<rss version=\"2.0\"><channel><item><title>x"));
		feeds.put("/" + run + "/good.xml", new FeedResponse(200, rss(run, item(run, "good", "A good item"))));
		String error = register(feedUrl("/" + run + "/error.xml"), "Failing", "en").path("id").asString();
		String broken = register(feedUrl("/" + run + "/broken.xml"), "Broken", "en").path("id").asString();
		String good = register(feedUrl("/" + run + "/good.xml"), "Good", "en").path("id").asString();

		JsonNode errorOutcome = poll(error);
		assertThat(errorOutcome.path("status").asString()).isEqualTo("failed");
		assertThat(errorOutcome.path("errorClass").asString()).isEqualTo("http-status");
		assertThat(poll(broken).path("errorClass").asString()).isEqualTo("parse");
		assertThat(poll(good).path("status").asString()).isIn("fetched", "not-modified");

		JsonNode errorHealth = get("/api/feeds/" + error).path("health");
		assertThat(errorHealth.path("lastErrorClass").asString()).isEqualTo("http-status");
		assertThat(errorHealth.path("lastError").asString()).isEqualTo("HTTP 500");
		assertThat(errorHealth.path("consecutiveFailures").asInt()).isPositive();
		assertThat(get("/api/feeds/" + broken).path("health").path("lastErrorClass").asString()).isEqualTo("parse");
		JsonNode goodHealth = get("/api/feeds/" + good).path("health");
		assertThat(goodHealth.path("consecutiveFailures").asInt()).isZero();
		assertThat(goodHealth.path("itemsSeen").asLong()).isEqualTo(1);

		List<String> listed = new ArrayList<>();
		get("/api/feeds").forEach((feed) -> listed.add(feed.path("id").asString()));
		assertThat(listed).contains(error, broken, good);
	}

	@Test
	void writesNeedTheApiKey() throws Exception {
		String body = json.writeValueAsString(Map.of("url", feedUrl("/any.xml")));
		HttpResponse<String> missing = send(HttpRequest.newBuilder(uri("/api/feeds"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		assertProblem(missing, 401);
		HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("/api/feeds"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer not-the-key")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		assertProblem(wrong, 401);
		assertProblem(send(
				HttpRequest.newBuilder(uri("/api/feeds/abc/poll")).POST(HttpRequest.BodyPublishers.noBody()).build()),
				401);
		assertProblem(send(HttpRequest.newBuilder(uri("/api/feeds/abc")).DELETE().build()), 401);
	}

	@Test
	void invalidFeedsGet400NamingTheField() throws Exception {
		JsonNode privateAddress = assertProblem(post(Map.of("url", "http://10.1.2.3/feed.xml")), 400);
		assertThat(privateAddress.path("detail").asString()).startsWith("url:").contains("10.1.2.3", "non-public");
		JsonNode metadata = assertProblem(post(Map.of("url", "http://169.254.169.254/latest/meta-data")), 400);
		assertThat(metadata.path("field").asString()).isEqualTo("url");
		assertThat(assertProblem(post(Map.of("url", "not a url")), 400).path("field").asString()).isEqualTo("url");
		assertThat(assertProblem(post(Map.of("url", "ftp://example.com/feed")), 400).path("field").asString())
			.isEqualTo("url");
		assertThat(assertProblem(post(Map.of("name", "no url")), 400).path("detail").asString()).startsWith("url:");
		assertThat(assertProblem(post(Map.of("url", feedUrl("/x.xml"), "intervalSeconds", 5)), 400).path("detail")
			.asString()).startsWith("intervalSeconds:");
		assertThat(
				assertProblem(post(Map.of("url", feedUrl("/x.xml"), "language", "english please")), 400).path("field")
					.asString())
			.isEqualTo("language");
	}

	@Test
	void unreadableBodiesGet400NamingTheFieldAndStoreNothing() throws Exception {
		String url = feedUrl("/" + run() + "/strict.xml");
		JsonNode unknown = assertProblem(post("{\"url\":\"" + url + "\",\"name\":\"Strict\",\"admin\":true}"), 400);
		assertThat(unknown.path("detail").asString()).isEqualTo("unknown field 'admin'");
		assertThat(unknown.path("field").asString()).isEqualTo("admin");
		JsonNode wrongType = assertProblem(post("{\"url\":[\"" + url + "\"]}"), 400);
		assertThat(wrongType.path("detail").asString()).isEqualTo("field 'url' must be a string");
		assertThat(wrongType.path("field").asString()).isEqualTo("url");
		JsonNode number = assertProblem(post("{\"url\":\"" + url + "\",\"intervalSeconds\":\"soon\"}"), 400);
		assertThat(number.path("field").asString()).isEqualTo("intervalSeconds");
		assertThat(assertProblem(post("{\"url\":"), 400).path("detail").asString())
			.startsWith("the body is not valid JSON");
		assertThat(assertProblem(post(""), 400).path("detail").asString())
			.isEqualTo("the body must be a single JSON object");
		assertThat(assertProblem(post("{\"url\":\"" + url + "\"} {}"), 400).path("detail").asString())
			.isEqualTo("the body must be a single JSON object");
		assertThat(get("/api/feeds").findValuesAsString("url")).doesNotContain(url);
	}

	@Test
	void theApplicationMapperThatReadsTheFeedRecordsStillIgnoresUnknownFields() {
		// only the HTTP converter is strict: the registry's Kafka records, read with this
		// mapper, may carry fields of a newer replica (FeedRecordTests)
		assertThat(this.jsonMapper.deserializationConfig().isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
			.isFalse();
	}

	@Test
	void registeringTwiceFindsTheFeedAndDeleteRemovesIt() throws Exception {
		String url = feedUrl("/" + run() + "/twice.xml");
		HttpResponse<String> first = post(Map.of("url", url));
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(first.headers().firstValue("Location")).isPresent();
		String id = json.readTree(first.body()).path("id").asString();
		HttpResponse<String> second = post(Map.of("url", url));
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(json.readTree(second.body()).path("id").asString()).isEqualTo(id);
		assertThat(json.readTree(first.body()).path("name").asString()).isEqualTo("127.0.0.1");

		HttpResponse<String> deleted = send(HttpRequest.newBuilder(uri("/api/feeds/" + id))
			.header("Authorization", "Bearer " + KEY)
			.DELETE()
			.build());
		assertThat(deleted.statusCode()).isEqualTo(204);
		assertProblem(send(HttpRequest.newBuilder(uri("/api/feeds/" + id)).GET().build()), 404);
		assertProblem(send(HttpRequest.newBuilder(uri("/api/feeds/" + id + "/poll"))
			.header("Authorization", "Bearer " + KEY)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build()), 404);
	}

	@Test
	void opmlImportAddsFeedsAndReportsEachAndExportListsThem() throws Exception {
		String run = run();
		String existing = feedUrl("/" + run + "/existing.xml");
		assertThat(post(Map.of("url", existing)).statusCode()).isEqualTo(201);
		String opml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<opml version="2.0">
				  <head><title>Reading list</title></head>
				  <body>
				    <outline text="Folder">
				      <outline type="rss" text="New wire" xmlUrl="%s" language="en"/>
				    </outline>
				    <outline type="rss" text="Known" xmlUrl="%s"/>
				    <outline type="rss" text="Metadata" xmlUrl="http://169.254.169.254/latest/meta-data"/>
				    <outline type="rss" text="FTP" xmlUrl="ftp://example.com/feed"/>
				    <outline type="rss" text="Odd language" xmlUrl="%s" language="english please"/>
				  </body>
				</opml>
				""".formatted(feedUrl("/" + run + "/new.xml"), existing, feedUrl("/" + run + "/odd.xml"));
		HttpResponse<String> response = importOpml(opml);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode result = json.readTree(response.body());
		assertThat(result.path("added").asInt()).isEqualTo(1);
		assertThat(result.path("existing").asInt()).isEqualTo(1);
		assertThat(result.path("invalid").asInt()).isEqualTo(3);
		JsonNode metadata = result.path("feeds").get(2);
		assertThat(metadata.path("status").asString()).isEqualTo("invalid");
		assertThat(metadata.path("reason").asString()).startsWith("url:").contains("non-public");
		assertThat(result.path("feeds").get(4).path("reason").asString()).startsWith("language:");
		String addedId = result.path("feeds").get(0).path("id").asString();
		assertThat(get("/api/feeds/" + addedId).path("name").asString()).isEqualTo("New wire");

		HttpResponse<String> export = send(HttpRequest.newBuilder(uri("/api/feeds/export")).GET().build());
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/x-opml"));
		assertThat(export.body()).contains("<opml version=\"2.0\">",
				"xmlUrl=\"" + feedUrl("/" + run + "/new.xml") + "\"", "xmlUrl=\"" + existing + "\"");
	}

	@Test
	void opmlImportRefusesDoctypesLargeBodiesAndMissingKeys() throws Exception {
		JsonNode doctype = assertProblem(importOpml("""
				<?xml version="1.0"?>
				<!DOCTYPE opml [ <!ENTITY x "y"> ]>
				<opml version="2.0"><body><outline xmlUrl="https://a.newsmon.invalid/&x;"/></body></opml>
				"""), 400);
		assertThat(doctype.path("detail").asString()).contains("DOCTYPE");
		assertProblem(importOpml(
				"<opml version=\"2.0\"><body>" + "<outline text=\"padding\"/>".repeat(50_000) + "</body></opml>"), 413);
		assertProblem(send(HttpRequest.newBuilder(uri("/api/feeds/import"))
			.header("Content-Type", "text/x-opml")
			.POST(HttpRequest.BodyPublishers.ofString("<opml/>"))
			.build()), 401);
	}

	private HttpResponse<String> importOpml(String opml) throws Exception {
		return send(HttpRequest.newBuilder(uri("/api/feeds/import"))
			.header("Content-Type", "text/x-opml")
			.header("Authorization", "Bearer " + KEY)
			.POST(HttpRequest.BodyPublishers.ofString(opml))
			.build());
	}

	private void collect(KafkaConsumer<String, String> consumer, String run, Map<String, JsonNode> received,
			List<String> keys) {
		for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
			if (record.value() != null && record.value().contains(run)) {
				JsonNode value = json.readTree(record.value());
				assertThat(record.key()).isEqualTo(value.path("articleId").asString());
				received.put(record.key(), value);
				keys.add(record.key());
			}
		}
	}

	private KafkaConsumer<String, String> consumer() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "ingest-it-" + UUID.randomUUID());
		// earliest, not latest: a fresh group's "latest" position is resolved lazily and
		// can land after
		// the first records; collect() keeps only this run's records
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties);
		consumer.subscribe(Set.of(Topics.ARTICLES_FETCHED));
		// join the group and take the partitions before anything is published
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			consumer.poll(Duration.ofMillis(100));
			return !consumer.assignment().isEmpty();
		});
		return consumer;
	}

	private JsonNode register(String url, String name, String language) throws Exception {
		HttpResponse<String> response = post(
				Map.of("url", url, "name", name, "language", language, "intervalSeconds", 3600));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body());
	}

	private JsonNode poll(String feedId) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/feeds/" + feedId + "/poll"))
			.header("Authorization", "Bearer " + KEY)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET().build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpResponse<String> post(Map<String, Object> body) throws Exception {
		return post(json.writeValueAsString(body));
	}

	private HttpResponse<String> post(String body) throws Exception {
		return send(HttpRequest.newBuilder(uri("/api/feeds"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + KEY)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private static HttpResponse<String> send(HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asString()).isNotBlank();
		return problem;
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String feedUrl(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	private static String run() {
		return "run" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	private static String rss(String run, String... items) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0">
				  <channel>
				    <title>Integration wire %s</title>
				    <link>https://wire.newsmon.invalid/</link>
				    <description>Written for the integration test.</description>
				%s
				  </channel>
				</rss>
				""".formatted(run, String.join("\n", items));
	}

	private static String item(String run, String path, String title) {
		return """
				    <item>
				      <title>%s (%s)</title>
				      <link>https://wire.newsmon.invalid/%s/%s</link>
				      <pubDate>Thu, 26 Nov 2026 08:00:00 GMT</pubDate>
				      <description><![CDATA[<p>%s, <b>in detail</b>.</p>]]></description>
				    </item>
				""".formatted(title, run, run, path.replace("&", "&amp;"), title);
	}

	private record FeedResponse(int status, String body) {

	}

}

package dev.newsmon.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile input for every public endpoint of the three services, run as processes on the
 * real broker and Elasticsearch: malformed, oversized and mistyped bodies, unparsable
 * parameters, path tricks in ids, feed URLs and redirects that point into private
 * networks, and script in feed content. Each request gets a 4xx RFC 9457 problem (or,
 * where the input is only odd, a normal answer), never a 5xx, and nothing is stored that
 * should not be. The services run with topics, consumer groups and an index of this run's
 * own; only 127.0.0.3 is exempt from the private-address rule, so the feed servers of
 * this test listen there while 127.0.0.1 stands for the private network.
 */
class HostileInputIntegrationTests {

	private static final String API_KEY = "hostile-test-key";

	private static final String RUN = "hostile" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	private static final String FEEDS_TOPIC = "news.feeds." + RUN;

	private static final String RULES_TOPIC = "news.rules." + RUN;

	private static final String ANALYSIS_GROUP = RUN + "-analysis";

	private static final String SEARCH_GROUP = RUN + "-search";

	private static final String INDEX_ALIAS = RUN;

	private static final String SUBSCRIPTIONS_TOPIC = "news.subscriptions." + RUN;

	private static final String DELIVERIES_INDEX = RUN + "-deliveries";

	/** The only address of the loopback block that the services may fetch from. */
	private static final String ALLOWED_ADDRESS = "127.0.0.3";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final Map<Target, ServiceProcess> services = new HashMap<>();

	/** Which service a request goes to. */
	enum Target {

		INGEST, ANALYSIS, SEARCH

	}

	@BeforeAll
	static void startServices() throws Exception {
		String kafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
		String elasticsearch = System.getenv("ELASTICSEARCH_URL");
		assertThat(kafka).as("KAFKA_BOOTSTRAP_SERVERS (make test starts a broker and sets it)").isNotBlank();
		assertThat(elasticsearch).as("ELASTICSEARCH_URL (make test starts Elasticsearch and sets it)").isNotBlank();
		Path noFeeds = Path.of("target", "system-tests", "no-default-feeds.json").toAbsolutePath();
		Files.createDirectories(noFeeds.getParent());
		Files.writeString(noFeeds, "{\"feeds\": []}");
		try (Admin admin = admin()) {
			// search-service declares only the shared subscriptions topic
			admin
				.createTopics(List.of(new NewTopic(SUBSCRIPTIONS_TOPIC, 1, (short) 1)
					.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		Map<String, String> common = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "ELASTICSEARCH_URL", elasticsearch,
				"NEWSMON_API_KEY", API_KEY, "NEWSMON_ALLOWED_NETWORKS", ALLOWED_ADDRESS + "/32", "NEWSMON_DEMO_FEEDS",
				"false", "SPRING_KAFKA_CONSUMER_AUTO_OFFSET_RESET", "latest");
		services.put(Target.INGEST,
				ServiceProcess.start("ingest-service", "hostile-ingest-service", 18181,
						with(common, Map.of("NEWSMON_INGEST_FEEDS_TOPIC", FEEDS_TOPIC, "NEWSMON_INGEST_FEEDS_GROUP",
								RUN + "-feeds", "NEWSMON_INGEST_FEEDS_LOCATION", "file:" + noFeeds))));
		services.put(Target.ANALYSIS,
				ServiceProcess.start("analysis-service", "hostile-analysis-service", 18182,
						with(common, Map.of("NEWSMON_ANALYSIS_RULES_TOPIC", RULES_TOPIC,
								"SPRING_KAFKA_CONSUMER_GROUP_ID", ANALYSIS_GROUP))));
		services.put(Target.SEARCH,
				ServiceProcess.start("search-service", "hostile-search-service", 18180,
						with(common,
								Map.of("NEWSMON_SEARCH_INDEX_ALIAS", INDEX_ALIAS, "SPRING_KAFKA_CONSUMER_GROUP_ID",
										SEARCH_GROUP, "NEWSMON_SEARCH_SUBSCRIPTIONS_TOPIC", SUBSCRIPTIONS_TOPIC,
										"NEWSMON_SEARCH_ALERT_DELIVERIES_INDEX", DELIVERIES_INDEX))));
		for (ServiceProcess service : services.values()) {
			service.awaitReady(Duration.ofMinutes(3));
		}
		// analysis-service's article consumer has a fixed group, shared with any other
		// instance on the broker; search-service reads with a group of this run's own
		awaitAssigned(SEARCH_GROUP);
	}

	@AfterAll
	static void stopServicesAndRemoveWhatThisRunCreated() throws Exception {
		for (ServiceProcess service : services.values()) {
			service.close();
		}
		try (Admin admin = admin()) {
			admin.deleteConsumerGroups(List.of(ANALYSIS_GROUP, SEARCH_GROUP, RUN + "-feeds"))
				.all()
				.get(30, TimeUnit.SECONDS);
			admin.deleteTopics(List.of(FEEDS_TOPIC, RULES_TOPIC, SUBSCRIPTIONS_TOPIC)).all().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			// best effort: a group that never formed cannot be deleted
		}
		String elasticsearch = System.getenv("ELASTICSEARCH_URL");
		if (elasticsearch != null) {
			http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + INDEX_ALIAS + "-v*")).DELETE().build(),
					HttpResponse.BodyHandlers.discarding());
			http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + DELIVERIES_INDEX + "*")).DELETE().build(),
					HttpResponse.BodyHandlers.discarding());
			http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/_index_template/" + INDEX_ALIAS))
				.DELETE()
				.build(), HttpResponse.BodyHandlers.discarding());
		}
	}

	static Stream<Probe> probes() {
		String longId = "a".repeat(10_000);
		String deepJson = "[".repeat(100_000);
		List<Probe> probes = new ArrayList<>();
		// ingest-service: POST /api/feeds
		probes.add(Probe.write("feed: malformed JSON", Target.INGEST, "POST", "/api/feeds", "{\"url\":"));
		probes.add(Probe.write("feed: empty body", Target.INGEST, "POST", "/api/feeds", ""));
		probes.add(Probe.write("feed: JSON array", Target.INGEST, "POST", "/api/feeds", "[]"));
		probes.add(Probe.write("feed: JSON null", Target.INGEST, "POST", "/api/feeds", "null"));
		probes.add(Probe.write("feed: url of the wrong type", Target.INGEST, "POST", "/api/feeds",
				"{\"url\":[\"https://example.com/feed\"]}"));
		probes.add(Probe.write("feed: url missing, only unknown fields", Target.INGEST, "POST", "/api/feeds",
				"{\"link\":\"https://example.com/feed\",\"admin\":true}"));
		probes.add(Probe.write("feed: interval as text", Target.INGEST, "POST", "/api/feeds",
				"{\"url\":\"https://example.com/feed\",\"intervalSeconds\":\"soon\"}"));
		probes.add(Probe.write("feed: interval 1e308", Target.INGEST, "POST", "/api/feeds",
				"{\"url\":\"https://example.com/feed\",\"intervalSeconds\":1e308}"));
		probes.add(Probe.write("feed: interval beyond long", Target.INGEST, "POST", "/api/feeds",
				"{\"url\":\"https://example.com/feed\",\"intervalSeconds\":99999999999999999999999}"));
		probes.add(Probe.write("feed: negative interval", Target.INGEST, "POST", "/api/feeds",
				"{\"url\":\"https://example.com/feed\",\"intervalSeconds\":-5}"));
		probes.add(Probe.write("feed: 3000-character url", Target.INGEST, "POST", "/api/feeds",
				"{\"url\":\"https://example.com/" + "a".repeat(3000) + "\"}"));
		probes.add(Probe
			.write("feed: 30 MB name", Target.INGEST, "POST", "/api/feeds",
					"{\"url\":\"https://example.com/feed\",\"name\":\"" + "n".repeat(30_000_000) + "\"}")
			.status(400, 413));
		probes.add(Probe.write("feed: 100,000 nested arrays", Target.INGEST, "POST", "/api/feeds", deepJson));
		probes.add(Probe.write("feed: language with a NUL", Target.INGEST, "POST", "/api/feeds",
				"{\"url\":\"https://example.com/feed\",\"language\":\"en\\u0000\"}"));
		probes.add(Probe.write("feed: not JSON", Target.INGEST, "POST", "/api/feeds", "url=https://example.com/feed")
			.contentType("text/plain")
			.status(415));
		probes.add(Probe
			.write("feed: no API key", Target.INGEST, "POST", "/api/feeds", "{\"url\":\"https://example.com/feed\"}")
			.apiKey(null)
			.status(401));
		probes.add(Probe
			.write("feed: wrong API key", Target.INGEST, "POST", "/api/feeds", "{\"url\":\"https://example.com/feed\"}")
			.apiKey(API_KEY + "x")
			.status(401));
		// ingest-service: ids in paths
		for (String id : List.of("%2e%2e", "%2e%2e%2factuator%2fenv", "..%2f..%2factuator", "a%2fb", "%5c..%5c", "%00",
				"%ff%fe", "%252e%252e", "a;b=c", "%E5%8C%97%E6%9C%9D%E9%AE%AE", "%F0%9F%92%A5", longId, "%20")) {
			probes.add(Probe.read("feed id " + shortly(id), Target.INGEST, "GET", "/api/feeds/" + id));
			probes.add(Probe.write("delete feed id " + shortly(id), Target.INGEST, "DELETE", "/api/feeds/" + id, null));
			probes.add(Probe.write("poll feed id " + shortly(id), Target.INGEST, "POST", "/api/feeds/" + id + "/poll",
					null));
		}
		probes.add(Probe.read("feed path ../actuator/env", Target.INGEST, "GET", "/api/feeds/../actuator/env"));
		// ingest-service: OPML import
		probes.add(Probe.write("opml: entity expansion", Target.INGEST, "POST", "/api/feeds/import",
				"<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
						+ "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><opml version=\"2.0\"><body>"
						+ "<outline text=\"&c;\" xmlUrl=\"https://example.com/&c;\"/></body></opml>")
			.contentType("text/x-opml"));
		probes.add(Probe.write("opml: external entity", Target.INGEST, "POST", "/api/feeds/import",
				"<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
						+ "<opml version=\"2.0\"><body><outline text=\"&x;\" xmlUrl=\"https://example.com/x\"/></body></opml>")
			.contentType("text/x-opml"));
		probes.add(Probe.write("opml: not XML", Target.INGEST, "POST", "/api/feeds/import", "not xml at all")
			.contentType("text/x-opml"));
		probes
			.add(Probe.write("opml: empty", Target.INGEST, "POST", "/api/feeds/import", "").contentType("text/x-opml"));
		probes.add(Probe.write("opml: JSON", Target.INGEST, "POST", "/api/feeds/import",
				"{\"url\":\"https://example.com/feed\"}"));
		probes.add(
				Probe
					.write("opml: 5,000 nested outlines", Target.INGEST, "POST", "/api/feeds/import",
							"<opml version=\"2.0\"><body>" + "<outline text=\"x\">".repeat(5000)
									+ "</outline>".repeat(5000) + "</body></opml>")
					.contentType("text/x-opml"));
		probes.add(Probe
			.write("opml: 2 MB", Target.INGEST, "POST", "/api/feeds/import",
					"<opml version=\"2.0\"><body>" + " ".repeat(2_000_000) + "</body></opml>")
			.contentType("text/x-opml")
			.status(413));
		probes.add(
				Probe
					.write("opml: no API key", Target.INGEST, "POST", "/api/feeds/import",
							"<opml version=\"2.0\"><body/></opml>")
					.contentType("text/x-opml")
					.apiKey(null)
					.status(401));
		// analysis-service: POST /api/analyze (a read: no key needed)
		probes.add(Probe.write("analyze: title of the wrong type", Target.ANALYSIS, "POST", "/api/analyze",
				"{\"title\":{\"a\":1}}"));
		probes.add(Probe.write("analyze: body of the wrong type", Target.ANALYSIS, "POST", "/api/analyze",
				"{\"title\":\"x\",\"body\":[\"a\"]}"));
		probes.add(Probe.write("analyze: empty object", Target.ANALYSIS, "POST", "/api/analyze", "{}"));
		probes.add(Probe.write("analyze: blank text", Target.ANALYSIS, "POST", "/api/analyze",
				"{\"title\":\"\",\"body\":\"   \"}"));
		probes.add(Probe.write("analyze: 100-character language", Target.ANALYSIS, "POST", "/api/analyze",
				"{\"title\":\"x\",\"language\":\"" + "e".repeat(100) + "\"}"));
		probes.add(Probe.write("analyze: not JSON", Target.ANALYSIS, "POST", "/api/analyze", "garbage"));
		probes.add(Probe.write("analyze: 560 kB body", Target.ANALYSIS, "POST", "/api/analyze",
				"{\"title\":\"t\",\"body\":\"" + "North Korea missile launch. ".repeat(20_000) + "\"}"));
		probes.add(
				Probe
					.write("analyze: 30 MB title", Target.ANALYSIS, "POST", "/api/analyze",
							"{\"title\":\"" + "t".repeat(30_000_000) + "\"}")
					.status(400, 413));
		probes.add(Probe.write("analyze: 100,000 nested arrays", Target.ANALYSIS, "POST", "/api/analyze", deepJson));
		probes.add(Probe.write("analyze: text/plain", Target.ANALYSIS, "POST", "/api/analyze", "x")
			.contentType("text/plain")
			.status(415));
		probes.add(Probe.read("analyze: GET", Target.ANALYSIS, "GET", "/api/analyze").status(405));
		// analysis-service: PUT /api/topics/{id}/rule, only rules that must be refused
		probes.add(Probe.write("rule: not JSON", Target.ANALYSIS, "PUT", "/api/topics/north-korea/rule", "not json"));
		probes.add(Probe.write("rule: empty object", Target.ANALYSIS, "PUT", "/api/topics/north-korea/rule", "{}"));
		probes.add(Probe.write("rule: version as text", Target.ANALYSIS, "PUT", "/api/topics/north-korea/rule",
				"{\"id\":\"north-korea\",\"version\":\"x\"}"));
		probes.add(Probe.write("rule: version beyond long", Target.ANALYSIS, "PUT", "/api/topics/north-korea/rule",
				"{\"id\":\"north-korea\",\"version\":99999999999999999999999}"));
		probes.add(Probe.write("rule: JSON array", Target.ANALYSIS, "PUT", "/api/topics/north-korea/rule", "[]"));
		probes.add(Probe.write("rule: JSON null", Target.ANALYSIS, "PUT", "/api/topics/north-korea/rule", "null"));
		probes.add(Probe.write("rule: unknown topic", Target.ANALYSIS, "PUT", "/api/topics/no-such-topic/rule",
				"{\"id\":\"no-such-topic\",\"version\":5}"));
		probes.add(Probe.write("rule: id of another topic", Target.ANALYSIS, "PUT", "/api/topics/north-korea/rule",
				"{\"id\":\"taiwan-strait\",\"version\":99}"));
		for (String id : List.of("%2e%2e", "..%2f..%2fx", "%E5%8C%97%E6%9C%9D%E9%AE%AE", "a".repeat(5000), "%00")) {
			probes.add(
					Probe.write("rule id " + shortly(id), Target.ANALYSIS, "PUT", "/api/topics/" + id + "/rule", "{}"));
		}
		probes.add(Probe.write("rule: text/plain", Target.ANALYSIS, "PUT", "/api/topics/north-korea/rule", "{}")
			.contentType("text/plain")
			.status(415));
		probes.add(Probe.write("rule: no API key", Target.ANALYSIS, "PUT", "/api/topics/north-korea/rule", "{}")
			.apiKey(null)
			.status(401));
		probes.add(Probe.read("topics: POST", Target.ANALYSIS, "POST", "/api/topics").status(405));
		// search-service: GET /api/search; odd queries are answered, wrong parameters
		// refused
		for (String q : List.of("\"unbalanced", "((((", "))))", "a|||-", "\\", "北\\", "\"北\\", "*", "~1", "title:x",
				"%00", "-", "\"\"", "北朝鮮\\\"x")) {
			probes.add(Probe.read("search q=" + q, Target.SEARCH, "GET", "/api/search?q=" + encode(q)).status(200));
		}
		probes.add(Probe.read("search: 600-character q", Target.SEARCH, "GET", "/api/search?q=" + "a".repeat(600)));
		for (String size : List.of("999999999999999999999", "-1", "0", "abc", "1e3", "101", "%00")) {
			probes.add(Probe.read("search size=" + size, Target.SEARCH, "GET", "/api/search?size=" + size));
		}
		for (String cursor : List.of("xyz", "%00%00", "A".repeat(4000),
				cursor("{\"s\":\"relevance\",\"v\":[1.0,1,\"x\"],\"p\":\"bm90IGEgcGl0\"}"),
				cursor("{\"s\":\"relevance\",\"v\":[1.0,1,\"x\"],\"t\":99999999999999999}"),
				cursor("{\"s\":\"newest\",\"v\":[1,\"x\"]}"), cursor("{\"s\":\"relevance\",\"v\":[\"x\",\"y\",3]}"),
				cursor("{\"s\":\"relevance\",\"v\":[1.0,1,\"x\"],\"p\":\"" + "p".repeat(5000) + "\"}"), cursor("[]"))) {
			probes.add(Probe.read("search cursor=" + shortly(cursor), Target.SEARCH, "GET",
					"/api/search?cursor=" + cursor));
		}
		for (String parameter : List.of("from=yesterday", "from=99999-01-01", "from=-999999999-01-01",
				"from=2026-01-01&to=2025-01-01", "lang=xx%27", "lang=" + "e".repeat(300), "topic=..%2f",
				"topic=no-such-topic", "sort=random", "source=" + "s".repeat(300))) {
			probes.add(Probe.read("search " + shortly(parameter), Target.SEARCH, "GET", "/api/search?" + parameter));
		}
		// search-service: ids in paths
		for (String id : List.of("%2e%2e", "..%2f..", "%00", "%E5%8C%97", "_search", "*", "_doc", "%20", longId,
				"%252e%252e")) {
			probes.add(Probe.read("article id " + shortly(id), Target.SEARCH, "GET", "/api/articles/" + id));
			probes.add(Probe.read("similar to id " + shortly(id), Target.SEARCH, "GET",
					"/api/articles/" + id + "/similar"));
			probes.add(Probe.read("story id " + shortly(id), Target.SEARCH, "GET", "/api/stories/" + id));
		}
		probes.add(Probe.read("similar size=abc", Target.SEARCH, "GET", "/api/articles/x/similar?size=abc"));
		probes.add(Probe.read("similar size=99999999999", Target.SEARCH, "GET",
				"/api/articles/x/similar?size=99999999999"));
		probes.add(Probe.read("search: POST", Target.SEARCH, "POST", "/api/search").status(405));
		// search-service: subscriptions
		String atom = "\"channel\":{\"type\":\"atom\"}";
		probes.add(Probe.write("subscription: malformed JSON", Target.SEARCH, "POST", "/api/subscriptions", "{"));
		probes.add(Probe.write("subscription: empty body", Target.SEARCH, "POST", "/api/subscriptions", ""));
		probes.add(Probe.write("subscription: JSON array", Target.SEARCH, "POST", "/api/subscriptions", "[]"));
		probes.add(Probe.write("subscription: JSON null", Target.SEARCH, "POST", "/api/subscriptions", "null"));
		probes.add(Probe.write("subscription: name of the wrong type", Target.SEARCH, "POST", "/api/subscriptions",
				"{\"name\":{\"a\":1}," + atom + "}"));
		probes.add(Probe.write("subscription: no name", Target.SEARCH, "POST", "/api/subscriptions", "{" + atom + "}"));
		probes.add(Probe.write("subscription: 300-character name", Target.SEARCH, "POST", "/api/subscriptions",
				"{\"name\":\"" + "n".repeat(300) + "\"," + atom + "}"));
		probes.add(
				Probe
					.write("subscription: 20 kB body", Target.SEARCH, "POST", "/api/subscriptions",
							"{\"name\":\"" + "n".repeat(20_000) + "\"," + atom + "}")
					.status(400, 413));
		probes.add(Probe
			.write("subscription: 30 MB body", Target.SEARCH, "POST", "/api/subscriptions",
					"{\"name\":\"" + "n".repeat(30_000_000) + "\"," + atom + "}")
			.status(400, 413)
			.refusedFromItsLength());
		probes.add(Probe.write("subscription: 100,000 nested arrays", Target.SEARCH, "POST", "/api/subscriptions",
				deepJson));
		probes.add(Probe.write("subscription: no channel", Target.SEARCH, "POST", "/api/subscriptions",
				"{\"name\":\"x\"}"));
		probes.add(Probe.write("subscription: unknown channel type", Target.SEARCH, "POST", "/api/subscriptions",
				"{\"name\":\"x\",\"channel\":{\"type\":\"pigeon\"}}"));
		probes.add(Probe.write("subscription: 600-character query", Target.SEARCH, "POST", "/api/subscriptions",
				"{\"name\":\"x\",\"query\":\"" + "q".repeat(600) + "\"," + atom + "}"));
		probes.add(Probe.write("subscription: unknown topic", Target.SEARCH, "POST", "/api/subscriptions",
				"{\"name\":\"x\",\"topics\":[\"no-such-topic\"]," + atom + "}"));
		probes.add(Probe.write("subscription: topics of the wrong type", Target.SEARCH, "POST", "/api/subscriptions",
				"{\"name\":\"x\",\"topics\":\"north-korea\"," + atom + "}"));
		probes.add(Probe.write("subscription: bad language", Target.SEARCH, "POST", "/api/subscriptions",
				"{\"name\":\"x\",\"languages\":[\"../\"]," + atom + "}"));
		probes.add(Probe.write("subscription: secret on an Atom channel", Target.SEARCH, "POST", "/api/subscriptions",
				"{\"name\":\"x\",\"channel\":{\"type\":\"atom\",\"secret\":\"s\"}}"));
		probes.add(Probe.write("subscription: webhook without url", Target.SEARCH, "POST", "/api/subscriptions",
				"{\"name\":\"x\",\"channel\":{\"type\":\"webhook\"}}"));
		probes.add(Probe.write("subscription: 3000-character webhook url", Target.SEARCH, "POST", "/api/subscriptions",
				"{\"name\":\"x\",\"channel\":{\"type\":\"webhook\",\"url\":\"https://example.com/" + "a".repeat(3000)
						+ "\"}}"));
		probes.add(Probe.write("subscription: email that is no address", Target.SEARCH, "POST", "/api/subscriptions",
				"{\"name\":\"x\",\"channel\":{\"type\":\"email\",\"email\":\"a@b@c\\r\\nBcc: x@y\"}}"));
		probes.add(Probe.write("subscription: trend factor 1e308", Target.SEARCH, "POST", "/api/subscriptions",
				"{\"name\":\"x\",\"trend\":{\"factor\":1e308}," + atom + "}"));
		probes.add(Probe.write("subscription: trend matches beyond long", Target.SEARCH, "POST", "/api/subscriptions",
				"{\"name\":\"x\",\"trend\":{\"minimumMatches\":99999999999999999999}," + atom + "}"));
		probes.add(
				Probe
					.write("subscription: no API key", Target.SEARCH, "POST", "/api/subscriptions",
							"{\"name\":\"x\"," + atom + "}")
					.apiKey(null)
					.status(401));
		probes.add(
				Probe
					.write("subscription: wrong API key", Target.SEARCH, "POST", "/api/subscriptions",
							"{\"name\":\"x\"," + atom + "}")
					.apiKey(API_KEY + "x")
					.status(401));
		probes.add(Probe.read("subscriptions: list without API key", Target.SEARCH, "GET", "/api/subscriptions")
			.apiKey(null)
			.status(401));
		for (String id : List.of("%2e%2e", "..%2f..", "%00", "%E5%8C%97", "*", "%20", longId, "%252e%252e",
				"00000000000000000000000000000000")) {
			probes.add(Probe.read("subscription id " + shortly(id), Target.SEARCH, "GET", "/api/subscriptions/" + id));
			probes.add(Probe.write("delete subscription id " + shortly(id), Target.SEARCH, "DELETE",
					"/api/subscriptions/" + id, null));
			for (String part : List.of("deliveries", "feed", "events")) {
				probes.add(Probe.read(part + " of subscription id " + shortly(id), Target.SEARCH, "GET",
						"/api/subscriptions/" + id + "/" + part));
			}
		}
		probes.add(Probe.read("deliveries size=abc", Target.SEARCH, "GET",
				"/api/subscriptions/00000000000000000000000000000000/deliveries?size=abc"));
		return probes.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("probes")
	void hostileRequestIsAnsweredWithoutA5xx(Probe probe) throws Exception {
		HttpResponse<String> response;
		try {
			response = probe.send(services.get(probe.target()));
		}
		catch (IOException ex) {
			// A body refused from its Content-Length alone is not read: Tomcat swallows
			// at most 2 MB of it (max-swallow-size) and then closes the connection while
			// the client is still sending, so the client may lose the 413 to the reset
			// (RFC 9112, section 9.6). The service must stay up.
			assertThat(probe.refusedUnread()).as(probe + ": " + ex).isTrue();
			expect(send(services.get(probe.target()).uri("/actuator/health/readiness"), "GET", null, null), 200);
			return;
		}
		String body = response.body();
		String description = probe.method() + " " + shortly(probe.path()) + " answered " + response.statusCode() + " "
				+ shortly(body);
		assertThat(response.statusCode()).as(description).isIn(probe.statuses());
		if (response.statusCode() >= 400) {
			assertThat(response.headers().firstValue("Content-Type")).as(description)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			JsonNode problem = json.readTree(body);
			assertThat(problem.path("status").asInt()).as(description).isEqualTo(response.statusCode());
			assertThat(problem.path("title").asString()).as(description).isNotBlank();
			assertThat(body).as(description).doesNotContain("Exception").doesNotContain("\tat ");
		}
	}

	static Stream<String> privateOrUnusableUrls() {
		return Stream.of("http://127.0.0.1/feed", "http://localhost/feed", "http://LOCALHOST./feed",
				"http://10.0.0.1/feed", "http://172.16.0.1/feed", "http://192.168.1.1/feed",
				"http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/feed", "http://0.0.0.0/feed",
				"http://[::1]/feed", "http://[::]/feed", "http://[fc00::1]/feed", "http://[fd12:3456::1]/feed",
				"http://[fe80::1]/feed", "http://[::ffff:10.0.0.1]/feed", "http://[::ffff:7f00:1]/feed",
				"http://2130706433/feed", "http://0x7f000001/feed", "http://0177.0.0.1/feed",
				"http://017700000001/feed", "http://127.1/feed", "http://0x7f.0.0.1/feed", "http://127.0.0.1./feed",
				"http://[fe80::1%25eth0]/feed", "file:///etc/passwd", "gopher://127.0.0.1:25/",
				"ftp://example.com/feed", "javascript:alert(1)", "http://user:secret@example.com/feed",
				"http://exa mple.com/feed", "//example.com/feed", "feed");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("privateOrUnusableUrls")
	void privateOrUnusableFeedUrlIsRefusedAndNotStored(String url) throws Exception {
		HttpResponse<String> response = send(ingest().uri("/api/feeds"), "POST", "application/json",
				json.writeValueAsString(Map.of("url", url)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json.readTree(response.body()).path("field").asString()).isEqualTo("url");

		String opml = "<opml version=\"2.0\"><body><outline text=\"x\" xmlUrl=\"" + url.replace("&", "&amp;")
				+ "\"/></body></opml>";
		HttpResponse<String> imported = send(ingest().uri("/api/feeds/import"), "POST", "text/x-opml", opml);
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		assertThat(json.readTree(imported.body()).path("invalid").asInt()).as(imported.body()).isEqualTo(1);

		assertThat(registeredUrls()).doesNotContain(url);
		assertThat(exportedOpml()).doesNotContain("xmlUrl=\"" + url.replace("&", "&amp;") + "\"");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("privateOrUnusableUrls")
	void privateOrUnusableWebhookUrlIsRefusedAndNotStored(String url) throws Exception {
		String body = json.writeValueAsString(Map.of("name", "Hostile webhook", "query", "missile", "channel",
				Map.of("type", "webhook", "url", url)));
		HttpResponse<String> response = send(search().uri("/api/subscriptions"), "POST", "application/json", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("channel.url");
		List<String> webhooks = new ArrayList<>();
		json.readTree(expect(send(search().uri("/api/subscriptions"), "GET", null, null), 200))
			.forEach((subscription) -> webhooks.add(subscription.path("channel").path("url").asString()));
		assertThat(webhooks).doesNotContain(url);
	}

	@ParameterizedTest(name = "redirect to {0}")
	@ValueSource(strings = { "http://127.0.0.1:PORT/feed.xml", "http://localhost:PORT/feed.xml",
			"http://[::1]:PORT/feed.xml", "http://[::ffff:127.0.0.1]:PORT/feed.xml", "http://2130706433:PORT/feed.xml",
			"http://0x7f000001:PORT/feed.xml", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/feed.xml",
			"file:///etc/passwd" })
	void redirectToAPrivateAddressIsNotFollowed(String target) throws Exception {
		String article = FeedServer.resource("/feeds/pipeline.xml").replace("RUN", RUN + "redirect");
		try (FeedServer inside = new FeedServer(InetAddress.getByName("127.0.0.1"), article);
				FeedServer outside = new FeedServer(InetAddress.getByName(ALLOWED_ADDRESS), article)) {
			outside.redirectTo(target.replace("PORT", Integer.toString(inside.port())));
			JsonNode feed = json.readTree(expect(send(ingest().uri("/api/feeds"), "POST", "application/json",
					json.writeValueAsString(Map.of("url", outside.url(), "name", "Redirecting wire"))), 201));
			String id = feed.path("id").asString();
			try {
				JsonNode outcome = json
					.readTree(expect(send(ingest().uri("/api/feeds/" + id + "/poll"), "POST", null, null), 200));
				assertThat(outcome.path("status").asString()).as(outcome.toString()).isEqualTo("failed");
				assertThat(outcome.path("itemsPublished").asInt()).isZero();
				assertThat(outside.requests()).isEqualTo(1);
				assertThat(inside.requests()).as("requests that reached the private address").isZero();
				JsonNode stored = json.readTree(expect(send(ingest().uri("/api/feeds/" + id), "GET", null, null), 200));
				assertThat(stored.path("url").asString()).as("a refused permanent redirect does not move the feed")
					.isEqualTo(outside.url());
			}
			finally {
				send(ingest().uri("/api/feeds/" + id), "DELETE", null, null);
			}
		}
	}

	@Test
	void webhookRedirectToAPrivateAddressIsNotFollowed() throws Exception {
		String run = RUN + "hook";
		String articles = FeedServer.resource("/feeds/pipeline.xml").replace("RUN", run);
		try (FeedServer inside = new FeedServer(InetAddress.getByName("127.0.0.1"), "{}");
				FeedServer webhook = new FeedServer(InetAddress.getByName(ALLOWED_ADDRESS), "{}");
				FeedServer feed = new FeedServer(InetAddress.getByName(ALLOWED_ADDRESS), articles)) {
			webhook.redirectTo(inside.url());
			JsonNode subscription = json.readTree(expect(send(search().uri("/api/subscriptions"), "POST",
					"application/json", json.writeValueAsString(Map.of("name", "Redirecting webhook", "query", run,
							"channel", Map.of("type", "webhook", "url", webhook.url())))),
					201));
			String subscriptionId = subscription.path("id").asString();
			String feedId = json
				.readTree(expect(send(ingest().uri("/api/feeds"), "POST", "application/json",
						json.writeValueAsString(Map.of("url", feed.url(), "name", "Webhook wire"))), 201))
				.path("id")
				.asString();
			try {
				expect(send(ingest().uri("/api/feeds/" + feedId + "/poll"), "POST", null, null), 200);
				await("an alert reaches the webhook").atMost(Duration.ofSeconds(90))
					.pollInterval(Duration.ofMillis(500))
					.until(webhook::requests, (requests) -> requests >= 1);
				// give a follow-up request, if there were one, the time to arrive
				Thread.sleep(2000);
				assertThat(inside.requests()).as("requests that reached the private address").isZero();
			}
			finally {
				send(search().uri("/api/subscriptions/" + subscriptionId), "DELETE", null, null);
				send(ingest().uri("/api/feeds/" + feedId), "DELETE", null, null);
			}
		}
	}

	static Stream<UnknownField> unknownFields() {
		String rule = "\"id\":\"north-korea\",\"version\":999999,\"labels\":{\"en\":\"x\",\"ja\":\"x\",\"ko\":\"x\"},"
				+ "\"threshold\":0.5,\"terms\":[{\"term\":\"a\",\"all\":[\"a\"]";
		String atom = "\"channel\":{\"type\":\"atom\"}";
		return Stream.of(
				new UnknownField("feed: unknown field", Target.INGEST, "POST", "/api/feeds",
						"{\"url\":\"https://example.com/MARKER\",\"name\":\"MARKER\",\"admin\":true}", "admin"),
				new UnknownField("feed: unknown field first", Target.INGEST, "POST", "/api/feeds",
						"{\"owner\":\"x\",\"url\":\"https://example.com/MARKER\"}", "owner"),
				new UnknownField("feed: id, health and admin fields", Target.INGEST, "POST", "/api/feeds",
						"{\"url\":\"https://example.com/MARKER\",\"id\":\"../../etc\","
								+ "\"health\":{\"consecutiveFailures\":-1},\"admin\":true,\"name\":\"MARKER\"}",
						"id"),
				new UnknownField("analyze: unknown field", Target.ANALYSIS, "POST", "/api/analyze",
						"{\"title\":\"North Korea fires a missile\",\"tags\":[\"MARKER\"]}", "tags"),
				new UnknownField("rule: unknown field", Target.ANALYSIS, "PUT", "/api/topics/north-korea/rule",
						"{" + rule + "}],\"priority\":\"MARKER\"}", "priority"),
				new UnknownField("rule: unknown field of a term", Target.ANALYSIS, "PUT",
						"/api/topics/north-korea/rule", "{" + rule + ",\"boost\":2}]}", "terms[0].boost"),
				new UnknownField("subscription: unknown field", Target.SEARCH, "POST", "/api/subscriptions",
						"{\"name\":\"MARKER\",\"query\":\"missile\",\"owner\":\"x\"," + atom + "}", "owner"),
				new UnknownField("subscription: unknown field of the channel", Target.SEARCH, "POST",
						"/api/subscriptions", "{\"name\":\"MARKER\",\"channel\":{\"type\":\"atom\",\"owner\":\"x\"}}",
						"channel.owner"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unknownFields")
	void unknownFieldIsRefusedNamingItAndNothingIsStored(UnknownField request) throws Exception {
		String marker = RUN + "-" + UUID.randomUUID().toString().substring(0, 8);
		int ruleVersion = ruleVersion("north-korea");
		ServiceProcess service = services.get(request.target());
		HttpResponse<String> response = send(service.uri(request.path()), request.method(), "application/json",
				request.body().replace("MARKER", marker));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("field").asString()).as(response.body()).isEqualTo(request.field());
		assertThat(problem.path("detail").asString()).as(response.body()).contains(request.field());
		assertThat(response.body()).doesNotContain("Exception").doesNotContain(marker);
		switch (request.target()) {
			case INGEST ->
				assertThat(expect(send(ingest().uri("/api/feeds"), "GET", null, null), 200)).doesNotContain(marker);
			case ANALYSIS -> assertThat(ruleVersion("north-korea")).isEqualTo(ruleVersion);
			case SEARCH -> assertThat(expect(send(search().uri("/api/subscriptions"), "GET", null, null), 200))
				.doesNotContain(marker);
		}
	}

	@Test
	void scriptInFeedContentIsNotStored() throws Exception {
		String run = RUN + "xss";
		String document = FeedServer.resource("/feeds/hostile.xml").replace("RUN", run);
		try (FeedServer server = new FeedServer(InetAddress.getByName(ALLOWED_ADDRESS), document)) {
			JsonNode feed = json.readTree(expect(
					send(ingest().uri("/api/feeds"), "POST", "application/json", json
						.writeValueAsString(Map.of("url", server.url(), "name", "Hostile wire", "language", "en"))),
					201));
			String id = feed.path("id").asString();
			JsonNode outcome = json
				.readTree(expect(send(ingest().uri("/api/feeds/" + id + "/poll"), "POST", null, null), 200));
			assertThat(outcome.path("status").asString()).as(outcome.toString()).isEqualTo("fetched");

			JsonNode found = await("the hostile items are searchable").atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> json.readTree(expect(send(search().uri("/api/search?q=" + run), "GET", null, null), 200)),
						(result) -> result.path("total").asInt() >= 2);
			assertThat(found.path("total").asInt()).as("the item whose link is a script is not indexed").isEqualTo(2);
			for (JsonNode hit : found.path("hits")) {
				assertThat(hit.path("url").asString()).startsWith("https://hostile.newsmon.invalid/");
				assertHarmless(hit.toString());
				String article = expect(
						send(search().uri("/api/articles/" + hit.path("id").asString()), "GET", null, null), 200);
				assertHarmless(article);
			}
			send(ingest().uri("/api/feeds/" + id), "DELETE", null, null);
		}
	}

	/** The stored text of an article: no element, script, handler or script URL. */
	private static void assertHarmless(String storedJson) {
		String text = storedJson.toLowerCase(Locale.ROOT);
		assertThat(text).as(storedJson)
			.doesNotContain("<script")
			.doesNotContain("<iframe")
			.doesNotContain("<svg")
			.doesNotContain("<object")
			.doesNotContain("<embed")
			.doesNotContain("<img")
			.doesNotContain("<style")
			.doesNotContain("<form")
			.doesNotContain("javascript:")
			.doesNotContainPattern("\\bon(error|click|load|mouseover|focus)\\s*=");
	}

	private static List<String> registeredUrls() throws Exception {
		List<String> urls = new ArrayList<>();
		json.readTree(expect(send(ingest().uri("/api/feeds"), "GET", null, null), 200))
			.forEach((feed) -> urls.add(feed.path("url").asString()));
		return urls;
	}

	private static String exportedOpml() throws Exception {
		return expect(send(ingest().uri("/api/feeds/export"), "GET", null, null), 200);
	}

	private static int ruleVersion(String topic) throws Exception {
		for (JsonNode rule : json
			.readTree(expect(send(services.get(Target.ANALYSIS).uri("/api/topics"), "GET", null, null), 200))) {
			if (rule.path("id").asString().equals(topic)) {
				return rule.path("version").asInt();
			}
		}
		throw new AssertionError("no topic " + topic);
	}

	private static ServiceProcess ingest() {
		return services.get(Target.INGEST);
	}

	private static ServiceProcess search() {
		return services.get(Target.SEARCH);
	}

	private static HttpResponse<String> send(URI uri, String method, String contentType, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + API_KEY)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String expect(HttpResponse<String> response, int status) {
		assertThat(response.statusCode())
			.as("%s %s answered %s", response.request().method(), response.request().uri(), response.body())
			.isEqualTo(status);
		return response.body();
	}

	private static Map<String, String> with(Map<String, String> common, Map<String, String> own) {
		Map<String, String> environment = new HashMap<>(common);
		environment.putAll(own);
		return environment;
	}

	/**
	 * Waits until each consumer group has its partitions: the groups start at the end of
	 * the shared topics, so an article published before would pass them by.
	 */
	private static void awaitAssigned(String... groups) {
		try (Admin admin = admin()) {
			await("consumer groups " + List.of(groups) + " assigned").atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(500))
				// a group is unknown until its first member joins
				.ignoreExceptions()
				.until(() -> {
					Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(List.of(groups))
						.all()
						.get(10, TimeUnit.SECONDS);
					return descriptions.values()
						.stream()
						.allMatch((group) -> group.groupState() == GroupState.STABLE && !group.members().isEmpty()
								&& group.members()
									.stream()
									.anyMatch((member) -> !member.assignment().topicPartitions().isEmpty()));
				});
		}
		// a freshly assigned consumer looks up the end offsets on its first fetch
		try {
			Thread.sleep(3000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Admin admin() {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
		return Admin.create(properties);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String cursor(String object) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(object.getBytes(StandardCharsets.UTF_8));
	}

	private static String shortly(String text) {
		return (text.length() > 60) ? text.substring(0, 40) + "…(" + text.length() + " characters)" : text;
	}

	/**
	 * A JSON body with a field that its endpoint does not know; {@code MARKER} in the
	 * body is replaced by a text of the request's own, which must not be stored.
	 *
	 * @param name what the request tries
	 * @param target the service it goes to
	 * @param method the HTTP method
	 * @param path the path
	 * @param body the body
	 * @param field the field the problem must name
	 */
	record UnknownField(String name, Target target, String method, String path, String body, String field) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	/**
	 * One hostile request and the statuses that may answer it.
	 *
	 * @param name what the request tries
	 * @param target the service it goes to
	 * @param method the HTTP method
	 * @param path the raw path and query, sent as written
	 * @param contentType the content type of the body, or {@code null}
	 * @param body the body, or {@code null}
	 * @param apiKey the API key sent, or {@code null} for none
	 * @param statuses the statuses that are a right answer
	 * @param refusedUnread whether the service refuses the body before reading it, so
	 * that a reset of the connection may take the place of the answer
	 */
	record Probe(String name, Target target, String method, String path, String contentType, String body, String apiKey,
			Set<Integer> statuses, boolean refusedUnread) {

		/** Client errors: the answer to almost every hostile request. */
		private static final Set<Integer> CLIENT_ERRORS = Set.of(400, 404, 405, 413, 414, 415, 422, 431);

		static Probe read(String name, Target target, String method, String path) {
			return new Probe(name, target, method, path, null, null, API_KEY, CLIENT_ERRORS, false);
		}

		static Probe write(String name, Target target, String method, String path, String body) {
			return new Probe(name, target, method, path, (body != null) ? "application/json" : null, body, API_KEY,
					CLIENT_ERRORS, false);
		}

		Probe status(Integer... expected) {
			return new Probe(this.name, this.target, this.method, this.path, this.contentType, this.body, this.apiKey,
					Set.of(expected), this.refusedUnread);
		}

		Probe contentType(String type) {
			return new Probe(this.name, this.target, this.method, this.path, type, this.body, this.apiKey,
					this.statuses, this.refusedUnread);
		}

		Probe apiKey(String key) {
			return new Probe(this.name, this.target, this.method, this.path, this.contentType, this.body, key,
					this.statuses, this.refusedUnread);
		}

		Probe refusedFromItsLength() {
			return new Probe(this.name, this.target, this.method, this.path, this.contentType, this.body, this.apiKey,
					this.statuses, true);
		}

		HttpResponse<String> send(ServiceProcess service) throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(this.path))
				.timeout(Duration.ofSeconds(60))
				.method(this.method, (this.body != null) ? HttpRequest.BodyPublishers.ofString(this.body)
						: HttpRequest.BodyPublishers.noBody());
			if (this.contentType != null) {
				request.header("Content-Type", this.contentType);
			}
			if (this.apiKey != null) {
				request.header("Authorization", "Bearer " + this.apiKey);
			}
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}

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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.ArticleFetched;
import dev.newsmon.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search service on the real broker and Elasticsearch (KAFKA_BOOTSTRAP_SERVERS and
 * ELASTICSEARCH_URL; the test fails when they are missing). Each run writes to an index,
 * alias and consumer group of its own, and its articles have ids and a source of their
 * own, so runs never see each other's results.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${KAFKA_BOOTSTRAP_SERVERS}",
				"spring.elasticsearch.uris=${ELASTICSEARCH_URL}", "newsmon.search.messaging.initial-backoff=200ms" })
class SearchIntegrationTests {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private static final String ALIAS = "it-articles-" + RUN;

	private static final String GROUP = "search-it-" + RUN;

	private static final String SOURCE = "Newsmon Wire " + RUN;

	private static final Instant NOW = Instant.now();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static KafkaProducer<String, byte[]> producer;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void runProperties(DynamicPropertyRegistry registry) {
		registry.add("newsmon.search.index.alias", () -> ALIAS);
		registry.add("spring.kafka.consumer.group-id", () -> GROUP);
	}

	@BeforeAll
	static void startProducer() {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka());
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
	}

	@AfterAll
	static void cleanUp() throws Exception {
		producer.close();
		send("DELETE", elasticsearch() + "/" + ALIAS + "-v1");
		send("DELETE", elasticsearch() + "/_index_template/" + ALIAS);
	}

	@Test
	void findsArticlesInThreeLanguages() throws Exception {
		String en = id("en");
		String ja = id("ja");
		String jaScattered = id("ja-scattered");
		String ko = id("ko");
		publish(article(en, "en", "North Korea fires ballistic missile over the sea",
				"Seoul and Tokyo said the launch came a day after a joint exercise with the United States.",
				"north-korea", NOW));
		publish(article(ja, "ja", "北朝鮮が弾道ミサイルを発射", "防衛省によると、北朝鮮は日本海に向けて弾道ミサイルを発射した。", "north-korea", NOW));
		publish(article(jaScattered, "ja", "北の港で朝市", "朝の市場には新鮮な魚が並んだ。", null, NOW));
		publish(article(ko, "ko", "북한은 동해상으로 탄도미사일을 발사했다", "합동참모본부는 북한은 오늘 오전 미사일을 쐈다고 밝혔다.", "north-korea", NOW));

		// the topic holds every earlier run's articles too: rank this run's only
		String scope = "&source=" + encode(SOURCE);
		awaitIds("q=ballistic%20missile" + scope, List.of(en), List.of());
		awaitIds(query("北朝鮮") + scope, List.of(ja), List.of(jaScattered, ko, en));
		awaitIds(query("북한") + scope, List.of(ko), List.of(ja, en));
		awaitIds(query("\"joint exercise\"") + scope, List.of(en), List.of(ja, ko));
		awaitIds(query("\"exercise joint\"") + scope, List.of(), List.of(en));
		awaitIds(query("missile -ballistic") + scope, List.of(), List.of(en));
		awaitIds(query("ballistic | 북한") + scope, List.of(en, ko), List.of());

		JsonNode result = search(query("ballistic"));
		JsonNode hit = hit(result, en);
		assertThat(hit.get("snippet").asString()).contains("<em>");
		assertThat(hit.get("title").asString()).isEqualTo("North Korea fires ballistic missile over the sea");
		assertThat(hit.get("url").asString()).isEqualTo("https://example.org/" + en);
		assertThat(hit.get("source").asString()).isEqualTo(SOURCE);
		assertThat(hit.get("language").asString()).isEqualTo("en");
		assertThat(hit.at("/topics/0/id").asString()).isEqualTo("north-korea");
		assertThat(hit.at("/topics/0/score").asDouble()).isEqualTo(0.8);
		assertThat(Instant.parse(hit.get("publishedAt").asString())).isEqualTo(NOW);
	}

	@Test
	void filtersFacetsHistogramAndCursor() throws Exception {
		String source = SOURCE + " facets";
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String id = id("facet-" + i);
			ids.add(id);
			publish(article(id, (i == 0) ? "ja" : "en", "Quad ministers meet " + i,
					"Talks on maritime security and supply chains.",
					(i < 2) ? "minilateral-groupings" : "semiconductors", NOW.minus(Duration.ofDays(i)), source));
		}
		String scope = "source=" + encode(source);
		awaitIds(scope, ids, List.of());

		JsonNode all = search(scope);
		assertThat(all.get("total").asLong()).isEqualTo(3);
		assertThat(buckets(all.at("/facets/languages"))).containsEntry("en", 2L).containsEntry("ja", 1L);
		assertThat(buckets(all.at("/facets/topics"))).containsEntry("minilateral-groupings", 2L)
			.containsEntry("semiconductors", 1L);
		assertThat(buckets(all.at("/facets/sources"))).containsEntry(source, 3L);
		assertThat(all.get("histogram").size()).isEqualTo(3);
		assertThat(all.at("/histogram/0/count").asLong()).isEqualTo(1);

		assertThat(ids(search(scope + "&topic=semiconductors"))).containsExactly(ids.get(2));
		assertThat(ids(search(scope + "&topic=semiconductors&topic=minilateral-groupings"))).hasSize(3);
		assertThat(ids(search(scope + "&lang=ja"))).containsExactly(ids.get(0));
		String yesterday = NOW.minus(Duration.ofDays(1)).toString().substring(0, 10);
		assertThat(ids(search(scope + "&to=" + yesterday))).doesNotContain(ids.get(0));

		JsonNode first = search(scope + "&sort=newest&size=2");
		assertThat(ids(first)).containsExactly(ids.get(0), ids.get(1));
		String cursor = first.get("nextCursor").asString();
		JsonNode second = search(scope + "&sort=newest&size=2&cursor=" + cursor);
		assertThat(ids(second)).containsExactly(ids.get(2));
		assertThat(second.get("nextCursor").isNull()).isTrue();
		// facets and histogram describe all matches: the first page has them, later ones
		// not
		assertThat(second.at("/facets/topics").isEmpty()).isTrue();
		assertThat(second.get("histogram").isEmpty()).isTrue();
		assertThat(second.get("total").asLong()).isEqualTo(3);
	}

	@Test
	void replayDoesNotDuplicateAndOlderVersionDoesNotOverwrite() throws Exception {
		String id = id("versions");
		byte[] newer = json.writeValueAsBytes(
				article(id, "en", "Second analysis of the drill", "Body.", "joint-exercises", NOW.plusSeconds(60)));
		byte[] older = json
			.writeValueAsBytes(article(id, "en", "First analysis of the drill", "Body.", "joint-exercises", NOW));
		send(id, newer);
		send(id, newer);
		RecordMetadata last = send(id, older);
		awaitConsumed(last);

		JsonNode article = get("/api/articles/" + id).body();
		assertThat(article.get("title").asString()).isEqualTo("Second analysis of the drill");
		assertThat(article.get("id").asString()).isEqualTo(id);
		assertThat(article.has("text_cjk")).isFalse();
		// search sees a write after the next refresh, GET at once
		awaitIds("q=drill&source=" + encode(SOURCE), List.of(id), List.of());
		JsonNode result = search("q=drill&source=" + encode(SOURCE));
		assertThat(ids(result).stream().filter(id::equals)).hasSize(1);
	}

	@Test
	void unreadableAndRejectedRecordsGoToTheDeadLetterTopic() throws Exception {
		String poison = id("poison");
		String immense = id("immense");
		send(poison, "{ this is not json".getBytes(StandardCharsets.UTF_8));
		ArticleAnalyzed tooLongUrl = article(immense, "en", "A record Elasticsearch refuses", "Body.", null, NOW);
		ArticleFetched a = tooLongUrl.article();
		ArticleFetched withImmenseUrl = new ArticleFetched(1, a.articleId(),
				"https://example.org/" + "x".repeat(40_000), a.feedId(), a.source(), a.title(), a.summary(), a.body(),
				null, List.of(), "en", a.publishedAt(), a.fetchedAt(), "", List.of());
		publish(new ArticleAnalyzed(1, withImmenseUrl, "en", List.of(), List.of(), 1L, "c", NOW));

		Map<String, ConsumerRecord<String, byte[]>> dead = awaitDeadLetters(List.of(poison, immense));
		assertThat(new String(dead.get(poison).value(), StandardCharsets.UTF_8)).isEqualTo("{ this is not json");
		assertThat(header(dead.get(poison), "kafka_dlt-exception-fqcn")).contains("DeserializationException");
		assertThat(header(dead.get(immense), "kafka_dlt-exception-message")).contains("Elasticsearch rejected");
		assertThat(header(dead.get(immense), "kafka_dlt-original-topic")).isEqualTo(Topics.ARTICLES_ANALYZED);
		assertThat(get("/api/articles/" + immense).statusCode()).isEqualTo(404);
	}

	@Test
	void badParametersGetProblemDetails() throws Exception {
		for (String[] bad : new String[][] { { "size=0", "size" }, { "size=101", "size" }, { "sort=oldest", "sort" },
				{ "from=2026-02-30", "from" }, { "cursor=nope", "cursor" }, { "topic=weather", "topic" },
				{ "q=" + "a".repeat(501), "q" } }) {
			Response response = get("/api/search?" + bad[0]);
			assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
			assertThat(response.contentType()).contains("application/problem+json");
			assertThat(response.body().get("parameter").asString()).isEqualTo(bad[1]);
			assertThat(response.body().get("detail").asString()).startsWith(bad[1] + ": ");
		}
		Response timeline = get("/api/timeline?from=2020-01-01&to=2026-01-01");
		assertThat(timeline.statusCode()).isEqualTo(400);
		assertThat(timeline.contentType()).contains("application/problem+json");
		assertThat(timeline.body().get("parameter").asString()).isEqualTo("from");
		for (Response invalid : List.of(get("/api/search?size=0"), timeline)) {
			assertThat(invalid.body().get("title").asString()).isEqualTo("Invalid parameter");
			assertThat(invalid.body().get("type").asString())
				.isEqualTo("https://newsmon.dev/problems/invalid-parameter");
			assertThat(invalid.body().get("status").asInt()).isEqualTo(400);
		}
		Response missing = get("/api/articles/" + id("missing"));
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.contentType()).contains("application/problem+json");
	}

	@Test
	void aRecordWithFieldsOfANewerProducerIsStillIndexed() throws Exception {
		// the HTTP API refuses unknown fields; records must not: a newer analysis may add
		// some
		String newer = id("newer-producer");
		ObjectNode record = json
			.valueToTree(article(newer, "en", "A record with fields added later", "Body.", null, NOW));
		record.put("addedLater", "x");
		((ObjectNode) record.get("article")).putArray("tags").add("y");
		awaitConsumed(send(newer, json.writeValueAsBytes(record)));
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> get("/api/articles/" + newer).statusCode(), (status) -> status == 200);
	}

	@Test
	void similarArticlesPutTheSameStoryFirstAndStoriesListTheirArticles() throws Exception {
		String source = SOURCE + " stories";
		String story = "story-" + RUN;
		String first = id("story-first");
		String second = id("story-second");
		String lookalike = id("story-lookalike");
		String unrelated = id("story-unrelated");
		// earlier runs' copies of these articles stay in the topic; a word of this run's
		// own
		// in the first and the lookalike makes them each other's best match, whatever the
		// history
		publish(article(first, "en", "Destroyers escort a convoy of tankers through the strait " + RUN,
				"Two destroyers escorted a convoy of tankers through the strait after drones harassed shipping.", null,
				NOW.minus(Duration.ofHours(2)), source, story));
		publish(article(second, "ja", "駆逐艦がタンカーの船団を護衛", "無人機による妨害の後、駆逐艦2隻が海峡でタンカーを護衛した。", null,
				NOW.minus(Duration.ofHours(1)), source, story));
		publish(article(lookalike, "en", "Destroyers escort a convoy of tankers through the strait again " + RUN,
				"Destroyers escorted another convoy of tankers through the strait after drones harassed shipping.",
				null, NOW, source, "story-other-" + RUN));
		publish(article(unrelated, "en", "Chip makers report record sales", "Memory prices rose again this quarter.",
				null, NOW, source, "story-chips-" + RUN));
		awaitIds("source=" + encode(source), List.of(first, second, lookalike, unrelated), List.of());

		JsonNode similar = get("/api/articles/" + first + "/similar?size=50").body();
		// the topic holds earlier runs' articles too: look at this run's only
		List<String> similarIds = ids(similar).stream().filter((id) -> id.startsWith(RUN)).toList();
		assertThat(similarIds).startsWith(second, lookalike).doesNotContain(first, unrelated);
		assertThat(similar.get("clusterId").asString()).isEqualTo(story);
		assertThat(similar.at("/hits/0/clusterId").asString()).isEqualTo(story);
		assertThat(get("/api/articles/" + id("nowhere") + "/similar").statusCode()).isEqualTo(404);
		assertThat(get("/api/articles/" + first + "/similar?size=0").statusCode()).isEqualTo(400);

		JsonNode view = get("/api/stories/" + story).body();
		assertThat(view.get("total").asLong()).isEqualTo(2);
		List<String> storyIds = new ArrayList<>();
		view.get("articles").forEach((article) -> storyIds.add(article.get("id").asString()));
		assertThat(storyIds).containsExactly(first, second);
		assertThat(buckets(view.get("languages"))).containsEntry("en", 1L).containsEntry("ja", 1L);
		assertThat(buckets(view.get("sources"))).containsEntry(source, 2L);
		assertThat(Instant.parse(view.get("firstPublishedAt").asString()))
			.isEqualTo(NOW.minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
		Response missing = get("/api/stories/" + encode("no-such-story-" + RUN));
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.contentType()).contains("application/problem+json");
	}

	@Test
	void cursorPagesReadAPointInTimeThatConcurrentIndexingDoesNotShift() throws Exception {
		String source = SOURCE + " pit";
		String scope = "source=" + encode(source);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String id = id("pit-" + i);
			ids.add(id);
			publish(article(id, "en", "Patrol aircraft sighted " + i, "A maritime patrol.", null,
					NOW.minus(Duration.ofMinutes(10 + i)), source));
		}
		awaitIds(scope, ids, List.of());

		JsonNode page = search(scope + "&sort=newest&size=2");
		String cursor = page.get("nextCursor").asString();
		assertThat(decodedCursor(cursor).has("p")).as("the first page opens no point in time").isFalse();
		List<String> seen = new ArrayList<>(ids(page));
		page = search(scope + "&sort=newest&size=2&cursor=" + cursor);
		cursor = page.get("nextCursor").asString();
		assertThat(decodedCursor(cursor).has("p")).as("the second page's cursor carries a point in time").isTrue();
		seen.addAll(ids(page));

		// indexed after the second page: older than all, so it would land on the last
		// page
		String late = id("pit-late");
		publish(article(late, "en", "Patrol aircraft sighted late", "A maritime patrol.", null,
				NOW.minus(Duration.ofDays(1)), source));
		awaitIds(scope, List.of(late), List.of());

		while (cursor != null) {
			page = search(scope + "&sort=newest&size=2&cursor=" + cursor);
			seen.addAll(ids(page));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
		}
		assertThat(seen).containsExactlyElementsOf(ids);
	}

	private static JsonNode decodedCursor(String cursor) {
		return json.readTree(new String(java.util.Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
	}

	@Test
	void hostileQueriesGet200Or400AndNever500() throws Exception {
		String[] queries = { "\"unbalanced", "unbalanced\"", "\"\"\"", "|", "|||", "+", "-", "- -", "-\"", "(", ")",
				"((((", "a | | b", "+-|()~*\"", "*", "~", "~2", "a~", "\\", "\\\\\\", "a\\", "x".repeat(500),
				"北".repeat(500), "\u0000", "\u0007\u001b[31m", "tab\there", "line\nbreak", "🚀🇰🇷🇯🇵",
				"NATO 日本 북한 🚀", "インド太平洋戦略|한일 관계 -\"NATO\"", "\uFEFF", "\u200B\u200D", "\uD800", "%", "%%", "&&", "!",
				"a:b", "title:x", "field:(a OR b)", "<script>alert(1)</script>", "' OR 1=1 --", "{\"query\":1}", "null",
				"　", "ㅋㅋㅋ", "ｱｲｳ", "Ω≈ç√", "a".repeat(20) + " " + "-".repeat(50) };
		for (String q : queries) {
			Response response = get("/api/search?q=" + encode(q));
			assertThat(response.statusCode()).as("q=%s", q).isIn(200, 400);
			if (response.statusCode() == 400) {
				assertThat(response.contentType()).as("q=%s", q).contains("application/problem+json");
			}
		}
		String[] parameters = { "size=-1", "size=1e3", "size=99999999999", "from=%00", "to=2026-13-45",
				"from=2026-01-02&to=2026-01-01", "sort=%F0%9F%9A%80", "lang=%00", "lang=日本", "topic=%22",
				"cursor=%F0%9F%9A%80", "cursor=" + "A".repeat(5000), "source=" + "s".repeat(300), "topic=" };
		for (String parameter : parameters) {
			Response response = get("/api/search?" + parameter);
			assertThat(response.statusCode()).as(parameter).isIn(200, 400);
		}
		for (String path : List.of("/api/articles/%F0%9F%9A%80", "/api/articles/" + "a".repeat(600),
				"/api/articles/%20/similar", "/api/articles/x/similar?size=abc", "/api/stories/%F0%9F%9A%80",
				"/api/stories/" + "c".repeat(300))) {
			Response response = get(path);
			assertThat(response.statusCode()).as(path).isIn(200, 400, 404);
		}
	}

	@Test
	void openApiDescriptionListsTheSearchApi() throws Exception {
		Response docs = get("/v3/api-docs");
		assertThat(docs.statusCode()).isEqualTo(200);
		List<String> paths = new ArrayList<>();
		docs.body().get("paths").propertyNames().forEach(paths::add);
		assertThat(paths).contains("/api/search", "/api/articles/{id}", "/api/articles/{id}/similar",
				"/api/stories/{clusterId}");
		assertThat(docs.body().at("/info/title").asString()).isEqualTo("newsmon search-service");
		HttpResponse<String> page = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/swagger-ui.html")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).containsIgnoringCase("swagger");
	}

	private static String id(String name) {
		return RUN + "-" + name;
	}

	private static ArticleAnalyzed article(String id, String language, String title, String body, String topic,
			Instant time) {
		return article(id, language, title, body, topic, time, SOURCE);
	}

	private static ArticleAnalyzed article(String id, String language, String title, String body, String topic,
			Instant time, String source) {
		return article(id, language, title, body, topic, time, source, "cluster-" + id);
	}

	private static ArticleAnalyzed article(String id, String language, String title, String body, String topic,
			Instant time, String source, String cluster) {
		ArticleFetched fetched = new ArticleFetched(1, id, "https://example.org/" + id, "feed-it", source, title, "",
				body, null, List.of(), language, time, time, "", List.of());
		List<ArticleAnalyzed.TopicTag> topics = (topic != null)
				? List.of(new ArticleAnalyzed.TopicTag(topic, 0.8, List.of())) : List.of();
		return new ArticleAnalyzed(1, fetched, language, topics, List.of(), 7L, cluster, time);
	}

	private static void publish(ArticleAnalyzed article) throws Exception {
		send(article.article().articleId(), json.writeValueAsBytes(article));
	}

	private static RecordMetadata send(String key, byte[] value) throws Exception {
		return producer.send(new ProducerRecord<>(Topics.ARTICLES_ANALYZED, key, value)).get();
	}

	private void awaitIds(String parameters, List<String> present, List<String> absent) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			List<String> ids = ids(search(parameters));
			if (!present.isEmpty()) {
				assertThat(ids).as(parameters).containsAll(present);
			}
			if (!absent.isEmpty()) {
				assertThat(ids).as(parameters).doesNotContainAnyElementsOf(absent);
			}
		});
	}

	private static void awaitConsumed(RecordMetadata record) {
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka());
		try (Admin admin = Admin.create(properties)) {
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
				OffsetAndMetadata committed = admin.listConsumerGroupOffsets(GROUP)
					.partitionsToOffsetAndMetadata()
					.get()
					.get(partition);
				return committed != null && committed.offset() > record.offset();
			});
		}
	}

	private static Map<String, ConsumerRecord<String, byte[]>> awaitDeadLetters(List<String> keys) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP + "-dlt-reader");
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		Map<String, ConsumerRecord<String, byte[]>> found = new java.util.HashMap<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(Topics.ARTICLES_ANALYZED + Topics.DEAD_LETTER_SUFFIX));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (keys.contains(record.key())) {
						found.put(record.key(), record);
					}
				}
				return found.keySet().containsAll(keys);
			});
		}
		return found;
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private JsonNode search(String parameters) throws Exception {
		Response response = get("/api/search?" + parameters);
		assertThat(response.statusCode()).as(parameters).isEqualTo(200);
		return response.body();
	}

	private Response get(String path) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		String contentType = response.headers().firstValue("Content-Type").orElse("");
		return new Response(response.statusCode(), contentType,
				contentType.contains("json") ? json.readTree(response.body()) : null);
	}

	private static List<String> ids(JsonNode result) {
		List<String> ids = new ArrayList<>();
		result.get("hits").forEach((hit) -> ids.add(hit.get("id").asString()));
		return ids;
	}

	private static JsonNode hit(JsonNode result, String id) {
		for (JsonNode hit : result.get("hits")) {
			if (hit.get("id").asString().equals(id)) {
				return hit;
			}
		}
		throw new AssertionError("No hit " + id + " in " + result);
	}

	private static Map<String, Long> buckets(JsonNode buckets) {
		Map<String, Long> counts = new java.util.HashMap<>();
		buckets.forEach((bucket) -> counts.put(bucket.get("key").asString(), bucket.get("count").asLong()));
		return counts;
	}

	private static String query(String q) {
		return "q=" + encode(q);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static void send(String method, String url) throws Exception {
		http.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.discarding());
	}

	private static String kafka() {
		return required("KAFKA_BOOTSTRAP_SERVERS");
	}

	private static String elasticsearch() {
		return required("ELASTICSEARCH_URL");
	}

	private static String required(String name) {
		String value = System.getenv(name);
		assertThat(value).as(name + " must point at the test infrastructure").isNotBlank();
		return value;
	}

	private record Response(int statusCode, String contentType, JsonNode body) {

	}

}

package dev.newsmon.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full text on the real broker: a feed that asks for it publishes the text of its items'
 * pages; a refused address or an oversized page leaves the feed's text; a feed that does
 * not ask never has its pages fetched.
 */
class FullTextIntegrationTests {

	private static final String RUN = "run" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static final String SUMMARY = "Coast guards plan joint patrols " + RUN + ".";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static FeedServer server;

	private static IngestInstance ingest;

	private static ArticleConsumer articles;

	@BeforeAll
	static void start() throws Exception {
		server = new FeedServer();
		ingest = IngestInstance.start("it-feeds-" + RUN, "fulltext", "newsmon.ingest.poll.enabled=false",
				"newsmon.ingest.fulltext.max-page-bytes=16KB");
		articles = new ArticleConsumer(RUN);
	}

	@AfterAll
	static void stop() {
		articles.close();
		ingest.close();
		server.close();
	}

	@Test
	void theArticleBodyIsThePageTextAndSeenItemsAreNotFetchedAgain() throws Exception {
		String page = "/" + RUN + "/story.html";
		String link = server.serve(page, resource("/pages/furniture.html"), "text/html; charset=utf-8");
		String feedUrl = server.serve("/" + RUN + "/summaries.xml",
				FeedServer.rss("Summaries " + RUN, List.of(FeedServer.item(link, "Patrols " + RUN, SUMMARY))));
		JsonNode feed = register(feedUrl, true);
		assertThat(feed.path("fullText").asBoolean()).isTrue();
		assertThat(ingest.get("/api/feeds/" + feed.path("id").asString()).path("fullText").asBoolean()).isTrue();

		assertThat(ingest.poll(feed.path("id").asString()).path("itemsPublished").asInt()).isEqualTo(1);
		JsonNode article = published(link);
		assertThat(article.path("body").asString())
			.contains("The coast guards of three neighbouring countries agreed on Tuesday")
			.doesNotContain("First comment")
			.doesNotContain("Buy sunglasses");
		assertThat(article.path("summary").asString()).isEqualTo(SUMMARY);
		assertThat(server.hits(page)).isEqualTo(1);

		// the item is known: nothing to publish, and its page is not asked for again
		assertThat(ingest.poll(feed.path("id").asString()).path("itemsPublished").asInt()).isZero();
		assertThat(server.hits(page)).isEqualTo(1);

		// a new version of a known item keeps the feed's text: its page is not fetched
		server.serve("/" + RUN + "/summaries.xml", FeedServer.rss("Summaries " + RUN,
				List.of(FeedServer.item(link, "Patrols " + RUN, SUMMARY + " Updated."))));
		assertThat(ingest.poll(feed.path("id").asString()).path("itemsPublished").asInt()).isEqualTo(1);
		assertThat(server.hits(page)).isEqualTo(1);
	}

	@Test
	void aPrivateAddressIsRefusedAndTheFeedTextKept() throws Exception {
		String link = "http://10.9.8.7/" + RUN + "/private-story";
		String redirected = server.redirect("/" + RUN + "/to-private", "http://169.254.169.254/latest/meta-data/");
		String feedUrl = server.serve("/" + RUN + "/private.xml",
				FeedServer.rss("Private " + RUN, List.of(FeedServer.item(link, "Private " + RUN, SUMMARY),
						FeedServer.item(redirected, "Redirected " + RUN, SUMMARY))));
		JsonNode feed = register(feedUrl, true);
		JsonNode outcome = ingest.poll(feed.path("id").asString());
		assertThat(outcome.path("status").asString()).isEqualTo("fetched");
		assertThat(outcome.path("itemsPublished").asInt()).isEqualTo(2);
		for (String url : List.of(link, redirected)) {
			JsonNode article = published(url);
			assertThat(article.path("summary").asString()).isEqualTo(SUMMARY);
			assertThat(article.path("body").asString()).isEmpty();
		}
		assertThat(failures("refused-address")).isGreaterThanOrEqualTo(2);
	}

	@Test
	void anOversizedPageIsRefusedAndTheFeedTextKept() throws Exception {
		String page = "/" + RUN + "/huge.html";
		String link = server.serve(page,
				("<html><body><article>"
						+ "<p>A paragraph that goes on and on for the oversized page.</p>\n".repeat(1000)
						+ "</article></body></html>")
					.getBytes(StandardCharsets.UTF_8),
				"text/html");
		String feedUrl = server.serve("/" + RUN + "/huge.xml",
				FeedServer.rss("Huge " + RUN, List.of(FeedServer.item(link, "Huge " + RUN, SUMMARY))));
		JsonNode feed = register(feedUrl, true);
		assertThat(ingest.poll(feed.path("id").asString()).path("itemsPublished").asInt()).isEqualTo(1);
		JsonNode article = published(link);
		assertThat(article.path("summary").asString()).isEqualTo(SUMMARY);
		assertThat(article.path("body").asString()).isEmpty();
		assertThat(server.hits(page)).isEqualTo(1);
		assertThat(failures("too-large")).isPositive();
	}

	@Test
	void withFullTextOffNoPageIsFetched() throws Exception {
		String page = "/" + RUN + "/off.html";
		String link = server.serve(page, resource("/pages/furniture.html"), "text/html; charset=utf-8");
		String feedUrl = server.serve("/" + RUN + "/off.xml",
				FeedServer.rss("Off " + RUN, List.of(FeedServer.item(link, "Off " + RUN, SUMMARY))));
		JsonNode feed = register(feedUrl, null);
		assertThat(feed.path("fullText").asBoolean()).isFalse();
		assertThat(ingest.poll(feed.path("id").asString()).path("itemsPublished").asInt()).isEqualTo(1);
		assertThat(published(link).path("body").asString()).isEmpty();
		assertThat(server.hits(page)).isZero();
	}

	private static JsonNode register(String url, Boolean fullText) throws Exception {
		Map<String, Object> request = new LinkedHashMap<>(Map.of("url", url, "name", "Full text " + RUN));
		if (fullText != null) {
			request.put("fullText", fullText);
		}
		HttpResponse<String> response = ingest.send(HttpRequest.newBuilder(ingest.uri("/api/feeds"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + IngestInstance.KEY)
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request)))
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body());
	}

	/** The article published for a link, read from the real topic. */
	private static JsonNode published(String link) {
		List<JsonNode> found = new ArrayList<>();
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			found.clear();
			for (String value : articles.values(Duration.ofMillis(200))) {
				JsonNode article = json.readTree(value);
				if (article.path("url").asString().equals(link)) {
					found.add(article);
				}
			}
			assertThat(found).hasSize(1);
		});
		return found.get(0);
	}

	private static double failures(String failureClass) throws Exception {
		JsonNode metric = ingest.get("/actuator/metrics/newsmon.ingest.fulltext.failures?tag=class:" + failureClass);
		return metric.path("measurements").path(0).path("value").asDouble();
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = FullTextIntegrationTests.class.getResourceAsStream(name)) {
			return in.readAllBytes();
		}
	}

}

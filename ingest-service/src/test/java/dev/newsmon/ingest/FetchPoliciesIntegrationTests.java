package dev.newsmon.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a poll treats what the server says: a permanent redirect moves the feed, and the
 * server's freshness ({@code Cache-Control: max-age}, RSS {@code <ttl>}) puts off the
 * next poll.
 */
class FetchPoliciesIntegrationTests {

	private static final String RUN = "run" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static FeedServer server;

	private static IngestInstance ingest;

	@BeforeAll
	static void start() throws Exception {
		server = new FeedServer();
		ingest = IngestInstance.start("it-feeds-" + RUN, "policies", "newsmon.ingest.poll.enabled=false");
	}

	@AfterAll
	static void stop() {
		ingest.close();
		server.close();
	}

	@Test
	void aPermanentRedirectUpdatesTheStoredUrl() throws Exception {
		String target = server.serve("/" + RUN + "/new.xml", FeedServer.rss("Moved " + RUN,
				List.of(FeedServer.item("https://wire.newsmon.invalid/" + RUN + "/moved", "Moved " + RUN, "Text."))));
		String old = server.redirect("/" + RUN + "/old.xml", target);
		String id = ingest.register(old, "Moving").path("id").asString();
		assertThat(ingest.poll(id).path("status").asString()).isEqualTo("fetched");
		JsonNode feed = ingest.get("/api/feeds/" + id);
		assertThat(feed.path("url").asString()).isEqualTo(target);
		assertThat(ingest.poll(id).path("itemsPublished").asInt()).isZero();
	}

	@Test
	void cacheControlMaxAgeAndTtlPutOffTheNextPoll() throws Exception {
		String item = FeedServer.item("https://wire.newsmon.invalid/" + RUN + "/fresh", "Fresh " + RUN, "Text.");
		String path = "/" + RUN + "/cached.xml";
		String url = server.serve(path, FeedServer.rss("Cached " + RUN, List.of(item)));
		server.headers(path, Map.of("Cache-Control", "public, max-age=7200"));
		String id = ingest.register(url, "Cached").path("id").asString();
		Instant before = Instant.now();
		JsonNode outcome = ingest.poll(id);
		// two hours, less the 10% jitter
		assertThat(Duration.between(before, Instant.parse(outcome.path("nextPoll").asString())))
			.isGreaterThan(Duration.ofMinutes(107));
		assertThat(ingest.get("/api/feeds/" + id).path("health").path("pollIntervalSeconds").asInt()).isEqualTo(7200);

		String ttlPath = "/" + RUN + "/ttl.xml";
		String ttlUrl = server.serve(ttlPath,
				FeedServer.rss("TTL " + RUN, List.of(item)).replace("<channel>", "<channel><ttl>150</ttl>"));
		String ttlId = ingest.register(ttlUrl, "TTL").path("id").asString();
		assertThat(Duration.between(before, Instant.parse(ingest.poll(ttlId).path("nextPoll").asString())))
			.isGreaterThan(Duration.ofMinutes(134));
	}

	@Test
	void theContentTypeCharsetDecodesAFeedWithoutDeclaration() throws Exception {
		String korean = "한미 국방장관 회담 " + RUN;
		String rss = "<?xml version=\"1.0\"?>\n" + FeedServer
			.rss("국방 소식",
					List.of(FeedServer.item("https://wire.newsmon.invalid/" + RUN + "/ko", korean, "연합훈련을 늘리기로 했다.")))
			.replaceFirst("<\\?xml[^>]*>\\s*", "");
		String url = server.serve("/" + RUN + "/euc-kr.xml", rss.getBytes(java.nio.charset.Charset.forName("EUC-KR")),
				"application/rss+xml; charset=EUC-KR");
		try (ArticleConsumer articles = new ArticleConsumer(RUN)) {
			String id = ingest.register(url, "EUC-KR wire").path("id").asString();
			assertThat(ingest.poll(id).path("itemsPublished").asInt()).isEqualTo(1);
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(articles.values(Duration.ZERO))
					.anySatisfy((value) -> assertThat(value).contains(korean)));
		}
	}

}

package dev.newsmon.ingest;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.newsmon.ingest.article.ArticleId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The feed registry and each feed's state live in a log-compacted topic: they survive a
 * restart, and so does what each feed has published, so that an unchanged item is never
 * published again while a changed one is, as a new version.
 */
class FeedRegistryIntegrationTests {

	@Test
	void registryAndDedupeSurviveRestarts() throws Exception {
		String run = "run" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String registry = "it-feeds-" + run;
		String base = "https://wire.newsmon.invalid/" + run + "/";
		String nato = item(base + "nato", "NATO and Japan meet", "A first text.", run);
		String missile = item(base + "missile", "A missile launch", "Launch details.", run);
		String missileEdited = item(base + "missile", "A missile launch", "Launch details, corrected.", run);
		String drills = item(base + "drills", "Drills near Taiwan", "Ships and aircraft.", run);
		try (FeedServer server = new FeedServer(); ArticleConsumer articles = new ArticleConsumer(run)) {
			String wireUrl = server.serve("/" + run + "/wire.xml",
					FeedServer.rss("Wire " + run, List.of(nato, missile)));
			String wireId;
			try (IngestInstance first = IngestInstance.start(registry, "first", "newsmon.ingest.poll.enabled=false")) {
				wireId = first.register(wireUrl, "Wire").path("id").asString();
				assertThat(first.poll(wireId).path("itemsPublished").asInt()).isEqualTo(2);
			}
			try (IngestInstance second = IngestInstance.start(registry, "second",
					"newsmon.ingest.poll.enabled=false")) {
				JsonNode health = second.get("/api/feeds/" + wireId).path("health");
				assertThat(health.path("itemsSeen").asLong()).isEqualTo(2);
				assertThat(health.path("lastSuccess").isNull()).isFalse();
				// Unchanged after the restart: nothing published again.
				assertThat(second.poll(wireId).path("itemsPublished").asInt()).isZero();
				// One item's content changed: published again, as a new version.
				server.serve("/" + run + "/wire.xml", FeedServer.rss("Wire " + run, List.of(nato, missileEdited)));
				JsonNode edited = second.poll(wireId);
				assertThat(edited.path("itemsPublished").asInt()).isEqualTo(1);
				assertThat(second.get("/api/feeds/" + wireId).path("health").path("itemsSeen").asLong()).isEqualTo(2);
				// Another feed with the same article (same canonical URL) and a new one:
				// only the new one is published.
				String otherUrl = server.serve("/" + run + "/other.xml", FeedServer.rss("Other " + run, List
					.of(item(base + "nato?utm_source=other", "NATO and Japan meet", "A first text.", run), drills)));
				String otherId = second.register(otherUrl, "Other").path("id").asString();
				assertThat(second.poll(otherId).path("itemsPublished").asInt()).isEqualTo(1);
				// A removal is a tombstone: it too survives the restart.
				assertThat(second
					.send(HttpRequest.newBuilder(second.uri("/api/feeds/" + otherId))
						.header("Authorization", "Bearer " + IngestInstance.KEY)
						.DELETE()
						.build())
					.statusCode()).isEqualTo(204);
			}
			try (IngestInstance third = IngestInstance.start(registry, "third", "newsmon.ingest.poll.enabled=false")) {
				List<String> ids = third.get("/api/feeds").findValues("id").stream().map(JsonNode::asString).toList();
				assertThat(ids).containsExactly(wireId);
				assertThat(third.poll(wireId).path("itemsPublished").asInt()).isZero();
			}
			List<String> expected = List.of(ArticleId.of(base + "nato"), ArticleId.of(base + "missile"),
					ArticleId.of(base + "missile"), ArticleId.of(base + "drills"));
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(articles.keys(Duration.ZERO)).hasSameSizeAs(expected));
			// Give a duplicate time to show up, if there were one.
			assertThat(articles.keys(Duration.ofSeconds(2))).containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	private static String item(String link, String title, String text, String run) {
		return FeedServer.item(link.replace("&", "&amp;"), title + " (" + run + ")", text);
	}

}

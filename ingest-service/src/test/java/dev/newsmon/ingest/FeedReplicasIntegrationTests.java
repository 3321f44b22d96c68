package dev.newsmon.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas split the feeds by the partition assignment of their consumer group, never
 * poll the same feed, and when one stops the other takes its feeds over with their state.
 */
class FeedReplicasIntegrationTests {

	private static final int FEEDS = 16;

	@Test
	void replicasSplitTheFeedsAndFailOver() throws Exception {
		String run = "run" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String registry = "it-feeds-" + run;
		IngestInstance a = IngestInstance.start(registry, "replica-a");
		try (FeedServer server = new FeedServer(); IngestInstance b = IngestInstance.start(registry, "replica-b")) {
			Map<String, String> paths = new HashMap<>();
			for (int i = 0; i < FEEDS; i++) {
				String path = "/" + run + "/feed-" + i + ".xml";
				String url = server.serve(path, FeedServer.rss("Feed " + i + " " + run, List.of(FeedServer
					.item("https://wire.newsmon.invalid/" + run + "/" + i, "Item " + i + " " + run, "Some text."))));
				paths.put(a.register(url, "Feed " + i).path("id").asString(), path);
			}
			// Each feed is due at once: its owner polls it.
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(paths.values())
					.allSatisfy((path) -> assertThat(server.fetchedBy(path)).isNotEmpty()));
			Set<String> replicas = new HashSet<>();
			List<String> ofA = new ArrayList<>();
			for (Map.Entry<String, String> feed : paths.entrySet()) {
				Set<String> agents = server.fetchedBy(feed.getValue());
				assertThat(agents).as("replicas that fetched %s", feed.getValue()).hasSize(1);
				String agent = agents.iterator().next();
				replicas.add(agent);
				if (agent.contains("replica-a")) {
					ofA.add(feed.getKey());
				}
			}
			assertThat(replicas).as("both replicas poll").hasSize(2);
			assertThat(ofA).isNotEmpty();
			String moved = ofA.get(0);
			assertThat(b.poll(moved).path("status").asString()).isEqualTo("not-owned");

			a.close();
			// b takes a's feeds over, with the state a left: nothing new to publish.
			await().atMost(Duration.ofSeconds(45))
				.untilAsserted(() -> assertThat(b.poll(moved).path("status").asString()).isEqualTo("fetched"));
			assertThat(server.fetchedBy(paths.get(moved))).anyMatch((agent) -> agent.contains("replica-b"));
			assertThat(b.get("/api/feeds/" + moved).path("health").path("itemsSeen").asLong()).isEqualTo(1);
			assertThat(b.poll(moved).path("itemsPublished").asInt()).isZero();
		}
		finally {
			a.close();
		}
	}

}

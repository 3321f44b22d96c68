package dev.newsmon.search.alert;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.ArticleFetched;
import dev.newsmon.search.SearchApplication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Event streams across replicas: replica A (the test's service) indexes every article,
 * replica B (a second instance on the same topics, indices and consumer group, whose
 * article consumer does not run) only serves a stream; the stream on B receives A's alert
 * once, as a stream on A does, and a stream that reconnects to B with
 * {@code Last-Event-ID} receives what it missed and nothing twice.
 */
class AlertStreamsIntegrationTests extends AlertTestService {

	private static final String SOURCE = "Stream Wire " + RUN;

	@Test
	void aStreamOnAnyReplicaReceivesEveryAlertOnce() throws Exception {
		String word = "wombat" + RUN;
		HttpResponse<String> created = post("/api/subscriptions",
				"{\"name\":\"Wombats\",\"query\":\"" + word + "\",\"channel\":{\"type\":\"sse\"}}", KEY);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = json.readTree(created.body()).get("id").asString();
		String[] args = secondInstance(GROUP);
		String[] replicaB = Arrays.copyOf(args, args.length + 1);
		replicaB[args.length] = "--spring.kafka.listener.auto-startup=false";
		try (ConfigurableApplicationContext replica = new SpringApplicationBuilder(SearchApplication.class)
			.run(replicaB)) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> replica.getBean(Subscriptions.class).find(id).isPresent());
			String b = "http://localhost:" + replica.getEnvironment().getProperty("local.server.port");
			List<String> onB = new CopyOnWriteArrayList<>();
			List<String> onA = new CopyOnWriteArrayList<>();
			InputStream streamB = openEvents(URI.create(b + "/api/subscriptions/" + id + "/events"), null, onB);
			InputStream streamA = openEvents(uri("/api/subscriptions/" + id + "/events"), null, onA);
			String first = "stream-first-" + RUN;
			String second = "stream-second-" + RUN;
			try {
				Instant published = Instant.now();
				publish(article(first, "A wombat crosses the road " + word));
				String event = "id:" + id + ":" + first;
				await().atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(20))
					.until(() -> onB.contains(event));
				System.out
					.println("Alert on replica B's stream " + Duration.between(published, Instant.now()).toMillis()
							+ " ms after the article was published to replica A");
				JsonNode data = json.readTree(dataAfter(onB, event));
				assertThat(data.get("subscriptionId").asString()).isEqualTo(id);
				assertThat(data.at("/article/id").asString()).isEqualTo(first);
				assertThat(data.at("/article/title").asString()).isEqualTo("A wombat crosses the road " + word);
				await().atMost(Duration.ofSeconds(10)).until(() -> onA.contains(event));
				// several polls later, still once on each stream
				Thread.sleep(2500);
				assertThat(onB.stream().filter(event::equals)).hasSize(1);
				assertThat(onA.stream().filter(event::equals)).hasSize(1);
				assertThat(onB.stream().filter("event:alert"::equals)).hasSize(1);
				JsonNode delivery = json.readTree(get("/api/subscriptions/" + id + "/deliveries", null).body())
					.get("deliveries")
					.get(0);
				assertThat(delivery.get("status").asString()).isEqualTo("delivered");
				assertThat(delivery.get("detail").asString()).isEqualTo("published to the event streams");
			}
			finally {
				streamB.close();
				streamA.close();
			}

			// missed while disconnected, received on reconnection after the last event
			publish(article(second, "A second wombat report " + word));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> get("/api/subscriptions/" + id + "/deliveries", null).body().contains(second));
			List<String> resumed = new CopyOnWriteArrayList<>();
			InputStream again = openEvents(URI.create(b + "/api/subscriptions/" + id + "/events"), id + ":" + first,
					resumed);
			try {
				await().atMost(Duration.ofSeconds(10)).until(() -> resumed.contains("id:" + id + ":" + second));
				Thread.sleep(1500);
				assertThat(resumed.stream().filter(("id:" + id + ":" + second)::equals)).hasSize(1);
				assertThat(resumed).doesNotContain("id:" + id + ":" + first);
			}
			finally {
				again.close();
			}
		}
	}

	private static InputStream openEvents(URI uri, String lastEventId, List<String> lines) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		InputStream body = response.body();
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					lines.add(line);
				}
			}
			catch (Exception ex) {
				// closed by the test
			}
		});
		reader.setDaemon(true);
		reader.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(":open"));
		return body;
	}

	private static String dataAfter(List<String> lines, String marker) {
		List<String> copy = new ArrayList<>(lines);
		StringBuilder data = new StringBuilder();
		for (int i = copy.indexOf(marker); i < copy.size() && !copy.get(i).isEmpty(); i++) {
			if (copy.get(i).startsWith("data:")) {
				data.append(copy.get(i).substring(5));
			}
		}
		return data.toString();
	}

	private static ArticleAnalyzed article(String id, String title) {
		Instant now = Instant.now();
		ArticleFetched fetched = new ArticleFetched(1, id, "https://example.org/streams/" + id, "feed-streams", SOURCE,
				title, "A short summary of " + id + ".", "The body of the report.", null, List.of(), "en", now, now, "",
				List.of());
		return new ArticleAnalyzed(1, fetched, "en",
				List.of(new ArticleAnalyzed.TopicTag("north-korea", 0.6, List.of())), List.of(), 3L, "story-" + id,
				now);
	}

}

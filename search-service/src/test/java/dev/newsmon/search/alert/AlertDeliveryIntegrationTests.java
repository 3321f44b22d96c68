package dev.newsmon.search.alert;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * Alerts from the articles topic to every channel, once: a subscription is created
 * through the API, an analysed article is published on the run's articles topic, and the
 * alert shows on the event stream, in the Atom feed and in the delivery log; replays and
 * a second instance that reads the whole topic again deliver nothing twice.
 */
class AlertDeliveryIntegrationTests extends AlertTestService {

	private static final String SOURCE = "Alert Wire " + RUN;

	@Test
	void alertsOnEveryChannelOnce() throws Exception {
		String word = "quokka" + RUN;
		String sse = create("{\"name\":\"Quokkas live\",\"query\":\"" + word + "\",\"channel\":{\"type\":\"sse\"}}");
		String atom = create("{\"name\":\"Wire\",\"sources\":[\"" + SOURCE + "\"],\"channel\":{\"type\":\"atom\"}}");
		String story = create("{\"name\":\"Quokka stories\",\"query\":\"" + word
				+ "\",\"oncePerStory\":true,\"channel\":{\"type\":\"atom\"}}");
		List<String> events = new CopyOnWriteArrayList<>();
		InputStream stream = openEvents(sse, events);
		try {
			Instant now = Instant.now();
			String old = "old-" + RUN;
			String first = "first-" + RUN;
			String second = "second-" + RUN;
			// fetched before the subscriptions existed: a replay, not news
			publish(article(old, "Quokka census from last year " + word, now.minus(Duration.ofHours(1)), "story-a"));
			publish(article(first, "Quokkas seen on the mainland " + word, now, "story-a"));
			publish(article(second, "A second quokka report " + word, now, "story-a"));

			await().atMost(Duration.ofSeconds(30)).until(() -> events.contains("id:" + sse + ":" + first));
			String data = dataAfter(events, "id:" + sse + ":" + first);
			JsonNode event = json.readTree(data);
			assertThat(event.get("subscriptionId").asString()).isEqualTo(sse);
			assertThat(event.at("/article/id").asString()).isEqualTo(first);
			assertThat(event.at("/article/title").asString()).isEqualTo("Quokkas seen on the mainland " + word);
			assertThat(event.at("/article/source").asString()).isEqualTo(SOURCE);
			assertThat(event.at("/article/clusterId").asString()).isEqualTo("story-a");
			assertThat(event.get("matchedAt").asString()).isNotBlank();
			assertThat(events).contains("event:alert");

			List<JsonNode> sseDeliveries = awaitDeliveries(sse, 2);
			assertThat(sseDeliveries).allSatisfy((delivery) -> {
				assertThat(delivery.get("status").asString()).isEqualTo("delivered");
				assertThat(delivery.get("channel").asString()).isEqualTo("sse");
				assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
				assertThat(delivery.get("finishedAt").asString()).isNotBlank();
			});
			assertThat(sseDeliveries).extracting((delivery) -> delivery.get("articleId").asString())
				.containsExactlyInAnyOrder(first, second);
			List<JsonNode> atomDeliveries = awaitDeliveries(atom, 2);
			assertThat(atomDeliveries).extracting((delivery) -> delivery.get("status").asString())
				.containsOnly("delivered");
			List<JsonNode> storyDeliveries = awaitDeliveries(story, 1);
			assertThat(storyDeliveries.get(0).get("deliveryId").asString()).isEqualTo(story + ":story:story-a");

			HttpResponse<String> feed = get("/api/subscriptions/" + sse + "/feed", null);
			assertThat(feed.statusCode()).isEqualTo(200);
			assertThat(feed.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/atom+xml"));
			assertThat(feed.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"")
				.contains("urn:newsmon:delivery:" + sse + ":" + first)
				.contains("https://example.org/alerts/" + first)
				.contains("Quokkas seen on the mainland")
				.doesNotContain(old);

			// a replay of the same record alerts nobody again
			publish(article(first, "Quokkas seen on the mainland " + word, now, "story-a"));
			awaitConsumed(GROUP);
			Thread.sleep(1500);
			assertThat(deliveries(sse)).hasSize(2);
			assertThat(deliveries(atom)).hasSize(2);
			assertThat(deliveries(story)).hasSize(1);
			assertThat(events.stream().filter(("id:" + sse + ":" + first)::equals)).hasSize(1);
		}
		finally {
			stream.close();
		}
	}

	@Test
	void deliversOnceAcrossARestart() throws Exception {
		String word = "numbat" + RUN;
		String id = create("{\"name\":\"Numbats\",\"query\":\"" + word + "\",\"channel\":{\"type\":\"atom\"}}");
		String article = "restart-" + RUN;
		publish(article(article, "Numbat sighting " + word, Instant.now(), "story-b"));
		assertThat(awaitDeliveries(id, 1).get(0).get("status").asString()).isEqualTo("delivered");
		awaitConsumed(GROUP);

		// a second instance with a new consumer group reads the whole articles topic
		// again
		String group = GROUP + "-restart";
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(SearchApplication.class)
			.run(secondInstance(group))) {
			// the context is up before its reader has caught up with the subscriptions
			// topic
			await().atMost(Duration.ofSeconds(30)).until(() -> second.getBean(Subscriptions.class).isCaughtUp());
			assertThat(second.getBean(Subscriptions.class).find(id)).isPresent();
			awaitConsumed(group);
			publish(article(article, "Numbat sighting " + word, Instant.now(), "story-b"));
			awaitConsumed(group);
			awaitConsumed(GROUP);
			Thread.sleep(1500);
			List<JsonNode> deliveries = deliveries(id);
			assertThat(deliveries).hasSize(1);
			assertThat(deliveries.get(0).get("deliveryId").asString()).isEqualTo(id + ":" + article);
		}
	}

	@Test
	void deliveriesOfAnUnknownSubscriptionAreNotFound() throws Exception {
		assertThat(get("/api/subscriptions/" + "f".repeat(32) + "/deliveries", null).statusCode()).isEqualTo(404);
		assertThat(get("/api/subscriptions/" + "f".repeat(32) + "/feed", null).statusCode()).isEqualTo(404);
		String id = create("{\"name\":\"n\",\"query\":\"q\",\"channel\":{\"type\":\"atom\"}}");
		assertThat(get("/api/subscriptions/" + id + "/deliveries?size=0", null).statusCode()).isEqualTo(400);
		assertThat(get("/api/subscriptions/" + id + "/deliveries?size=5", null).statusCode()).isEqualTo(200);
	}

	private String create(String body) throws Exception {
		HttpResponse<String> response = post("/api/subscriptions", body, KEY);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body()).get("id").asString();
	}

	private InputStream openEvents(String id, List<String> lines) throws Exception {
		HttpResponse<InputStream> response = http
			.send(HttpRequest.newBuilder(uri("/api/subscriptions/" + id + "/events"))
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofInputStream());
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
		int start = copy.indexOf(marker);
		StringBuilder data = new StringBuilder();
		for (int i = start; i < copy.size() && !copy.get(i).isEmpty(); i++) {
			if (copy.get(i).startsWith("data:")) {
				data.append(copy.get(i).substring(5));
			}
		}
		return data.toString();
	}

	private List<JsonNode> awaitDeliveries(String id, int count) {
		List<JsonNode> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
			List<JsonNode> deliveries = deliveries(id);
			found.clear();
			found.addAll(deliveries);
			return deliveries.size() >= count
					&& deliveries.stream().noneMatch((delivery) -> delivery.get("status").asString().equals("pending"));
		});
		return found;
	}

	private List<JsonNode> deliveries(String id) throws Exception {
		HttpResponse<String> response = get("/api/subscriptions/" + id + "/deliveries?size=100", null);
		assertThat(response.statusCode()).isEqualTo(200);
		List<JsonNode> deliveries = new ArrayList<>();
		json.readTree(response.body()).get("deliveries").forEach(deliveries::add);
		return deliveries;
	}

	private static ArticleAnalyzed article(String id, String title, Instant fetchedAt, String cluster) {
		ArticleFetched fetched = new ArticleFetched(1, id, "https://example.org/alerts/" + id, "feed-alerts", SOURCE,
				title, "A short summary of " + id + ".", "The body of the report.", null, List.of(), "en", fetchedAt,
				fetchedAt, "", List.of());
		return new ArticleAnalyzed(1, fetched, "en",
				List.of(new ArticleAnalyzed.TopicTag("north-korea", 0.6, List.of())), List.of(), 3L, cluster,
				Instant.now());
	}

}

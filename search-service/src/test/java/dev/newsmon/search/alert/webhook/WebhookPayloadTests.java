package dev.newsmon.search.alert.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import dev.newsmon.search.alert.Alert;
import dev.newsmon.search.alert.Subscription;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payload is a documented contract (docs/webhooks-and-email.md): its exact JSON is
 * pinned here.
 */
class WebhookPayloadTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Subscription SUBSCRIPTION = new Subscription("3f2a9c", "Missiles over the sea",
			"missile launch", List.of("north-korea"), List.of(), List.of(),
			new Subscription.Channel(Subscription.Channel.Type.WEBHOOK, "https://hooks.example/newsmon", "s3cret",
					null),
			false, null, Instant.parse("2026-11-01T00:00:00Z"));

	private static final Alert.AlertArticle ARTICLE = new Alert.AlertArticle("9b1d0c7e5f3a2b4c6d8e0f1a2b3c4d5e",
			"North Korea fires ballistic missile", "https://news.example/2026/11/27/missile", "Newsmon Wire", "en",
			Instant.parse("2026-11-27T04:00:00Z"), List.of("north-korea", "missiles"),
			"Seoul and Tokyo reported the launch.", "c-41f2");

	@Test
	void articleAlert() {
		Alert alert = new Alert("3f2a9c:9b1d0c7e5f3a2b4c6d8e0f1a2b3c4d5e", SUBSCRIPTION, ARTICLE,
				Instant.parse("2026-11-27T04:00:01.250Z"), null);

		assertThat(new String(json.writeValueAsBytes(WebhookPayload.of(alert)), StandardCharsets.UTF_8))
			.isEqualTo("{\"event\":\"alert.article\",\"deliveryId\":\"3f2a9c:9b1d0c7e5f3a2b4c6d8e0f1a2b3c4d5e\","
					+ "\"subscription\":{\"id\":\"3f2a9c\",\"name\":\"Missiles over the sea\"},"
					+ "\"article\":{\"id\":\"9b1d0c7e5f3a2b4c6d8e0f1a2b3c4d5e\","
					+ "\"title\":\"North Korea fires ballistic missile\","
					+ "\"url\":\"https://news.example/2026/11/27/missile\",\"source\":\"Newsmon Wire\","
					+ "\"language\":\"en\",\"publishedAt\":\"2026-11-27T04:00:00Z\","
					+ "\"topics\":[\"north-korea\",\"missiles\"],"
					+ "\"summary\":\"Seoul and Tokyo reported the launch.\",\"clusterId\":\"c-41f2\"},"
					+ "\"matchedAt\":\"2026-11-27T04:00:01.250Z\"}");
	}

	@Test
	void trendAlert() {
		Alert alert = new Alert("3f2a9c:trend:2026-11-27T04:00:00Z", SUBSCRIPTION, ARTICLE,
				Instant.parse("2026-11-27T04:35:00Z"), new Alert.TrendReport(42, 1.5, 5));

		assertThat(new String(json.writeValueAsBytes(WebhookPayload.of(alert)), StandardCharsets.UTF_8))
			.startsWith("{\"event\":\"alert.trend\",\"deliveryId\":\"3f2a9c:trend:2026-11-27T04:00:00Z\",")
			.endsWith("\"matchedAt\":\"2026-11-27T04:35:00Z\","
					+ "\"trend\":{\"lastHour\":42,\"baselinePerHour\":1.5,\"factor\":5.0}}");
	}

}

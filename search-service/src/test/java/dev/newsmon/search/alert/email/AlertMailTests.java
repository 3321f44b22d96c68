package dev.newsmon.search.alert.email;

import java.time.Instant;
import java.util.List;

import dev.newsmon.search.alert.Alert;
import dev.newsmon.search.alert.Subscription;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertMailTests {

	private static final Subscription MISSILES = subscription("sub-1", "Missiles");

	private static final Subscription STRAITS = subscription("sub-2", "Taiwan Strait");

	@Test
	void singleAlertNamesTheArticleInTheSubject() {
		AlertMail mail = AlertMail.of(List.of(alert(MISSILES, "a1", "Launch over the sea", null)),
				"https://newsmon.example/");

		assertThat(mail.subject()).isEqualTo("[newsmon] Missiles: Launch over the sea");
		assertThat(mail.text()).contains("New for your subscription \"Missiles\"")
			.contains("Launch over the sea")
			.contains("https://news.example/a1")
			.contains("Newsmon Wire · 2026-11-27 04:00 UTC")
			.contains("DELETE https://newsmon.example/api/subscriptions/sub-1");
		assertThat(mail.html()).contains("<a href=\"https://news.example/a1\">Launch over the sea</a>");
	}

	@Test
	void digestGroupsBySubscription() {
		AlertMail mail = AlertMail.of(List.of(alert(MISSILES, "a1", "First", null),
				alert(STRAITS, "a2", "Second", null), alert(MISSILES, "a3", "Third", null)), "http://localhost:8080");

		assertThat(mail.subject()).isEqualTo("[newsmon] 3 new alerts for 2 subscriptions");
		assertThat(mail.text()).containsSubsequence("2 new for your subscription \"Missiles\"", "First", "Third",
				"subscriptions/sub-1", "New for your subscription \"Taiwan Strait\"", "Second", "subscriptions/sub-2");
	}

	@Test
	void trendShowsTheBaseline() {
		AlertMail mail = AlertMail.of(
				List.of(alert(MISSILES, "a1", "Latest launch", new Alert.TrendReport(42, 1.25, 5))),
				"http://localhost:8080");

		assertThat(mail.subject()).isEqualTo("[newsmon] Burst for Missiles: 42 matches in the last hour");
		assertThat(mail.text())
			.contains("Burst: 42 matches in the last hour, against a baseline of 1.3 per hour (factor 5)")
			.contains("Latest: Latest launch");
	}

	@Test
	void escapesHtml() {
		AlertMail mail = AlertMail.of(List.of(alert(MISSILES, "a1", "<script>alert('x')</script> & more", null)),
				"http://localhost:8080");

		assertThat(mail.html()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more")
			.doesNotContain("<script>");
	}

	private static Subscription subscription(String id, String name) {
		return new Subscription(id, name, "missile", List.of(), List.of(), List.of(),
				new Subscription.Channel(Subscription.Channel.Type.EMAIL, null, null, "reader@example.org"), false,
				null, Instant.parse("2026-11-01T00:00:00Z"));
	}

	static Alert alert(Subscription subscription, String articleId, String title, Alert.TrendReport trend) {
		Alert.AlertArticle article = new Alert.AlertArticle(articleId, title, "https://news.example/" + articleId,
				"Newsmon Wire", "en", Instant.parse("2026-11-27T04:00:00Z"), List.of("north-korea"),
				"A summary of " + title + ".", "cluster-" + articleId);
		return new Alert(subscription.id() + ":" + articleId, subscription, article,
				Instant.parse("2026-11-27T04:00:02Z"), trend);
	}

}

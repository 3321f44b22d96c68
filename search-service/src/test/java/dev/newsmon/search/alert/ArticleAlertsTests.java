package dev.newsmon.search.alert;

import java.time.Instant;
import java.util.List;

import dev.newsmon.search.indexing.ArticleDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleAlertsTests {

	private static final Instant CREATED = Instant.parse("2026-11-27T06:00:00Z");

	@Test
	void deliveryIdIsPerArticleOrPerStory() {
		ArticleDocument article = article(CREATED, "story-7");
		assertThat(ArticleAlerts.deliveryId(subscription(false), article)).isEqualTo("sub:art");
		assertThat(ArticleAlerts.deliveryId(subscription(true), article)).isEqualTo("sub:story:story-7");
		assertThat(ArticleAlerts.deliveryId(subscription(true), article(CREATED, null))).isEqualTo("sub:art");
	}

	@Test
	void alertsOnlyOnArticlesThatArrivedSinceTheSubscriptionWasCreated() {
		assertThat(ArticleAlerts.arrivedSince(article(CREATED, "s"), CREATED)).isTrue();
		assertThat(ArticleAlerts.arrivedSince(article(CREATED.plusSeconds(1), "s"), CREATED)).isTrue();
		assertThat(ArticleAlerts.arrivedSince(article(CREATED.minusSeconds(1), "s"), CREATED)).isFalse();
	}

	@Test
	void alertCarriesTheArticle() {
		Alert.AlertArticle alert = ArticleAlerts.alertArticle(article(CREATED, "story-7"));
		assertThat(alert.id()).isEqualTo("art");
		assertThat(alert.topics()).containsExactly("north-korea");
		assertThat(alert.clusterId()).isEqualTo("story-7");
		assertThat(alert.summary()).isEqualTo("Summary.");
	}

	private static Subscription subscription(boolean oncePerStory) {
		return new Subscription("sub", "n", "q", List.of(), List.of(), List.of(),
				new Subscription.Channel(Subscription.Channel.Type.SSE, null, null, null), oncePerStory, null, CREATED);
	}

	private static ArticleDocument article(Instant fetchedAt, String clusterId) {
		return new ArticleDocument("art", "https://example.org/art", "feed", "Wire", "Title", "Summary.", "Body.", "",
				null, List.of(), "en", List.of(new ArticleDocument.Topic("north-korea", 0.5)), List.of(), clusterId, 0L,
				fetchedAt.minusSeconds(3600), fetchedAt, fetchedAt, fetchedAt);
	}

}

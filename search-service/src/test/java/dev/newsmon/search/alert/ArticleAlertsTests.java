package dev.newsmon.search.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.newsmon.search.cjk.CjkTokenizer;
import dev.newsmon.search.indexing.ArticleDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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

	@Test
	void articlesAreNotMatchedBeforeTheSubscriptionsAreRead() {
		Subscriptions subscriptions = new Subscriptions();
		ArticleAlerts alerts = alerts(subscriptions, Duration.ofMillis(50));
		assertThatExceptionOfType(SubscriptionsNotReadException.class)
			.isThrownBy(() -> alerts.indexed(List.of(article(CREATED, "s"))));
		// nothing to match: nothing to wait for
		alerts.indexed(List.of());
	}

	@Test
	void matchingWaitsForTheSubscriptionsToBeRead() throws Exception {
		Subscriptions subscriptions = new Subscriptions();
		ArticleAlerts alerts = alerts(subscriptions, Duration.ofSeconds(30));
		Thread reader = Thread.ofPlatform().start(() -> {
			sleep(Duration.ofMillis(100));
			subscriptions.caughtUp();
		});
		// no subscription matches, so nothing reaches the (absent) dispatcher
		alerts.indexed(List.of(article(CREATED, "s")));
		assertThat(subscriptions.isCaughtUp()).isTrue();
		reader.join();
	}

	private static ArticleAlerts alerts(Subscriptions subscriptions, Duration catchUpWait) {
		return new ArticleAlerts(subscriptions, new CjkTokenizer(), null,
				new StaticListableBeanFactory().getBeanProvider(MatchObserver.class), Clock.systemUTC(), catchUpWait);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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

package dev.newsmon.search.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.newsmon.search.alert.matching.SubscriptionMatcher;
import dev.newsmon.search.cjk.CjkTokenizer;
import dev.newsmon.search.indexing.ArticleDocument;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns newly indexed articles into alerts: matches them against every subscription and
 * submits an {@link Alert} for each match. A subscription alerts only on articles that
 * reached newsmon (were fetched) at or after its creation, so a new subscription is not
 * flooded with old articles when the articles topic is replayed.
 */
@Component
public class ArticleAlerts implements DisposableBean {

	private static final Log logger = LogFactory.getLog(ArticleAlerts.class);

	private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(10);

	private final SubscriptionMatcher matcher;

	private final AlertDispatcher dispatcher;

	private final ObjectProvider<MatchObserver> observers;

	private final Clock clock;

	private final Subscriptions subscriptions;

	private final Duration catchUpWait;

	@Autowired
	ArticleAlerts(Subscriptions subscriptions, CjkTokenizer tokenizer, AlertDispatcher dispatcher,
			ObjectProvider<MatchObserver> observers, Clock clock) {
		this(subscriptions, tokenizer, dispatcher, observers, clock, CATCH_UP_WAIT);
	}

	ArticleAlerts(Subscriptions subscriptions, CjkTokenizer tokenizer, AlertDispatcher dispatcher,
			ObjectProvider<MatchObserver> observers, Clock clock, Duration catchUpWait) {
		this.subscriptions = subscriptions;
		this.catchUpWait = catchUpWait;
		this.matcher = new SubscriptionMatcher(tokenizer);
		this.dispatcher = dispatcher;
		this.observers = observers;
		this.clock = clock;
		subscriptions.listen((put, removed) -> {
			this.matcher.putAll(put);
			this.matcher.removeAll(removed);
		});
	}

	/**
	 * Matches articles that were just indexed and submits their alerts. Returns once the
	 * alerts are logged; their delivery goes on in the background.
	 * @param articles the articles as indexed
	 * @throws DeliveryLogException when the delivery log could not be written: the batch
	 * should be retried, and nothing of it was sent
	 */
	public void indexed(List<ArticleDocument> articles) {
		indexed(articles, (articleId) -> null);
	}

	/**
	 * Matches articles that were just indexed and submits their alerts, each carrying the
	 * trace context of its article. Returns once the alerts are logged.
	 * @param articles the articles as indexed
	 * @param traceparents the W3C {@code traceparent} of an article id, or {@code null}
	 * @throws DeliveryLog.DeliveryLogException when the delivery log could not be
	 * written: the batch should be retried, and nothing of it was sent
	 * @throws SubscriptionsNotReadException when the subscriptions are not read yet: the
	 * batch should be retried, and nothing of it was matched
	 */
	public void indexed(List<ArticleDocument> articles, Function<String, String> traceparents) {
		// right after a start the article listener may run before the subscriptions topic
		// is read: matching then would miss subscriptions that exist, and their alerts
		// would be lost with the committed batch
		if (!articles.isEmpty() && !this.subscriptions.awaitCaughtUp(this.catchUpWait)) {
			throw new SubscriptionsNotReadException("The subscriptions topic has not been read to its end within "
					+ this.catchUpWait + "; the batch is matched once it has been");
		}
		List<SubscriptionMatcher.Match> matches = this.matcher.match(articles);
		if (matches.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		List<Alert> alerts = new ArrayList<>();
		for (SubscriptionMatcher.Match match : matches) {
			Subscription subscription = match.subscription();
			ArticleDocument article = match.article();
			if (!arrivedSince(article, subscription.createdAt())) {
				continue;
			}
			Alert.AlertArticle alertArticle = alertArticle(article);
			if (subscription.trend() != null) {
				observe(subscription, alertArticle, now);
				continue;
			}
			alerts.add(new Alert(deliveryId(subscription, article), subscription, alertArticle, now, null,
					article.fetchedAt(), traceparents.apply(article.articleId())));
		}
		this.dispatcher.submitAll(alerts);
	}

	private void observe(Subscription subscription, Alert.AlertArticle article, Instant now) {
		this.observers.orderedStream().forEach((observer) -> {
			try {
				observer.matched(subscription, article, now);
			}
			catch (RuntimeException ex) {
				logger.warn("A match observer failed for subscription " + subscription.id(), ex);
			}
		});
	}

	/**
	 * The idempotency key of an article alert: {@code subscriptionId:articleId}, or
	 * {@code subscriptionId:story:clusterId} when the subscription asks for one alert per
	 * story.
	 * @param subscription the subscription
	 * @param article the article
	 * @return the delivery id
	 */
	static String deliveryId(Subscription subscription, ArticleDocument article) {
		if (subscription.oncePerStory() && article.clusterId() != null && !article.clusterId().isBlank()) {
			return subscription.id() + ":story:" + article.clusterId();
		}
		return subscription.id() + ":" + article.articleId();
	}

	static boolean arrivedSince(ArticleDocument article, Instant createdAt) {
		Instant arrived = (article.fetchedAt() != null) ? article.fetchedAt() : article.publishedAt();
		return createdAt == null || (arrived != null && !arrived.isBefore(createdAt));
	}

	static Alert.AlertArticle alertArticle(ArticleDocument article) {
		List<String> topics = (article.topics() != null)
				? article.topics().stream().map(ArticleDocument.Topic::id).toList() : List.of();
		return new Alert.AlertArticle(article.articleId(), article.title(), article.url(), article.source(),
				article.language(), article.publishedAt(), topics, article.summary(), article.clusterId());
	}

	/**
	 * How many subscriptions are being matched.
	 * @return the count
	 */
	public int subscriptionCount() {
		return this.matcher.size();
	}

	@Override
	public void destroy() throws Exception {
		this.matcher.close();
	}

}

package dev.newsmon.search.alert;

import java.time.Instant;
import java.util.List;

/**
 * One alert for one subscription: an article that matched it, or a burst of matches.
 *
 * @param deliveryId the idempotency key: {@code subscriptionId:articleId} for an article,
 * {@code subscriptionId:trend:<hour>} for a burst
 * @param subscription the subscription
 * @param article the matching article, or the latest one of a burst
 * @param matchedAt when it matched
 * @param trend the burst figures, or {@code null} for an article alert
 * @param fetchedAt when the article was fetched, the start of the alert latency;
 * {@code null} when not known (bursts, deliveries resumed from the log)
 * @param traceparent the W3C trace context of the article's trace, passed on to receivers
 * that take it (webhooks), or {@code null}
 */
public record Alert(String deliveryId, Subscription subscription, AlertArticle article, Instant matchedAt,
		TrendReport trend, Instant fetchedAt, String traceparent) {

	/**
	 * An alert whose fetch time and trace are not known.
	 * @param deliveryId the idempotency key
	 * @param subscription the subscription
	 * @param article the article
	 * @param matchedAt when it matched
	 * @param trend the burst figures, or {@code null}
	 */
	public Alert(String deliveryId, Subscription subscription, AlertArticle article, Instant matchedAt,
			TrendReport trend) {
		this(deliveryId, subscription, article, matchedAt, trend, null, null);
	}

	/**
	 * The part of an article an alert carries.
	 *
	 * @param id the article id
	 * @param title the title
	 * @param url the canonical URL
	 * @param source the outlet
	 * @param language its language
	 * @param publishedAt when it was published
	 * @param topics its topic ids
	 * @param summary a plain-text summary, possibly empty
	 * @param clusterId its story cluster
	 */
	public record AlertArticle(String id, String title, String url, String source, String language, Instant publishedAt,
			List<String> topics, String summary, String clusterId) {

	}

	/**
	 * The figures behind a burst alert.
	 *
	 * @param lastHour matches in the last hour
	 * @param baselinePerHour mean matches per hour over the previous 14 days
	 * @param factor the subscription's factor
	 */
	public record TrendReport(long lastHour, double baselinePerHour, double factor) {

	}

}

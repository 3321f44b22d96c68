package dev.newsmon.search.alert;

import java.time.Instant;

/**
 * One entry of the delivery log, as stored in Elasticsearch under its delivery id.
 *
 * @param deliveryId the idempotency key, also the document id
 * @param subscriptionId the subscription
 * @param articleId the article
 * @param channel the channel type, lowercase
 * @param status {@code pending}, {@code delivered} or {@code failed}
 * @param attempts how many attempts were made
 * @param detail what happened last
 * @param matchedAt when the article matched
 * @param finishedAt when the delivery ended, or {@code null} while pending
 * @param claimedAt when a replica last took the delivery on
 * @param article the article, as the alert carries it
 * @param trend the burst figures, or {@code null}
 */
record Delivery(String deliveryId, String subscriptionId, String articleId, String channel, String status, int attempts,
		String detail, Instant matchedAt, Instant finishedAt, Instant claimedAt, Alert.AlertArticle article,
		Alert.TrendReport trend) {

	static final String PENDING = "pending";

	static final String DELIVERED = "delivered";

	static final String FAILED = "failed";

}

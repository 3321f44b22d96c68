package dev.newsmon.search.alert;

import java.time.Instant;

/**
 * The data of an {@code alert} server-sent event.
 *
 * @param deliveryId the delivery id, also the event id
 * @param subscriptionId the subscription
 * @param article the article
 * @param matchedAt when it matched
 * @param trend the burst figures, or {@code null}
 */
record AlertEvent(String deliveryId, String subscriptionId, Alert.AlertArticle article, Instant matchedAt,
		Alert.TrendReport trend) {

	static AlertEvent of(Alert alert) {
		return new AlertEvent(alert.deliveryId(), alert.subscription().id(), alert.article(), alert.matchedAt(),
				alert.trend());
	}

}

package dev.newsmon.search.alert;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A delivery as {@code GET /api/subscriptions/{id}/deliveries} shows it.
 *
 * @param deliveryId the delivery id
 * @param articleId the article
 * @param title its title
 * @param url its URL
 * @param channel the channel type
 * @param status {@code pending}, {@code delivered} or {@code failed}
 * @param attempts how many attempts were made
 * @param detail what happened last
 * @param matchedAt when the article matched
 * @param finishedAt when the delivery ended, or {@code null} while pending
 * @param trend the burst figures, only for a trend alert
 */
record DeliveryView(String deliveryId, String articleId, String title, String url, String channel, String status,
		int attempts, String detail, Instant matchedAt, Instant finishedAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) Alert.TrendReport trend) {

	static DeliveryView of(Delivery delivery) {
		Alert.AlertArticle article = delivery.article();
		return new DeliveryView(delivery.deliveryId(), delivery.articleId(), (article != null) ? article.title() : null,
				(article != null) ? article.url() : null, delivery.channel(), delivery.status(), delivery.attempts(),
				delivery.detail(), delivery.matchedAt(), delivery.finishedAt(), delivery.trend());
	}

	/**
	 * The answer.
	 *
	 * @param deliveries the deliveries, newest first
	 */
	record Page(List<DeliveryView> deliveries) {

	}

}

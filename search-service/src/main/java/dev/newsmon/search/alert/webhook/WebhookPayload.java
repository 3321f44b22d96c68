package dev.newsmon.search.alert.webhook;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.newsmon.search.alert.Alert;

/**
 * The JSON body of a webhook POST (docs/webhooks-and-email.md). Fields are only ever
 * added, never renamed or removed, so receivers can rely on them.
 *
 * @param event {@code alert.article} or {@code alert.trend}
 * @param deliveryId the idempotency key, also in the {@code Newsmon-Delivery} header
 * @param subscription which subscription matched
 * @param article the matching article (for a trend: the latest of the burst)
 * @param matchedAt when it matched
 * @param trend the burst figures, only on {@code alert.trend}
 */
@JsonPropertyOrder({ "event", "deliveryId", "subscription", "article", "matchedAt", "trend" })
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookPayload(String event, String deliveryId, SubscriptionPart subscription, ArticlePart article,
		Instant matchedAt, TrendPart trend) {

	static final String ARTICLE_EVENT = "alert.article";

	static final String TREND_EVENT = "alert.trend";

	static WebhookPayload of(Alert alert) {
		Alert.AlertArticle article = alert.article();
		ArticlePart articlePart = (article != null)
				? new ArticlePart(article.id(), article.title(), article.url(), article.source(), article.language(),
						article.publishedAt(), article.topics(), article.summary(), article.clusterId())
				: null;
		Alert.TrendReport trend = alert.trend();
		TrendPart trendPart = (trend != null) ? new TrendPart(trend.lastHour(), trend.baselinePerHour(), trend.factor())
				: null;
		return new WebhookPayload(event(alert), alert.deliveryId(),
				new SubscriptionPart(alert.subscription().id(), alert.subscription().name()), articlePart,
				alert.matchedAt(), trendPart);
	}

	static String event(Alert alert) {
		return (alert.trend() != null) ? TREND_EVENT : ARTICLE_EVENT;
	}

	@JsonPropertyOrder({ "id", "name" })
	record SubscriptionPart(String id, String name) {

	}

	@JsonPropertyOrder({ "id", "title", "url", "source", "language", "publishedAt", "topics", "summary", "clusterId" })
	record ArticlePart(String id, String title, String url, String source, String language, Instant publishedAt,
			List<String> topics, String summary, String clusterId) {

	}

	@JsonPropertyOrder({ "lastHour", "baselinePerHour", "factor" })
	record TrendPart(long lastHour, double baselinePerHour, double factor) {

	}

}

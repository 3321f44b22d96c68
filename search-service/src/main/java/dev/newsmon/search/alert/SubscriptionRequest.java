package dev.newsmon.search.alert;

import java.util.List;

/**
 * The body of {@code POST /api/subscriptions}, as sent; {@link SubscriptionRequests}
 * checks it.
 *
 * @param name what its owner calls it
 * @param query the query in the simple syntax of {@code /api/search}
 * @param topics topic ids
 * @param languages language codes
 * @param sources source names
 * @param channel where alerts go
 * @param oncePerStory alert once per story instead of once per article
 * @param trend alert on bursts instead of on each match
 */
record SubscriptionRequest(String name, String query, List<String> topics, List<String> languages, List<String> sources,
		Channel channel, Boolean oncePerStory, Trend trend) {

	/**
	 * The channel part.
	 *
	 * @param type {@code webhook}, {@code email}, {@code sse} or {@code atom}
	 * @param url the webhook URL
	 * @param secret the webhook's signing key; generated when absent
	 * @param email the email address
	 */
	record Channel(String type, String url, String secret, String email) {

	}

	/**
	 * The burst rule.
	 *
	 * @param factor how many times the baseline is a burst
	 * @param minimumMatches the fewest matches in an hour that can be a burst
	 */
	record Trend(Double factor, Integer minimumMatches) {

	}

}

package dev.newsmon.search.alert;

import java.time.Instant;
import java.util.List;

/**
 * A saved search and where its matches go. {@code query} uses the simple syntax of
 * {@code /api/search}; the lists narrow it like the search filters do (empty means any).
 *
 * @param id the subscription id
 * @param name what its owner calls it
 * @param query the query in the simple syntax, or {@code null} for filters only
 * @param topics topic ids, any of which must be on the article (empty: any)
 * @param languages languages, one of which must be the article's (empty: any)
 * @param sources sources, one of which must be the article's (empty: any)
 * @param channel where the alerts go
 * @param oncePerStory alert once per story cluster instead of once per article
 * @param trend when set, alert on bursts of matches instead of on each match
 * @param createdAt when it was created
 */
public record Subscription(String id, String name, String query, List<String> topics, List<String> languages,
		List<String> sources, Channel channel, boolean oncePerStory, Trend trend, Instant createdAt) {

	public Subscription {
		topics = (topics != null) ? List.copyOf(topics) : List.of();
		languages = (languages != null) ? List.copyOf(languages) : List.of();
		sources = (sources != null) ? List.copyOf(sources) : List.of();
	}

	/**
	 * Where the alerts of a subscription go. Every subscription also has its Atom feed
	 * and its event stream; the type says where alerts are pushed.
	 *
	 * @param type the channel type
	 * @param url the webhook URL ({@link Type#WEBHOOK} only)
	 * @param secret the key the webhook's HMAC signature is made with
	 * ({@link Type#WEBHOOK} only; never shown after creation)
	 * @param email the address ({@link Type#EMAIL} only)
	 */
	public record Channel(Type type, String url, String secret, String email) {

		/** The kinds of channel. */
		public enum Type {

			WEBHOOK, EMAIL, SSE, ATOM

		}

	}

	/**
	 * A burst rule: alert when the matches of the last hour exceed {@code factor} times
	 * the hourly baseline of the previous 14 days, and there are at least
	 * {@code minimumMatches} of them.
	 *
	 * @param factor how many times the baseline counts as a burst
	 * @param minimumMatches the fewest matches in the hour that can be a burst
	 */
	public record Trend(double factor, int minimumMatches) {

	}

}

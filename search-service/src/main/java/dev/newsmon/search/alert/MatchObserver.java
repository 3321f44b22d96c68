package dev.newsmon.search.alert;

import java.time.Instant;

/**
 * Told of every match of a subscription that asks for bursts
 * ({@link Subscription#trend()} set) instead of an alert per article. Called on the
 * indexing thread, after the batch was indexed and before its offsets are committed:
 * implementations must be quick and must not throw.
 */
public interface MatchObserver {

	/**
	 * An article matched a trend subscription.
	 * @param subscription the subscription
	 * @param article the article
	 * @param matchedAt when it matched
	 */
	void matched(Subscription subscription, Alert.AlertArticle article, Instant matchedAt);

}

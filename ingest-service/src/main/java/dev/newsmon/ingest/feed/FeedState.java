package dev.newsmon.ingest.feed;

import java.time.Instant;

/**
 * Everything kept about a feed: what it is, how polling it goes and the cache validators
 * of its last response.
 *
 * @param feed the feed
 * @param health how polling it goes
 * @param etag the {@code ETag} of its last response, or {@code null}
 * @param lastModified the {@code Last-Modified} of its last response, or {@code null}
 */
public record FeedState(Feed feed, FeedHealth health, String etag, String lastModified) {

	/**
	 * The state of a feed just registered.
	 * @param feed the feed
	 * @param firstPoll when to poll it first
	 * @return the state
	 */
	public static FeedState registered(Feed feed, Instant firstPoll) {
		return new FeedState(feed, FeedHealth.unpolled(firstPoll), null, null);
	}

	/**
	 * Returns this state with new health and validators.
	 * @param health the new health
	 * @param etag the new {@code ETag}
	 * @param lastModified the new {@code Last-Modified}
	 * @return the new state
	 */
	public FeedState with(FeedHealth health, String etag, String lastModified) {
		return new FeedState(this.feed, health, etag, lastModified);
	}

	/**
	 * Returns this state with another feed definition, for a feed that moved.
	 * @param feed the new definition
	 * @return the new state
	 */
	public FeedState with(Feed feed) {
		return new FeedState(feed, this.health, this.etag, this.lastModified);
	}

}

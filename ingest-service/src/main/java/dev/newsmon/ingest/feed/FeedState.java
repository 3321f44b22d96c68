package dev.newsmon.ingest.feed;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything kept about a feed: what it is, how polling it goes, the cache validators of
 * its last response and the articles it brought recently.
 *
 * @param feed the feed
 * @param health how polling it goes
 * @param etag the {@code ETag} of its last response, or {@code null}
 * @param lastModified the {@code Last-Modified} of its last response, or {@code null}
 * @param seen the article ids it brought recently, oldest first, each with the hash of
 * the content last published, so that unchanged items are not published again, also after
 * a restart; bounded
 * @param webSub its WebSub subscription, or {@code null}
 */
public record FeedState(Feed feed, FeedHealth health, String etag, String lastModified, Map<String, String> seen,
		WebSubState webSub) {

	public FeedState {
		seen = (seen != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(seen)) : Map.of();
	}

	/**
	 * The state of a feed just registered.
	 * @param feed the feed
	 * @param firstPoll when to poll it first
	 * @return the state
	 */
	public static FeedState registered(Feed feed, Instant firstPoll) {
		return new FeedState(feed, FeedHealth.unpolled(firstPoll), null, null, Map.of(), null);
	}

	/**
	 * Returns this state with new health and validators.
	 * @param health the new health
	 * @param etag the new {@code ETag}
	 * @param lastModified the new {@code Last-Modified}
	 * @return the new state
	 */
	public FeedState with(FeedHealth health, String etag, String lastModified) {
		return new FeedState(this.feed, health, etag, lastModified, this.seen, this.webSub);
	}

	/**
	 * Returns this state with another set of recently seen articles.
	 * @param seen article ids and content hashes, oldest first
	 * @return the new state
	 */
	public FeedState withSeen(Map<String, String> seen) {
		return new FeedState(this.feed, this.health, this.etag, this.lastModified, seen, this.webSub);
	}

	/**
	 * Returns this state with another feed definition, for a feed that moved.
	 * @param feed the new definition
	 * @return the new state
	 */
	public FeedState with(Feed feed) {
		return new FeedState(feed, this.health, this.etag, this.lastModified, this.seen, this.webSub);
	}

	/**
	 * Returns this state with another WebSub subscription.
	 * @param webSub the subscription, or {@code null}
	 * @return the new state
	 */
	public FeedState with(WebSubState webSub) {
		return new FeedState(this.feed, this.health, this.etag, this.lastModified, this.seen, webSub);
	}

}

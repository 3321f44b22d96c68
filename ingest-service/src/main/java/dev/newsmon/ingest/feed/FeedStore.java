package dev.newsmon.ingest.feed;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the feeds and their state are kept: the log-compacted topic
 * {@code news.feeds.v1}, read whole by every replica. The replicas split the polling:
 * each polls only the feeds it {@linkplain #owns owns}.
 */
public interface FeedStore {

	/**
	 * Returns every feed.
	 * @return the feeds, ordered by name
	 */
	List<FeedState> findAll();

	/**
	 * Returns a feed.
	 * @param id the feed's id
	 * @return the feed, if known
	 */
	Optional<FeedState> findById(String id);

	/**
	 * Adds a feed unless one with its id exists.
	 * @param state the new feed
	 * @return the feed now stored under its id: {@code state} itself when it was added,
	 * else the one already there
	 */
	FeedState addIfAbsent(FeedState state);

	/**
	 * Changes a feed atomically.
	 * @param id the feed's id
	 * @param change what to change
	 * @return the changed feed, or empty if the feed is not known (any more)
	 */
	Optional<FeedState> update(String id, UnaryOperator<FeedState> change);

	/**
	 * Removes a feed.
	 * @param id the feed's id
	 * @return whether it was known
	 */
	boolean delete(String id);

	/**
	 * Returns whether this replica is the one that polls a feed.
	 * @param id the feed's id
	 * @return whether it polls it
	 */
	boolean owns(String id);

	/**
	 * Marks a poll of a feed as running, if this replica owns the feed. A replica that
	 * loses the feed waits for the poll to {@linkplain #release end} before another
	 * replica may take it, so that two replicas never poll one feed at once.
	 * @param id the feed's id
	 * @return whether this replica owns the feed and may poll it
	 */
	boolean claim(String id);

	/**
	 * Marks the poll of a feed as ended.
	 * @param id the feed's id
	 */
	void release(String id);

	/**
	 * Returns the content hash with which any feed last brought an article.
	 * @param articleId the article's id
	 * @return the hash, if a feed brought the article recently
	 */
	Optional<String> contentHash(String articleId);

	/**
	 * Returns whether the store held no feed when this replica started, so that the
	 * default feeds are registered once, not again after a user removed them.
	 * @return whether the store started empty
	 */
	boolean startedEmpty();

}

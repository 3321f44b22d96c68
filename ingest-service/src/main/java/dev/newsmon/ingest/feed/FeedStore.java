package dev.newsmon.ingest.feed;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the feeds and their state are kept. Kept small so that the log-compacted topic
 * {@code news.feeds.v1} can take the place of the in-memory store.
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

}

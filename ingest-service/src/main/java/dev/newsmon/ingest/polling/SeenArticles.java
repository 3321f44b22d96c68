package dev.newsmon.ingest.polling;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The article ids each feed has brought recently, so that a poll publishes only new
 * items. Bounded per feed: a feed lists its latest items, so the oldest ids can go.
 */
final class SeenArticles {

	private final int perFeed;

	private final ConcurrentMap<String, Ids> feeds = new ConcurrentHashMap<>();

	SeenArticles(int perFeed) {
		this.perFeed = perFeed;
	}

	boolean contains(String feedId, String articleId) {
		Ids ids = this.feeds.get(feedId);
		if (ids == null) {
			return false;
		}
		synchronized (ids) {
			return ids.containsKey(articleId);
		}
	}

	void addAll(String feedId, Collection<String> articleIds) {
		Ids ids = this.feeds.computeIfAbsent(feedId, (key) -> new Ids(this.perFeed));
		synchronized (ids) {
			for (String articleId : articleIds) {
				ids.put(articleId, Boolean.TRUE);
			}
		}
	}

	void forget(String feedId) {
		this.feeds.remove(feedId);
	}

	/** Ids in insertion order, dropping the oldest beyond the bound. */
	private static final class Ids extends LinkedHashMap<String, Boolean> {

		private final int bound;

		Ids(int bound) {
			this.bound = bound;
		}

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > this.bound;
		}

	}

}

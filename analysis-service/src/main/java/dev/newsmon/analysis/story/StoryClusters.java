package dev.newsmon.analysis.story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Assigns articles to stories: an article joins the story of the first article seen
 * within {@code window} whose SimHash is at most {@code maxDistance} bits away, else it
 * starts its own story, named by its id. Seeing an article again gives the same story.
 * <p>
 * The window lives in this replica's memory: replicas do not share it and a restart
 * empties it, so two copies of a story that reach different replicas (or arrive across a
 * restart) start two stories. Bounded by age and by count. Thread-safe.
 */
public final class StoryClusters {

	private final Clock clock;

	private final Duration window;

	private final int capacity;

	private final int maxDistance;

	private final LinkedHashMap<String, Seen> seen = new LinkedHashMap<>();

	/**
	 * Creates an empty window.
	 * @param clock the clock that dates articles
	 * @param window how long an article stays in the window
	 * @param capacity the most articles the window holds; the oldest leave first
	 * @param maxDistance the largest Hamming distance between two copies of a story
	 */
	public StoryClusters(Clock clock, Duration window, int capacity, int maxDistance) {
		this.clock = clock;
		this.window = window;
		this.capacity = capacity;
		this.maxDistance = maxDistance;
	}

	/**
	 * Returns the story of an article, and remembers the article.
	 * @param articleId the article's id
	 * @param simhash the article's SimHash
	 * @return the id of the story: the id of its first article
	 */
	public synchronized String clusterOf(String articleId, long simhash) {
		Instant now = this.clock.instant();
		evict(now);
		Seen known = this.seen.get(articleId);
		if (known != null) {
			return known.clusterId();
		}
		String clusterId = articleId;
		for (Map.Entry<String, Seen> entry : this.seen.entrySet()) {
			if (SimHash.distance(entry.getValue().simhash(), simhash) <= this.maxDistance) {
				clusterId = entry.getValue().clusterId();
				break;
			}
		}
		this.seen.put(articleId, new Seen(simhash, clusterId, now));
		if (this.seen.size() > this.capacity) {
			Iterator<String> oldest = this.seen.keySet().iterator();
			oldest.next();
			oldest.remove();
		}
		return clusterId;
	}

	private void evict(Instant now) {
		Instant limit = now.minus(this.window);
		Iterator<Seen> entries = this.seen.values().iterator();
		while (entries.hasNext()) {
			if (!entries.next().seenAt().isBefore(limit)) {
				break;
			}
			entries.remove();
		}
	}

	private record Seen(long simhash, String clusterId, Instant seenAt) {

	}

}

package dev.newsmon.analysis.story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assigns articles to stories. An article joins a story when, among the articles seen
 * within {@code window}:
 * <ol>
 * <li>one is a near-duplicate: its SimHash is at most {@code maxDistance} bits away (wire
 * copy, lightly edited versions; any language); the first such article's story wins;</li>
 * <li>else one in the same language reports the same event: the words of the two titles
 * and leads, weighted by how rare they are in the window (inverse document frequency),
 * have a cosine similarity of at least {@code minSimilarity}, plus {@code risePerDay} for
 * each day between the two (reports of one event come in bursts; a report a day later on
 * the same subject is more often the next event); the article that passes by the widest
 * margin gives its story.</li>
 * </ol>
 * Else the article starts its own story, named by its id. Seeing an article again gives
 * the same story.
 * <p>
 * Rare words are what tell two events on one subject apart (the place, the figures, the
 * names: two missile launches share "North Korea" and "missile", not "Wonsan" and "350
 * km"), so the weights come from the window itself: a word that most articles of the
 * window have weighs nearly nothing. A window that holds few articles cannot tell rare
 * from common yet; {@code priorArticles} pretends it holds that many more articles
 * without the word, so that early weights are not all alike.
 * <p>
 * Candidates are found through the new article's rarest words (those the fewest articles
 * of the window share, at most {@value #PROBE_WORDS}), each read from its most recent
 * {@value #PROBE_DEPTH} articles, so the work per article stays bounded however busy the
 * window or the story.
 * <p>
 * The window lives in this replica's memory: replicas do not share it and a restart
 * empties it, so two versions of a story that reach different replicas (or arrive across
 * a restart) start two stories. Bounded by age and by count. Thread-safe.
 */
public final class StoryClusters {

	static final int PROBE_WORDS = 12;

	static final int PROBE_DEPTH = 256;

	private static final int MAX_CANDIDATES = 20;

	private final Clock clock;

	private final Duration window;

	private final int capacity;

	private final int maxDistance;

	private final double minSimilarity;

	private final double risePerDay;

	private final int priorArticles;

	// the window: a ring of slots, the oldest article at slot nextSlot - size
	private final long[] simhashes;

	private final String[] clusterIds;

	private final String[] articleIds;

	private final String[] languages;

	private final long[] seenAt;

	private final long[] publishedAt;

	private final Postings[][] terms;

	private final Map<String, Long> slotOf = new HashMap<>();

	// the articles of the window that have each word, oldest first
	private final Map<String, Postings> postings = new HashMap<>();

	// per-slot scratch of the candidate search
	private final double[] shared;

	private long nextSlot;

	private int size;

	private final long[] links = new long[Link.values().length];

	/**
	 * Creates an empty window that links near-duplicates only.
	 * @param clock the clock that dates articles
	 * @param window how long an article stays in the window
	 * @param capacity the most articles the window holds; the oldest leave first
	 * @param maxDistance the largest Hamming distance between two copies of a story
	 */
	public StoryClusters(Clock clock, Duration window, int capacity, int maxDistance) {
		this(clock, window, capacity, maxDistance, 2.0, 0, 0);
	}

	/**
	 * Creates an empty window.
	 * @param clock the clock that dates articles
	 * @param window how long an article stays in the window
	 * @param capacity the most articles the window holds; the oldest leave first
	 * @param maxDistance the largest Hamming distance between two copies of a story
	 * @param minSimilarity the least weighted cosine similarity of two reports of one
	 * story published at the same time, in (0, 1]; above 1 links near-duplicates only
	 * @param risePerDay how much the least similarity rises per day between the two
	 * reports
	 * @param priorArticles how many articles without any given word the weights assume
	 * besides those of the window
	 */
	public StoryClusters(Clock clock, Duration window, int capacity, int maxDistance, double minSimilarity,
			double risePerDay, int priorArticles) {
		if (capacity < 1 || minSimilarity <= 0 || risePerDay < 0 || priorArticles < 0) {
			throw new IllegalArgumentException(
					"capacity must be at least 1, minSimilarity above 0, " + "risePerDay and priorArticles at least 0");
		}
		this.clock = clock;
		this.window = window;
		this.capacity = capacity;
		this.maxDistance = maxDistance;
		this.minSimilarity = minSimilarity;
		this.risePerDay = risePerDay;
		this.priorArticles = priorArticles;
		this.simhashes = new long[capacity];
		this.clusterIds = new String[capacity];
		this.articleIds = new String[capacity];
		this.languages = new String[capacity];
		this.seenAt = new long[capacity];
		this.publishedAt = new long[capacity];
		this.terms = new Postings[capacity][];
		this.shared = new double[capacity];
	}

	/**
	 * Returns the story of an article by its SimHash alone, and remembers the article.
	 * @param articleId the article's id
	 * @param simhash the article's SimHash
	 * @return the id of the story: the id of its first article
	 */
	public String clusterOf(String articleId, long simhash) {
		return clusterOf(articleId, simhash, "und", List.of(), null);
	}

	/**
	 * Returns the story of an article, and remembers the article.
	 * @param articleId the article's id
	 * @param simhash the article's SimHash
	 * @param language the article's language
	 * @param words the words of its title and lead (and anything else that names the
	 * event, such as entity ids)
	 * @param publishedAt when the article was published, which dates it against the
	 * others (a backlog or a replay analyses reports of different days within minutes);
	 * {@code null} or a time in the future means now
	 * @return the id of the story: the id of its first article
	 */
	public synchronized String clusterOf(String articleId, long simhash, String language, Collection<String> words,
			Instant publishedAt) {
		long now = this.clock.millis();
		evict(now - this.window.toMillis());
		long published = (publishedAt != null) ? Math.min(publishedAt.toEpochMilli(), now) : now;
		Long known = this.slotOf.get(articleId);
		if (known != null) {
			return this.clusterIds[index(known)];
		}
		String[] distinct = new LinkedHashSet<>(words).toArray(String[]::new);
		String clusterId = nearDuplicate(simhash);
		Link link = Link.NEAR_DUPLICATE;
		if (clusterId == null) {
			clusterId = sameEvent(language, distinct, published);
			link = Link.SAME_EVENT;
		}
		if (clusterId == null) {
			clusterId = articleId;
			link = Link.NEW_STORY;
		}
		this.links[link.ordinal()]++;
		remember(articleId, simhash, clusterId, now, published, language, distinct);
		return clusterId;
	}

	/**
	 * How many articles were placed in a story by the given link, since the start.
	 * @param link how the article found its story
	 * @return the count
	 */
	public synchronized long count(Link link) {
		return this.links[link.ordinal()];
	}

	/**
	 * How many articles the window holds.
	 * @return the count
	 */
	public synchronized int size() {
		return this.size;
	}

	private int index(long slot) {
		return (int) (slot % this.capacity);
	}

	// the first article seen (oldest first) that is a near-duplicate gives its story
	private String nearDuplicate(long simhash) {
		for (long slot = this.nextSlot - this.size; slot < this.nextSlot; slot++) {
			int i = index(slot);
			if (Long.bitCount(this.simhashes[i] ^ simhash) <= this.maxDistance) {
				return this.clusterIds[i];
			}
		}
		return null;
	}

	private String sameEvent(String language, String[] words, long published) {
		if (this.minSimilarity > 1.0 || words.length == 0 || this.size == 0) {
			return null;
		}
		Set<Postings> own = Collections.newSetFromMap(new IdentityHashMap<>());
		double norm = 0;
		for (String word : words) {
			Postings having = this.postings.get(word);
			double weight = weight((having != null) ? having.size() : 0);
			norm += weight * weight;
			if (having != null) {
				own.add(having);
			}
		}
		// the rarest shared words find the candidates of the same language, each from its
		// latest articles
		Postings[] probes = own.toArray(Postings[]::new);
		Arrays.sort(probes, (a, b) -> Integer.compare(a.size(), b.size()));
		long[] touched = new long[Math.min(probes.length, PROBE_WORDS) * PROBE_DEPTH];
		int touchedCount = 0;
		long[] likely;
		try {
			for (int p = 0; p < Math.min(probes.length, PROBE_WORDS); p++) {
				Postings probe = probes[p];
				double weight = weight(probe.size());
				for (int k = probe.size() - 1; k >= Math.max(0, probe.size() - PROBE_DEPTH); k--) {
					long slot = probe.slot(k);
					int i = index(slot);
					if (!this.languages[i].equals(language)) {
						continue;
					}
					if (this.shared[i] == 0) {
						touched[touchedCount++] = slot;
					}
					// never 0, so that a slot is listed once
					this.shared[i] += Math.max(weight * weight, Double.MIN_NORMAL);
				}
			}
			likely = best(touched, touchedCount);
		}
		finally {
			for (int t = 0; t < touchedCount; t++) {
				this.shared[index(touched[t])] = 0;
			}
		}
		String best = null;
		double bestMargin = -1;
		for (long slot : likely) {
			int i = index(slot);
			double dot = 0;
			double otherNorm = 0;
			for (Postings term : this.terms[i]) {
				double weight = weight(term.size());
				otherNorm += weight * weight;
				if (own.contains(term)) {
					dot += weight * weight;
				}
			}
			double similarity = (norm > 0 && otherNorm > 0) ? dot / Math.sqrt(norm * otherNorm) : 0;
			// reports of one event come in bursts: the later a report, the closer it must
			// be
			double days = Math.abs(published - this.publishedAt[i]) / 86_400_000.0;
			double margin = similarity - (this.minSimilarity + this.risePerDay * days);
			if (margin >= 0 && margin > bestMargin) {
				bestMargin = margin;
				best = this.clusterIds[i];
			}
		}
		return best;
	}

	// the candidates that share the most weight from the probes
	private long[] best(long[] touched, int count) {
		Long[] order = new Long[count];
		for (int t = 0; t < count; t++) {
			order[t] = touched[t];
		}
		Arrays.sort(order, (a, b) -> Double.compare(this.shared[index(b)], this.shared[index(a)]));
		long[] best = new long[Math.min(count, MAX_CANDIDATES)];
		for (int t = 0; t < best.length; t++) {
			best[t] = order[t];
		}
		return best;
	}

	// inverse document frequency, the window counted with the prior articles
	private double weight(int documentFrequency) {
		return Math.log((this.size + this.priorArticles + 1.0) / (documentFrequency + 1.0));
	}

	private void remember(String articleId, long simhash, String clusterId, long now, long published, String language,
			String[] words) {
		if (this.size == this.capacity) {
			forgetOldest();
		}
		long slot = this.nextSlot++;
		int i = index(slot);
		Postings[] refs = new Postings[words.length];
		for (int w = 0; w < words.length; w++) {
			refs[w] = this.postings.computeIfAbsent(words[w], Postings::new);
			refs[w].add(slot);
		}
		this.simhashes[i] = simhash;
		this.clusterIds[i] = clusterId;
		this.articleIds[i] = articleId;
		this.languages[i] = language;
		this.seenAt[i] = now;
		this.publishedAt[i] = published;
		this.shared[i] = 0;
		this.terms[i] = refs;
		this.slotOf.put(articleId, slot);
		this.size++;
	}

	private void evict(long limit) {
		while (this.size > 0 && this.seenAt[index(this.nextSlot - this.size)] < limit) {
			forgetOldest();
		}
	}

	// the oldest article leaves first, so its slot is the first of each of its words
	private void forgetOldest() {
		int i = index(this.nextSlot - this.size);
		this.slotOf.remove(this.articleIds[i]);
		for (Postings term : this.terms[i]) {
			term.removeFirst();
			if (term.size() == 0) {
				this.postings.remove(term.term());
			}
		}
		this.terms[i] = null;
		this.clusterIds[i] = null;
		this.articleIds[i] = null;
		this.languages[i] = null;
		this.size--;
	}

	/**
	 * How an article found its story.
	 */
	public enum Link {

		/** A near-duplicate of an article in the window. */
		NEAR_DUPLICATE,

		/** A report of the same event as an article in the window. */
		SAME_EVENT,

		/** Neither: the article starts a story. */
		NEW_STORY

	}

	/**
	 * The slots of the articles that have a word, oldest first.
	 */
	private static final class Postings {

		private final String term;

		private long[] slots = new long[2];

		private int start;

		private int end;

		Postings(String term) {
			this.term = term;
		}

		String term() {
			return this.term;
		}

		void add(long slot) {
			if (this.end == this.slots.length) {
				int size = size();
				long[] grown = (size * 2 > this.slots.length) ? new long[this.slots.length * 2] : this.slots;
				System.arraycopy(this.slots, this.start, grown, 0, size);
				this.slots = grown;
				this.start = 0;
				this.end = size;
			}
			this.slots[this.end++] = slot;
		}

		void removeFirst() {
			this.start++;
		}

		int size() {
			return this.end - this.start;
		}

		long slot(int index) {
			return this.slots[this.start + index];
		}

	}

}

package dev.newsmon.analysis.story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
 * The window lives in this replica's memory: replicas do not share it and a restart
 * empties it, so two versions of a story that reach different replicas (or arrive across
 * a restart) start two stories. Bounded by age and by count. Thread-safe.
 */
public final class StoryClusters {

	private static final int MIN_CANDIDATE_FREQUENCY = 20;

	private static final int MAX_CANDIDATES = 20;

	private final Clock clock;

	private final Duration window;

	private final int capacity;

	private final int maxDistance;

	private final double minSimilarity;

	private final double risePerDay;

	private final int priorArticles;

	private final LinkedHashMap<String, Seen> seen = new LinkedHashMap<>();

	// the articles of the window that have each word, oldest first: document frequency
	// and candidates
	private final Map<String, Postings> postings = new HashMap<>();

	// the articles of the window by their slot, a number that grows with each article
	private final Map<Long, Seen> bySlot = new HashMap<>();

	private long nextSlot;

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
		this.clock = clock;
		this.window = window;
		this.capacity = capacity;
		this.maxDistance = maxDistance;
		this.minSimilarity = minSimilarity;
		this.risePerDay = risePerDay;
		this.priorArticles = priorArticles;
	}

	/**
	 * Returns the story of an article by its SimHash alone, and remembers the article.
	 * @param articleId the article's id
	 * @param simhash the article's SimHash
	 * @return the id of the story: the id of its first article
	 */
	public String clusterOf(String articleId, long simhash) {
		return clusterOf(articleId, simhash, "und", List.of());
	}

	/**
	 * Returns the story of an article, and remembers the article.
	 * @param articleId the article's id
	 * @param simhash the article's SimHash
	 * @param language the article's language
	 * @param terms the words of its title and lead (and anything else that names the
	 * event, such as entity ids)
	 * @return the id of the story: the id of its first article
	 */
	public synchronized String clusterOf(String articleId, long simhash, String language, Collection<String> terms) {
		Instant now = this.clock.instant();
		evict(now);
		Seen known = this.seen.get(articleId);
		if (known != null) {
			return known.clusterId();
		}
		String[] distinct = new LinkedHashSet<>(terms).toArray(String[]::new);
		String clusterId = nearDuplicate(simhash);
		if (clusterId == null) {
			clusterId = sameEvent(language, distinct, now);
		}
		if (clusterId == null) {
			clusterId = articleId;
		}
		remember(articleId, simhash, clusterId, now, language, distinct);
		return clusterId;
	}

	private String nearDuplicate(long simhash) {
		for (Seen other : this.seen.values()) {
			if (SimHash.distance(other.simhash(), simhash) <= this.maxDistance) {
				return other.clusterId();
			}
		}
		return null;
	}

	private String sameEvent(String language, String[] terms, Instant now) {
		if (this.minSimilarity > 1.0 || terms.length == 0) {
			return null;
		}
		// candidates come from the rarer words only: a word that many articles of the
		// window have would make every one of them a candidate, for a weight near zero
		int candidateLimit = Math.max(MIN_CANDIDATE_FREQUENCY, this.seen.size() / 50);
		Set<Postings> own = Collections.newSetFromMap(new IdentityHashMap<>());
		Map<Long, Double> candidates = new HashMap<>();
		double norm = 0;
		for (String term : terms) {
			Postings having = this.postings.get(term);
			int frequency = (having != null) ? having.size() : 0;
			double weight = weight(frequency);
			norm += weight * weight;
			if (having != null) {
				own.add(having);
				if (frequency <= candidateLimit) {
					for (int i = 0; i < having.size(); i++) {
						candidates.merge(having.slot(i), weight * weight, Double::sum);
					}
				}
			}
		}
		String best = null;
		double bestMargin = -1;
		List<Map.Entry<Long, Double>> likely = candidates.entrySet()
			.stream()
			.sorted(Map.Entry.<Long, Double>comparingByValue().reversed())
			.limit(MAX_CANDIDATES)
			.toList();
		for (Map.Entry<Long, Double> candidate : likely) {
			Seen other = this.bySlot.get(candidate.getKey());
			if (other == null || !other.language().equals(language)) {
				continue;
			}
			double dot = 0;
			double otherNorm = 0;
			for (Postings term : other.terms()) {
				double weight = weight(term.size());
				otherNorm += weight * weight;
				if (own.contains(term)) {
					dot += weight * weight;
				}
			}
			double similarity = (norm > 0 && otherNorm > 0) ? dot / Math.sqrt(norm * otherNorm) : 0;
			// reports of one event come in bursts: the later a report, the closer it must
			// be
			double hours = Duration.between(other.seenAt(), now).toMillis() / 3_600_000.0;
			double margin = similarity - (this.minSimilarity + this.risePerDay * Math.max(0, hours) / 24);
			if (margin >= 0 && margin > bestMargin) {
				bestMargin = margin;
				best = other.clusterId();
			}
		}
		return best;
	}

	// inverse document frequency, the window counted with the prior articles
	private double weight(int documentFrequency) {
		return Math.log((this.seen.size() + this.priorArticles + 1.0) / (documentFrequency + 1.0));
	}

	private void remember(String articleId, long simhash, String clusterId, Instant now, String language,
			String[] terms) {
		long slot = this.nextSlot++;
		Postings[] refs = new Postings[terms.length];
		for (int i = 0; i < terms.length; i++) {
			refs[i] = this.postings.computeIfAbsent(terms[i], Postings::new);
			refs[i].add(slot);
		}
		Seen article = new Seen(slot, simhash, clusterId, now, language, refs);
		this.seen.put(articleId, article);
		this.bySlot.put(slot, article);
		if (this.seen.size() > this.capacity) {
			Iterator<Seen> oldest = this.seen.values().iterator();
			Seen gone = oldest.next();
			oldest.remove();
			forget(gone);
		}
	}

	private void evict(Instant now) {
		Instant limit = now.minus(this.window);
		Iterator<Seen> entries = this.seen.values().iterator();
		while (entries.hasNext()) {
			Seen article = entries.next();
			if (!article.seenAt().isBefore(limit)) {
				break;
			}
			entries.remove();
			forget(article);
		}
	}

	// the oldest article leaves first, so its slot is the first of each of its words
	private void forget(Seen article) {
		this.bySlot.remove(article.slot());
		for (Postings term : article.terms()) {
			term.removeFirst();
			if (term.size() == 0) {
				this.postings.remove(term.term());
			}
		}
	}

	private record Seen(long slot, long simhash, String clusterId, Instant seenAt, String language, Postings[] terms) {

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

package dev.newsmon.ingest.polling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.newsmon.events.ArticleFetched;

/**
 * Decides which articles of a fetch to publish. An article is published when the feed has
 * not brought it before, unless another feed brought the same article (same canonical
 * URL, so same id) with the same content; and again, as a new version, when its content
 * changed. The feed remembers each article with the hash of its content, oldest first,
 * within a bound: a feed lists its latest items, and those it still lists stay
 * remembered.
 */
final class ContentDedupe {

	private ContentDedupe() {
	}

	/**
	 * Decides what to publish.
	 * @param articles the articles of the fetch
	 * @param seen the articles the feed brought recently, oldest first, with their hashes
	 * @param elsewhere the hash with which any feed last brought an article
	 * @param bound how many articles the feed remembers
	 * @return the decision
	 */
	static Decision decide(List<ArticleFetched> articles, Map<String, String> seen,
			Function<String, Optional<String>> elsewhere, int bound) {
		List<ArticleFetched> publish = new ArrayList<>();
		Map<String, String> current = new LinkedHashMap<>();
		int newToFeed = 0;
		int changed = 0;
		int fromOtherFeeds = 0;
		for (ArticleFetched article : articles) {
			String hash = hash(article);
			current.put(article.articleId(), hash);
			String previous = seen.get(article.articleId());
			if (previous != null) {
				if (!previous.equals(hash)) {
					changed++;
					publish.add(article);
				}
				continue;
			}
			newToFeed++;
			if (elsewhere.apply(article.articleId()).filter(hash::equals).isPresent()) {
				fromOtherFeeds++;
			}
			else {
				publish.add(article);
			}
		}
		Map<String, String> next = new LinkedHashMap<>();
		seen.forEach((articleId, hash) -> {
			if (!current.containsKey(articleId)) {
				next.put(articleId, hash);
			}
		});
		next.putAll(current);
		Iterator<String> oldest = next.keySet().iterator();
		for (int excess = next.size() - bound; excess > 0 && oldest.hasNext(); excess--) {
			oldest.next();
			oldest.remove();
		}
		return new Decision(publish, newToFeed, changed, fromOtherFeeds, next);
	}

	/**
	 * The hash of what a reader sees of an article: title, summary and body; the first 64
	 * bits of their SHA-256 are plenty to tell versions of one article apart.
	 * @param article the article
	 * @return 16 hex characters
	 */
	static String hash(ArticleFetched article) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String part : new String[] { article.title(), article.summary(), article.body() }) {
				digest.update(((part != null) ? part : "").getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest(), 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	/**
	 * What to do with a fetch's articles.
	 *
	 * @param publish the articles to publish: new ones and new versions
	 * @param newToFeed how many articles the feed had not brought before
	 * @param changed how many articles the feed brought before with other content
	 * @param fromOtherFeeds how many new articles another feed already brought unchanged
	 * @param seen what the feed remembers once the articles are published
	 */
	record Decision(List<ArticleFetched> publish, int newToFeed, int changed, int fromOtherFeeds,
			Map<String, String> seen) {

	}

}

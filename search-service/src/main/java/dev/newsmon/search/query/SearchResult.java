package dev.newsmon.search.query;

import java.time.Instant;
import java.util.List;

import dev.newsmon.search.indexing.ArticleDocument;

/**
 * The body of {@code GET /api/search}.
 *
 * @param total how many articles match (a lower bound past 10,000)
 * @param hits this page of articles
 * @param facets counts per topic, source and language over all matches; on the first page
 * only (they are the same for every page), empty lists on later pages
 * @param histogram matches per day of publication; on the first page only
 * @param nextCursor the cursor of the next page, or {@code null} on the last page
 */
record SearchResult(long total, List<Hit> hits, Facets facets, List<DayCount> histogram, String nextCursor) {

	/**
	 * One matching article.
	 *
	 * @param id the article id
	 * @param title the title
	 * @param url the canonical URL
	 * @param source the outlet
	 * @param publishedAt when it was published
	 * @param language its language
	 * @param topics its topics with scores and evidence
	 * @param snippet a passage as HTML-escaped text in which matches are marked with
	 * {@code <em>}
	 * @param clusterId the story it belongs to ({@code GET /api/stories/{clusterId}})
	 */
	record Hit(String id, String title, String url, String source, Instant publishedAt, String language,
			List<TopicScore> topics, String snippet, String clusterId) {

	}

	/**
	 * A topic of an article.
	 *
	 * @param id the topic id
	 * @param score how strongly the article is about it
	 * @param evidence the terms that gave it, with their field and offsets; feed text, to
	 * be shown as text; empty for articles indexed before evidence was kept
	 */
	record TopicScore(String id, double score, List<ArticleDocument.Evidence> evidence) {

	}

	/**
	 * Facet counts.
	 *
	 * @param topics per topic id
	 * @param sources per source
	 * @param languages per language
	 */
	record Facets(List<Bucket> topics, List<Bucket> sources, List<Bucket> languages) {

	}

	/**
	 * A facet value and how many matches have it.
	 *
	 * @param key the value
	 * @param count the number of matches
	 */
	record Bucket(String key, long count) {

	}

	/**
	 * The matches of one day (UTC).
	 *
	 * @param date the day, {@code yyyy-MM-dd}
	 * @param count the number of matches
	 */
	record DayCount(String date, long count) {

	}

}

package dev.newsmon.search.query;

import java.time.Instant;
import java.util.List;

import dev.newsmon.search.indexing.ArticleDocument;

/**
 * The part of a stored article that search hits fetch: bodies stay in the index.
 *
 * @param articleId the article id
 * @param url the canonical URL
 * @param source the outlet
 * @param title the title
 * @param publishedAt when it was published
 * @param language its language
 * @param topics its topics with scores and evidence
 * @param clusterId its story cluster
 */
record HitSource(String articleId, String url, String source, String title, Instant publishedAt, String language,
		List<ArticleDocument.Topic> topics, String clusterId) {

	static final List<String> FIELDS = List.of("articleId", "url", "source", "title", "publishedAt", "language",
			"topics", "clusterId");

}

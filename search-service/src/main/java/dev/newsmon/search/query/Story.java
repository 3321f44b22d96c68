package dev.newsmon.search.query;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /api/stories/{clusterId}}: the articles that the analysis put in
 * one near-duplicate cluster, the same story told by several outlets and languages.
 *
 * @param clusterId the cluster
 * @param total how many articles it has
 * @param articles the articles, earliest first (at most 100)
 * @param sources how many articles each outlet published
 * @param languages how many articles each language has
 * @param firstPublishedAt when the first article was published
 * @param lastPublishedAt when the latest article was published
 */
record Story(String clusterId, long total, List<SearchResult.Hit> articles, List<SearchResult.Bucket> sources,
		List<SearchResult.Bucket> languages, Instant firstPublishedAt, Instant lastPublishedAt) {

}

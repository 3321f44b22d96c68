package dev.newsmon.search.query;

import java.util.List;

/**
 * The body of {@code GET /api/articles/{id}/similar}.
 *
 * @param id the article the others are similar to
 * @param clusterId its story cluster
 * @param hits the other articles of the same story first (their {@code clusterId} equals
 * this one), then those whose text is most like it
 */
record SimilarArticles(String id, String clusterId, List<SearchResult.Hit> hits) {

}

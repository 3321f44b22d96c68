package dev.newsmon.search.alert.trend;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.newsmon.search.alert.Alert;
import dev.newsmon.search.alert.Subscription;
import dev.newsmon.search.cjk.CjkTokenizer;
import dev.newsmon.search.indexing.ArticleDocument;
import dev.newsmon.search.query.MatchingQuery;

/**
 * Counts a subscription's matches in a time range with the very query {@code /api/search}
 * runs, over {@code publishedAt}.
 */
class MatchCounter {

	private static final List<String> FIELDS = List.of("articleId", "url", "source", "title", "summary", "publishedAt",
			"language", "topics", "clusterId");

	private final ElasticsearchClient client;

	private final String alias;

	private final CjkTokenizer tokenizer;

	MatchCounter(ElasticsearchClient client, String alias, CjkTokenizer tokenizer) {
		this.client = client;
		this.alias = alias;
		this.tokenizer = tokenizer;
	}

	/**
	 * Counts matches published in {@code [from, to)}.
	 * @param subscription the subscription
	 * @param from the start, inclusive
	 * @param to the end, exclusive
	 * @return the count
	 * @throws IOException if Elasticsearch cannot be reached
	 */
	long count(Subscription subscription, Instant from, Instant to) throws IOException {
		return this.client.count((count) -> count.index(this.alias).query(query(subscription, from, to))).count();
	}

	/**
	 * Counts matches published in {@code [from, to)} and fetches the latest of them.
	 * @param subscription the subscription
	 * @param from the start, inclusive
	 * @param to the end, exclusive
	 * @return the count and the latest match
	 * @throws IOException if Elasticsearch cannot be reached
	 */
	Matches latest(Subscription subscription, Instant from, Instant to) throws IOException {
		SearchResponse<Latest> response = this.client.search(
				(search) -> search.index(this.alias)
					.query(query(subscription, from, to))
					.size(1)
					.trackTotalHits((track) -> track.enabled(true))
					.source((source) -> source.filter((filter) -> filter.includes(FIELDS)))
					.sort((sort) -> sort.field((field) -> field.field("publishedAt").order(SortOrder.Desc))),
				Latest.class);
		long total = (response.hits().total() != null) ? response.hits().total().value() : 0;
		List<Hit<Latest>> hits = response.hits().hits();
		Latest latest = (hits.isEmpty()) ? null : hits.get(0).source();
		return new Matches(total, (latest != null) ? latest.toAlertArticle() : null);
	}

	private Query query(Subscription subscription, Instant from, Instant to) {
		return MatchingQuery.of(subscription.query(), subscription.topics(), subscription.languages(),
				subscription.sources(), from, to, this.tokenizer);
	}

	/**
	 * Matches in a range.
	 *
	 * @param count how many
	 * @param latest the most recently published, or {@code null} when there are none
	 */
	record Matches(long count, Alert.AlertArticle latest) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Latest(String articleId, String url, String source, String title, String summary, Instant publishedAt,
			String language, List<ArticleDocument.Topic> topics, String clusterId) {

		Alert.AlertArticle toAlertArticle() {
			List<String> topicIds = (this.topics != null) ? this.topics.stream().map(ArticleDocument.Topic::id).toList()
					: List.of();
			return new Alert.AlertArticle(this.articleId, this.title, this.url, this.source, this.language,
					this.publishedAt, topicIds, (this.summary != null) ? this.summary : "", this.clusterId);
		}

	}

}

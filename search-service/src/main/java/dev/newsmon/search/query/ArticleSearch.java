package dev.newsmon.search.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.newsmon.search.cjk.CjkTokenizer;
import dev.newsmon.search.indexing.ArticleDocument;
import dev.newsmon.search.indexing.IndexProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Runs searches and article look-ups against the articles alias.
 */
@Component
class ArticleSearch {

	private static final int MAX_ID_BYTES = 512;

	private final ElasticsearchClient client;

	private final String alias;

	private final CjkTokenizer tokenizer;

	private final Set<String> topicIds = TopicTaxonomy.topicIds();

	ArticleSearch(ElasticsearchClient client, IndexProperties properties, CjkTokenizer tokenizer) {
		this.client = client;
		this.alias = properties.alias();
		this.tokenizer = tokenizer;
	}

	Set<String> topicIds() {
		return this.topicIds;
	}

	SearchResult search(SearchCriteria criteria) {
		SearchResponse<HitSource> response;
		try {
			response = this.client.search(SearchRequests.build(criteria, this.alias, this.tokenizer), HitSource.class);
		}
		catch (IOException | ElasticsearchException ex) {
			throw new SearchUnavailableException(ex);
		}
		List<Hit<HitSource>> hits = response.hits().hits();
		List<SearchResult.Hit> page = new ArrayList<>();
		for (int i = 0; i < Math.min(hits.size(), criteria.size()); i++) {
			page.add(hit(hits.get(i)));
		}
		String nextCursor = null;
		if (hits.size() > criteria.size()) {
			List<Object> values = hits.get(criteria.size() - 1).sort().stream().map(ArticleSearch::value).toList();
			nextCursor = new Cursor(criteria.sort(), values).encode();
		}
		long total = (response.hits().total() != null) ? response.hits().total().value() : hits.size();
		Map<String, Aggregate> aggregations = response.aggregations();
		SearchResult.Facets facets = new SearchResult.Facets(terms(aggregations.get("topics")),
				terms(aggregations.get("sources")), terms(aggregations.get("languages")));
		List<SearchResult.DayCount> histogram = aggregations.get("histogram")
			.dateHistogram()
			.buckets()
			.array()
			.stream()
			.map((bucket) -> new SearchResult.DayCount(bucket.keyAsString(), bucket.docCount()))
			.toList();
		return new SearchResult(total, page, facets, histogram, nextCursor);
	}

	Optional<ArticleDocument> article(String id) {
		if (id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
			return Optional.empty();
		}
		try {
			GetResponse<ArticleDocument> response = this.client.get((get) -> get.index(this.alias).id(id),
					ArticleDocument.class);
			return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
		}
		catch (IOException | ElasticsearchException ex) {
			throw new SearchUnavailableException(ex);
		}
	}

	private static SearchResult.Hit hit(Hit<HitSource> hit) {
		HitSource article = hit.source();
		List<SearchResult.TopicScore> topics = (article.topics() != null) ? article.topics()
			.stream()
			.map((topic) -> new SearchResult.TopicScore(topic.id(), topic.score()))
			.toList() : List.of();
		return new SearchResult.Hit(hit.id(), article.title(), article.url(), article.source(), article.publishedAt(),
				article.language(), topics, snippet(hit.highlight(), article));
	}

	/**
	 * The passage that shows best why the article matched: a marked body or summary
	 * passage, else the marked title, else the start of the summary or body.
	 */
	private static String snippet(Map<String, List<String>> highlight, HitSource article) {
		for (String field : List.of("body", "summary", "title")) {
			String fragment = first(highlight.get(field));
			if (fragment != null && fragment.contains("<em>")) {
				return fragment;
			}
		}
		for (String field : List.of("summary", "body")) {
			String fragment = first(highlight.get(field));
			if (fragment != null && !fragment.isBlank()) {
				return fragment;
			}
		}
		return HtmlUtils.htmlEscape((article.title() != null) ? article.title() : "");
	}

	private static String first(List<String> fragments) {
		return (fragments != null && !fragments.isEmpty()) ? fragments.get(0) : null;
	}

	private static List<SearchResult.Bucket> terms(Aggregate aggregate) {
		return aggregate.sterms()
			.buckets()
			.array()
			.stream()
			.map((bucket) -> new SearchResult.Bucket(bucket.key().stringValue(), bucket.docCount()))
			.toList();
	}

	private static Object value(FieldValue value) {
		if (value.isDouble()) {
			return value.doubleValue();
		}
		if (value.isLong()) {
			return value.longValue();
		}
		if (value.isString()) {
			return value.stringValue();
		}
		throw new IllegalStateException("Unexpected sort value " + value);
	}

}

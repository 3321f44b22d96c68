package dev.newsmon.search.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.newsmon.search.cjk.CjkTokenizer;
import dev.newsmon.search.indexing.ArticleDocument;
import dev.newsmon.search.indexing.IndexProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Runs searches and article look-ups against the articles alias.
 */
@Component
class ArticleSearch {

	private static final Log logger = LogFactory.getLog(ArticleSearch.class);

	private static final int MAX_ID_BYTES = 512;

	private static final int STORY_SIZE = 100;

	private final ElasticsearchClient client;

	private final String alias;

	private final CjkTokenizer tokenizer;

	private final Set<String> topicIds = TopicTaxonomy.topicIds();

	private final QueryProperties properties;

	private final Clock clock;

	ArticleSearch(ElasticsearchClient client, IndexProperties index, CjkTokenizer tokenizer, QueryProperties properties,
			Clock clock) {
		this.client = client;
		this.alias = index.alias();
		this.tokenizer = tokenizer;
		this.properties = properties;
		this.clock = clock;
	}

	Set<String> topicIds() {
		return this.topicIds;
	}

	/**
	 * Runs a search. The first page reads the alias and opens nothing: most searches
	 * never ask for a second page. Asking for the second page opens a point in time,
	 * which that page and every later one read, so that articles indexed meanwhile
	 * neither shift nor repeat hits from there on. Facets and histogram come with the
	 * first page only.
	 */
	SearchResult search(SearchCriteria criteria) {
		Cursor cursor = criteria.cursor();
		Instant origin = null;
		if (criteria.sort() == SortOrder.RELEVANCE) {
			origin = (cursor != null && cursor.origin() != null) ? Instant.ofEpochMilli(cursor.origin())
					: Instant.ofEpochMilli(this.clock.millis());
		}
		String pit = (cursor != null) ? cursor.pit() : null;
		boolean opened = false;
		if (cursor != null && pit == null) {
			pit = openPointInTime();
			opened = pit != null;
		}
		try {
			return search(criteria, origin, pit, opened);
		}
		catch (RuntimeException ex) {
			// a point in time opened for this page and not handed on would live out its
			// keep-alive for nothing
			if (opened) {
				closePointInTime(pit);
			}
			throw ex;
		}
	}

	private SearchResult search(SearchCriteria criteria, Instant origin, String pit, boolean opened) {
		SearchResponse<HitSource> response;
		try {
			response = this.client.search(SearchRequests.build(criteria, this.alias, this.tokenizer, origin, pit,
					this.properties.keepAlive()), HitSource.class);
		}
		catch (ElasticsearchException ex) {
			if (pit != null && !opened && ex.status() == 404) {
				throw new InvalidParameterException("cursor", "has expired; search again from the first page");
			}
			if (ex.status() == 400) {
				// the query was built from checked parameters; a refusal still says the
				// input cannot be searched, not that the service failed
				logger.warn("Elasticsearch refused a search: " + ex.getMessage());
				throw new InvalidParameterException((criteria.q() != null) ? "q" : "cursor", "cannot be searched");
			}
			throw new SearchUnavailableException(ex);
		}
		catch (IOException ex) {
			throw new SearchUnavailableException(ex);
		}
		List<Hit<HitSource>> hits = response.hits().hits();
		List<SearchResult.Hit> page = new ArrayList<>();
		for (int i = 0; i < Math.min(hits.size(), criteria.size()); i++) {
			page.add(hit(hits.get(i)));
		}
		// Elasticsearch may hand back a newer id of the point in time
		String latestPit = (pit != null && response.pitId() != null) ? response.pitId() : pit;
		String nextCursor = null;
		if (hits.size() > criteria.size()) {
			List<Object> values = hits.get(criteria.size() - 1).sort().stream().map(ArticleSearch::value).toList();
			nextCursor = new Cursor(criteria.sort(), values, latestPit, (origin != null) ? origin.toEpochMilli() : null)
				.encode();
		}
		else if (latestPit != null) {
			closePointInTime(latestPit);
		}
		long total = (response.hits().total() != null) ? response.hits().total().value() : hits.size();
		Map<String, Aggregate> aggregations = response.aggregations();
		SearchResult.Facets facets = new SearchResult.Facets(terms(aggregations.get("topics")),
				terms(aggregations.get("sources")), terms(aggregations.get("languages")));
		List<SearchResult.DayCount> histogram = (aggregations.get("histogram") != null) ? aggregations.get("histogram")
			.dateHistogram()
			.buckets()
			.array()
			.stream()
			.map((bucket) -> new SearchResult.DayCount(bucket.keyAsString(), bucket.docCount()))
			.toList() : List.of();
		return new SearchResult(total, page, facets, histogram, nextCursor);
	}

	/**
	 * Articles like the given one: those of its story first, then by more_like_this over
	 * the text fields, the JVM-segmented CJK words included.
	 * @param id the article id
	 * @param size how many to return
	 * @return the similar articles, or empty when the article does not exist
	 */
	Optional<SimilarArticles> similar(String id, int size) {
		Optional<ArticleDocument> found = article(id);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		String clusterId = found.get().clusterId();
		Query likeThis = Query
			.of((query) -> query.moreLikeThis((mlt) -> mlt.fields("title", "summary", "body", SearchRequests.CJK_FIELD)
				.like((like) -> like.document((document) -> document.index(this.alias).id(id)))
				.minTermFreq(1)
				.minDocFreq(1)
				.maxQueryTerms(25)
				.minimumShouldMatch("30%")));
		Query query = Query.of((q) -> q.bool((bool) -> {
			bool.should(likeThis).mustNot((not) -> not.ids((ids) -> ids.values(id))).minimumShouldMatch("1");
			if (clusterId != null && !clusterId.isBlank()) {
				// far above any text score: the same story always comes first
				bool.should((same) -> same.constantScore((constant) -> constant
					.filter((filter) -> filter.term((term) -> term.field("clusterId").value(clusterId)))
					.boost(10_000f)));
			}
			return bool;
		}));
		try {
			SearchResponse<HitSource> response = this.client.search((search) -> search.index(this.alias)
				.query(query)
				.size(size)
				.timeout(SearchRequests.TIMEOUT)
				.source((source) -> source.filter((filter) -> filter.includes(HitSource.FIELDS)))
				.sort((sort) -> sort
					.score((score) -> score.order(co.elastic.clients.elasticsearch._types.SortOrder.Desc)))
				.sort((sort) -> sort.field((field) -> field.field("publishedAt")
					.order(co.elastic.clients.elasticsearch._types.SortOrder.Desc))), HitSource.class);
			List<SearchResult.Hit> hits = response.hits().hits().stream().map(ArticleSearch::hit).toList();
			return Optional.of(new SimilarArticles(id, clusterId, hits));
		}
		catch (IOException | ElasticsearchException ex) {
			throw new SearchUnavailableException(ex);
		}
	}

	/**
	 * The articles of one story cluster.
	 * @param clusterId the cluster
	 * @return the story, or empty when no article has that cluster
	 */
	Optional<Story> story(String clusterId) {
		try {
			SearchResponse<HitSource> response = this.client.search((search) -> search.index(this.alias)
				.query((query) -> query.bool((bool) -> bool
					.filter((filter) -> filter.term((term) -> term.field("clusterId").value(clusterId)))))
				.size(STORY_SIZE)
				.timeout(SearchRequests.TIMEOUT)
				.source((source) -> source.filter((filter) -> filter.includes(HitSource.FIELDS)))
				.sort((sort) -> sort.field((field) -> field.field("publishedAt")
					.order(co.elastic.clients.elasticsearch._types.SortOrder.Asc)))
				.sort((sort) -> sort.field((field) -> field.field("articleId")
					.order(co.elastic.clients.elasticsearch._types.SortOrder.Asc)))
				.aggregations("sources", (agg) -> agg.terms((terms) -> terms.field("source").size(50)))
				.aggregations("languages", (agg) -> agg.terms((terms) -> terms.field("language").size(10)))
				.aggregations("first", (agg) -> agg.min((min) -> min.field("publishedAt")))
				.aggregations("last", (agg) -> agg.max((max) -> max.field("publishedAt"))), HitSource.class);
			long total = (response.hits().total() != null) ? response.hits().total().value() : 0;
			if (total == 0) {
				return Optional.empty();
			}
			Map<String, Aggregate> aggregations = response.aggregations();
			List<SearchResult.Hit> articles = response.hits().hits().stream().map(ArticleSearch::hit).toList();
			return Optional.of(new Story(clusterId, total, articles, terms(aggregations.get("sources")),
					terms(aggregations.get("languages")), instant(aggregations.get("first").min().value()),
					instant(aggregations.get("last").max().value())));
		}
		catch (IOException | ElasticsearchException ex) {
			throw new SearchUnavailableException(ex);
		}
	}

	private String openPointInTime() {
		try {
			return this.client
				.openPointInTime(
						(open) -> open.index(this.alias).keepAlive((time) -> time.time(this.properties.keepAlive())))
				.id();
		}
		catch (IOException | ElasticsearchException ex) {
			// the next page still works from the sort values alone, only less stable
			logger.warn("Could not open a point in time: " + ex.getMessage());
			return null;
		}
	}

	private void closePointInTime(String pit) {
		try {
			this.client.closePointInTime((close) -> close.id(pit));
		}
		catch (IOException | ElasticsearchException ex) {
			// it expires on its own after the keep-alive
			logger.debug("Could not close a point in time: " + ex.getMessage());
		}
	}

	private static Instant instant(double epochMillis) {
		return Instant.ofEpochMilli((long) epochMillis);
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
			.map((topic) -> new SearchResult.TopicScore(topic.id(), topic.score(), topic.evidence()))
			.toList() : List.of();
		return new SearchResult.Hit(hit.id(), article.title(), article.url(), article.source(), article.publishedAt(),
				article.language(), topics, snippet(hit.highlight(), article), article.clusterId());
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
		if (aggregate == null) {
			return List.of();
		}
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

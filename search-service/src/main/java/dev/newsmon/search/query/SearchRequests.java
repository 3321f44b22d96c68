package dev.newsmon.search.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.NamedValue;
import dev.newsmon.search.cjk.CjkTokenizer;

/**
 * Builds the one Elasticsearch request that answers a search: query, filters, sort,
 * highlighting, facets and histogram.
 */
public final class SearchRequests {

	static final List<String> TEXT_FIELDS = List.of("title^3", "summary^2", "body");

	static final String CJK_FIELD = "text_cjk";

	static final String TIMEOUT = "5s";

	static final String DEFAULT_KEEP_ALIVE = "2m";

	// the syntax users are told about; no prefix, fuzzy or slop: they are slow or
	// surprising
	private static final List<SimpleQueryStringFlag> FLAGS = List.of(SimpleQueryStringFlag.And,
			SimpleQueryStringFlag.Or, SimpleQueryStringFlag.Not, SimpleQueryStringFlag.Phrase,
			SimpleQueryStringFlag.Precedence, SimpleQueryStringFlag.Whitespace);

	private static final List<String> SOURCE_FIELDS = List.of("articleId", "url", "source", "title", "publishedAt",
			"language", "topics");

	private SearchRequests() {
	}

	static SearchRequest build(SearchCriteria criteria, String index, CjkTokenizer tokenizer) {
		return build(criteria, index, tokenizer, null, (criteria.cursor() != null) ? criteria.cursor().pit() : null,
				DEFAULT_KEEP_ALIVE);
	}

	/**
	 * Builds the request. The first page (no cursor) also asks for the facets and the
	 * histogram, which describe all matches and so are the same on every page; later
	 * pages only fetch hits.
	 * @param criteria the checked parameters
	 * @param index the alias to search when there is no point in time
	 * @param tokenizer the tokenizer of CJK query words
	 * @param origin the time the recency boost decays from, or {@code null} for now
	 * @param pit the point in time to read, or {@code null} to read the alias
	 * @param keepAlive how long the point in time is kept for the next page
	 * @return the request
	 */
	static SearchRequest build(SearchCriteria criteria, String index, CjkTokenizer tokenizer, Instant origin,
			String pit, String keepAlive) {
		Query matching = matching(criteria, tokenizer);
		Query query = (criteria.sort() == SortOrder.RELEVANCE) ? recencyBoosted(matching, origin) : matching;
		boolean firstPage = criteria.cursor() == null;
		return SearchRequest.of((search) -> {
			if (pit != null) {
				// a point in time names its indices itself
				search.pit((point) -> point.id(pit).keepAlive((time) -> time.time(keepAlive)));
			}
			else {
				search.index(index);
			}
			search.query(query)
				.size(criteria.size() + 1)
				.timeout(TIMEOUT)
				.source((source) -> source.filter((filter) -> filter.includes(HitSource.FIELDS)))
				.sort(sort(criteria.sort()))
				.highlight((highlight) -> highlight.encoder(HighlighterEncoder.Html)
					.preTags("<em>")
					.postTags("</em>")
					.requireFieldMatch(false)
					.fields(NamedValue.of("title", HighlightField.of((field) -> field.numberOfFragments(0))),
							NamedValue.of("summary",
									HighlightField
										.of((field) -> field.fragmentSize(200).numberOfFragments(1).noMatchSize(200))),
							NamedValue.of("body", HighlightField
								.of((field) -> field.fragmentSize(200).numberOfFragments(1).noMatchSize(200)))));
			if (firstPage) {
				search.aggregations("topics", (agg) -> agg.terms((terms) -> terms.field("topics.id").size(20)))
					.aggregations("sources", (agg) -> agg.terms((terms) -> terms.field("source").size(20)))
					.aggregations("languages", (agg) -> agg.terms((terms) -> terms.field("language").size(10)))
					.aggregations("histogram",
							(agg) -> agg.dateHistogram((histogram) -> histogram.field("publishedAt")
								.calendarInterval(CalendarInterval.Day)
								.format("yyyy-MM-dd")
								.minDocCount(1)));
			}
			else {
				search.searchAfter(searchAfter(criteria.cursor()));
			}
			return search;
		});
	}

	public static Query matching(SearchCriteria criteria, CjkTokenizer tokenizer) {
		return Query.of((query) -> query.bool((bool) -> {
			if (criteria.q() != null) {
				List<Query> alternatives = new ArrayList<>();
				alternatives.add(simpleQuery(QueryText.forStandardFields(criteria.q()), TEXT_FIELDS));
				String cjk = QueryText.forCjkField(criteria.q(), tokenizer);
				if (cjk != null) {
					alternatives.add(simpleQuery(cjk, List.of(CJK_FIELD)));
				}
				bool.must((must) -> must.bool((any) -> any.should(alternatives).minimumShouldMatch("1")));
			}
			if (!criteria.topics().isEmpty()) {
				List<FieldValue> topics = criteria.topics().stream().map(FieldValue::of).toList();
				bool.filter((filter) -> filter
					.terms((terms) -> terms.field("topics.id").terms((values) -> values.value(topics))));
			}
			if (criteria.language() != null) {
				bool.filter((filter) -> filter.term((term) -> term.field("language").value(criteria.language())));
			}
			if (criteria.source() != null) {
				bool.filter((filter) -> filter.term((term) -> term.field("source").value(criteria.source())));
			}
			if (criteria.from() != null || criteria.to() != null) {
				bool.filter((filter) -> filter.range((range) -> range.date((date) -> {
					date.field("publishedAt");
					if (criteria.from() != null) {
						date.gte(criteria.from().toString());
					}
					if (criteria.to() != null) {
						date.lt(criteria.to().toString());
					}
					return date;
				})));
			}
			return bool;
		}));
	}

	private static Query simpleQuery(String text, List<String> fields) {
		return Query.of((query) -> query.simpleQueryString((
				simple) -> simple.query(text).fields(fields).defaultOperator(Operator.And).flags(FLAGS).lenient(true)));
	}

	/**
	 * Multiplies the text score by a factor from 1.5 (published now) down to 1 (long
	 * ago): recent news wins among similar matches without burying an old, much better
	 * match.
	 */
	private static Query recencyBoosted(Query matching, Instant origin) {
		return Query.of((query) -> query.functionScore((functionScore) -> functionScore.query(matching)
			.functions((function) -> function.gauss((gauss) -> gauss.date((date) -> date.field("publishedAt")
				.placement((placement) -> placement.origin((origin != null) ? origin.toString() : "now")
					.scale(Time.of((time) -> time.time("7d")))
					.offset(Time.of((time) -> time.time("1d")))
					.decay(0.5))))
				.weight(0.5))
			.functions((function) -> function.filter((filter) -> filter.matchAll((all) -> all)).weight(1.0))
			.scoreMode(FunctionScoreMode.Sum)
			.boostMode(FunctionBoostMode.Multiply)));
	}

	private static List<SortOptions> sort(SortOrder order) {
		List<SortOptions> sort = new ArrayList<>();
		if (order == SortOrder.RELEVANCE) {
			sort.add(SortOptions.of((option) -> option
				.score((score) -> score.order(co.elastic.clients.elasticsearch._types.SortOrder.Desc))));
		}
		sort.add(SortOptions.of((option) -> option.field(
				(field) -> field.field("publishedAt").order(co.elastic.clients.elasticsearch._types.SortOrder.Desc))));
		// a unique tie-breaker keeps pages stable
		sort.add(SortOptions.of((option) -> option
			.field((field) -> field.field("articleId").order(co.elastic.clients.elasticsearch._types.SortOrder.Asc))));
		return sort;
	}

	private static List<FieldValue> searchAfter(Cursor cursor) {
		return cursor.values().stream().map(SearchRequests::fieldValue).toList();
	}

	static FieldValue fieldValue(Object value) {
		return switch (value) {
			case Double number -> FieldValue.of(number);
			case Long number -> FieldValue.of(number);
			case String text -> FieldValue.of(text);
			default -> FieldValue.of(JsonData.of(value));
		};
	}

}

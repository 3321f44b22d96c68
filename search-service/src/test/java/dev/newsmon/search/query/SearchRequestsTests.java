package dev.newsmon.search.query;

import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import dev.newsmon.search.cjk.CjkTokenizer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SearchRequestsTests {

	private static final CjkTokenizer tokenizer = new CjkTokenizer();

	private static final Set<String> TOPICS = Set.of("north-korea", "taiwan-strait");

	@Test
	void englishQueryIsOneSimpleQueryOverTheTextFields() {
		JsonNode request = build(criteria("missile \"joint exercise\"", null, null, null, null));
		JsonNode should = request.at("/query/function_score/query/bool/must/0/bool/should");
		assertThat(should.size()).isEqualTo(1);
		JsonNode simple = should.get(0).get("simple_query_string");
		assertThat(simple.get("query").asString()).isEqualTo("missile \"joint exercise\"");
		assertThat(simple.get("fields").toString()).isEqualTo("[\"title^3\",\"summary^2\",\"body\"]");
		assertThat(simple.get("default_operator").asString()).isEqualToIgnoringCase("and");
		assertThat(simple.get("flags").asString()).isEqualTo("AND|OR|NOT|PHRASE|PRECEDENCE|WHITESPACE");
		assertThat(request.toString()).doesNotContain("\"query_string\"", "text_cjk");
	}

	@Test
	void cjkQueryAlsoSearchesTheSegmentedField() {
		JsonNode request = build(criteria("북한", null, null, null, null));
		JsonNode should = request.at("/query/function_score/query/bool/must/0/bool/should");
		assertThat(should.size()).isEqualTo(2);
		assertThat(should.get(0).at("/simple_query_string/query").asString()).isEqualTo("\"북한\"");
		assertThat(should.get(1).at("/simple_query_string/query").asString()).isEqualTo("북한");
		assertThat(should.get(1).at("/simple_query_string/fields").toString()).isEqualTo("[\"text_cjk\"]");
		assertThat(request.at("/query/function_score/query/bool/must/0/bool/minimum_should_match").asString())
			.isEqualTo("1");
	}

	@Test
	void filtersAreFilters() {
		JsonNode request = build(SearchCriteria.parse(null, List.of("north-korea", "taiwan-strait"), "ko",
				"Example News", "2026-11-01", "2026-11-27", "newest", null, null, TOPICS));
		JsonNode filters = request.at("/query/bool/filter");
		assertThat(filters.toString()).contains("\"topics.id\":[\"north-korea\",\"taiwan-strait\"]")
			.contains("\"language\":{\"value\":\"ko\"}")
			.contains("\"source\":{\"value\":\"Example News\"}")
			.contains("\"gte\":\"2026-11-01T00:00:00Z\"")
			.contains("\"lt\":\"2026-11-28T00:00:00Z\"");
		assertThat(request.at("/query/bool/must").isMissingNode()).isTrue();
	}

	@Test
	void relevanceIsBoostedByRecency() {
		JsonNode request = build(criteria("missile", null, null, null, null));
		JsonNode functionScore = request.at("/query/function_score");
		assertThat(functionScore.at("/functions/0/gauss/publishedAt/scale").asString()).isEqualTo("7d");
		assertThat(functionScore.get("boost_mode").asString()).isEqualTo("multiply");
		assertThat(request.get("sort").toString()).contains("_score").contains("publishedAt").contains("articleId");
	}

	@Test
	void newestSortsByPublicationWithoutScoring() {
		JsonNode request = build(criteria("missile", "newest", null, null, null));
		assertThat(request.at("/query/function_score").isMissingNode()).isTrue();
		assertThat(request.get("sort").toString()).doesNotContain("_score");
	}

	@Test
	void pageAsksOneMoreHitToKnowWhetherAnotherPageExists() {
		JsonNode request = build(criteria(null, null, "10", null, null));
		assertThat(request.get("size").asInt()).isEqualTo(11);
		assertThat(request.get("timeout").asString()).isEqualTo("5s");
	}

	@Test
	void cursorBecomesSearchAfter() {
		String cursor = new Cursor(SortOrder.NEWEST, List.of(1764201600000L, "abc")).encode();
		JsonNode request = build(criteria(null, "newest", null, cursor, null));
		assertThat(request.get("search_after").toString()).isEqualTo("[1764201600000,\"abc\"]");
	}

	@Test
	void highlightsAreHtmlEscapedWithEmMarks() {
		JsonNode highlight = build(criteria("missile", null, null, null, null)).get("highlight");
		assertThat(highlight.get("encoder").asString()).isEqualTo("html");
		assertThat(highlight.get("pre_tags").toString()).isEqualTo("[\"<em>\"]");
		assertThat(highlight.get("fields").toString()).contains("title", "summary", "body");
	}

	@Test
	void cursorWithPointInTimeReadsItInsteadOfTheIndexAndKeepsTheRecencyOrigin() {
		String cursor = new Cursor(SortOrder.RELEVANCE, List.of(2.0, 1764201600000L, "abc"), "the-pit", 1764201600000L)
			.encode();
		SearchCriteria criteria = criteria("missile", null, null, cursor, null);
		SearchRequest request = SearchRequests.build(criteria, "news-articles", tokenizer,
				java.time.Instant.ofEpochMilli(1764201600000L), criteria.cursor().pit(), "90s");
		JsonNode json = JsonMapper.builder()
			.build()
			.readTree(JsonpUtils.toJsonString(request, new Jackson3JsonpMapper()));
		assertThat(json.at("/pit/id").asString()).isEqualTo("the-pit");
		assertThat(json.at("/pit/keep_alive").asString()).isEqualTo("90s");
		assertThat(request.index()).isEmpty();
		assertThat(json.at("/query/function_score/functions/0/gauss/publishedAt/origin").asString())
			.isEqualTo("2025-11-27T00:00:00Z");
	}

	@Test
	void facetsAndHistogramAreAggregations() {
		JsonNode aggregations = build(criteria(null, null, null, null, null)).get("aggregations");
		assertThat(aggregations.at("/topics/terms/field").asString()).isEqualTo("topics.id");
		assertThat(aggregations.at("/sources/terms/field").asString()).isEqualTo("source");
		assertThat(aggregations.at("/languages/terms/field").asString()).isEqualTo("language");
		assertThat(aggregations.at("/histogram/date_histogram/calendar_interval").asString()).isEqualTo("day");
	}

	@Test
	void laterPagesOnlyFetchHits() {
		String cursor = new Cursor(SortOrder.NEWEST, List.of(1764201600000L, "abc"), "the-pit", null).encode();
		JsonNode json = build(criteria("missile", "newest", null, cursor, null));
		assertThat(json.has("aggregations")).isFalse();
		assertThat(json.at("/search_after").size()).isEqualTo(2);
	}

	private static SearchCriteria criteria(String q, String sort, String size, String cursor, String lang) {
		return SearchCriteria.parse(q, null, lang, null, null, null, sort, size, cursor, TOPICS);
	}

	private static JsonNode build(SearchCriteria criteria) {
		SearchRequest request = SearchRequests.build(criteria, "news-articles", tokenizer);
		String json = JsonpUtils.toJsonString(request, new Jackson3JsonpMapper());
		return JsonMapper.builder().build().readTree(json);
	}

}

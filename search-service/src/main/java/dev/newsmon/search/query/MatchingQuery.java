package dev.newsmon.search.query;

import java.time.Instant;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.newsmon.search.cjk.CjkTokenizer;

/**
 * The query {@code /api/search} runs, for features that must find exactly the articles a
 * search finds: a saved search counted over a time range is the same query with a
 * {@code publishedAt} range.
 */
public final class MatchingQuery {

	private MatchingQuery() {
	}

	/**
	 * Builds the query of a saved search.
	 * @param q the query in the simple syntax, or {@code null} for every article
	 * @param topics topic ids, any of which must be on the article (empty: any)
	 * @param languages languages, one of which must be the article's (empty: any)
	 * @param sources sources, one of which must be the article's (empty: any)
	 * @param from the earliest publication time (inclusive), or {@code null}
	 * @param to the latest publication time (exclusive), or {@code null}
	 * @param tokenizer the tokenizer of CJK query words
	 * @return the query
	 */
	public static Query of(String q, List<String> topics, List<String> languages, List<String> sources, Instant from,
			Instant to, CjkTokenizer tokenizer) {
		// one language or source is exactly the search filter; several are its "any of"
		String language = (languages.size() == 1) ? languages.get(0) : null;
		String source = (sources.size() == 1) ? sources.get(0) : null;
		SearchCriteria criteria = new SearchCriteria((q != null && !q.isBlank()) ? q.strip() : null, topics, language,
				source, from, to, SortOrder.NEWEST, 1, null);
		Query matching = SearchRequests.matching(criteria, tokenizer);
		if (languages.size() <= 1 && sources.size() <= 1) {
			return matching;
		}
		return Query.of((query) -> query.bool((bool) -> {
			bool.must(matching);
			if (languages.size() > 1) {
				bool.filter(terms("language", languages));
			}
			if (sources.size() > 1) {
				bool.filter(terms("source", sources));
			}
			return bool;
		}));
	}

	private static Query terms(String field, List<String> values) {
		List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
		return Query.of((query) -> query.terms((filter) -> filter.field(field).terms((list) -> list.value(terms))));
	}

}

package dev.newsmon.analysis.tagging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The registered queries, indexed by the field and the anchor term of each clause, so
 * that an article only tries the clauses whose rarest word it contains: a handful of the
 * thousands. Immutable; a change makes a new index.
 */
final class QueryIndex {

	static final QueryIndex EMPTY = new QueryIndex(Map.of());

	private final Map<String, MatchQuery> queries;

	// field -> anchor term -> the clauses with that anchor
	private final Map<String, Map<String, List<Candidate>>> byAnchor;

	private QueryIndex(Map<String, MatchQuery> queries) {
		this.queries = queries;
		Map<String, Map<String, List<Candidate>>> index = new HashMap<>();
		int order = 0;
		for (MatchQuery query : queries.values()) {
			for (MatchQuery.Clause clause : query.clauses()) {
				index.computeIfAbsent(clause.field(), (f) -> new HashMap<>())
					.computeIfAbsent(clause.anchor(), (t) -> new ArrayList<>())
					.add(new Candidate(query.id(), clause, order++));
			}
		}
		this.byAnchor = index;
	}

	/**
	 * Returns an index with the queries added and those with the given ids removed.
	 * @param added the queries to add or replace
	 * @param removed the ids of queries to remove
	 * @return the new index
	 */
	QueryIndex with(Collection<MatchQuery> added, Collection<String> removed) {
		Map<String, MatchQuery> queries = new LinkedHashMap<>(this.queries);
		removed.forEach(queries::remove);
		added.forEach((query) -> queries.put(query.id(), query));
		return new QueryIndex(queries);
	}

	int size() {
		return this.queries.size();
	}

	/**
	 * Matches an article against every query.
	 * @param article the analysed article
	 * @return the hits of each matching query, by query id, then by field
	 */
	Map<String, Map<String, List<AnalysedArticle.Hit>>> match(AnalysedArticle article) {
		List<Candidate> candidates = new ArrayList<>();
		article.fields().forEach((field, tokens) -> {
			Map<String, List<Candidate>> anchors = this.byAnchor.get(field);
			if (anchors != null) {
				Set<String> terms = tokens.terms();
				if (terms.size() < anchors.size()) {
					for (String term : terms) {
						List<Candidate> found = anchors.get(term);
						if (found != null) {
							candidates.addAll(found);
						}
					}
				}
				else {
					anchors.forEach((term, found) -> {
						if (terms.contains(term)) {
							candidates.addAll(found);
						}
					});
				}
			}
		});
		// clauses in registration order, as the queries list them
		candidates.sort((a, b) -> Integer.compare(a.order(), b.order()));
		Map<String, Map<String, Map<Long, AnalysedArticle.Hit>>> hits = new HashMap<>();
		for (Candidate candidate : candidates) {
			Map<String, Map<Long, AnalysedArticle.Hit>> queryHits = hits.computeIfAbsent(candidate.queryId(),
					(id) -> new TreeMap<>());
			article.addHits(candidate.clause(), queryHits);
		}
		Map<String, Map<String, List<AnalysedArticle.Hit>>> matches = new HashMap<>();
		hits.forEach((id, byField) -> {
			if (!byField.isEmpty()) {
				Map<String, List<AnalysedArticle.Hit>> fields = new TreeMap<>();
				byField.forEach((field, keyed) -> fields.put(field, List.copyOf(keyed.values())));
				matches.put(id, fields);
			}
		});
		return matches;
	}

	private record Candidate(String queryId, MatchQuery.Clause clause, int order) {

	}

}

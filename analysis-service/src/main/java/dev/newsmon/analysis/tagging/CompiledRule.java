package dev.newsmon.analysis.tagging;

import java.util.List;
import java.util.Map;

/**
 * A rule with the queries it was compiled into.
 *
 * @param rule the rule
 * @param generation the registration that produced the queries
 * @param parts what each query id stands for
 * @param queries the queries to register
 */
record CompiledRule(TopicRule rule, long generation, Map<String, Part> parts, List<MatchQuery> queries) {

	/** What a query of the rule tests. */
	enum Kind {

		TERM, NEAR, EXCLUDE

	}

	/**
	 * The meaning of one query.
	 *
	 * @param kind what the query tests
	 * @param index the index of its term or proximity pair in the rule
	 */
	record Part(Kind kind, int index) {

	}

}

package dev.newsmon.analysis.tagging;

import java.util.Comparator;
import java.util.List;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;

/**
 * One thing a rule or the gazetteer looks for (a term, a proximity pair, the exclusions,
 * an entity): it matches when any of its clauses does, and its hits are those of every
 * matching clause.
 *
 * @param id the query's id, carrying the rule id and its generation
 * @param clauses the alternatives, each an analysed alias in one field
 */
record MatchQuery(String id, List<Clause> clauses) {

	MatchQuery {
		clauses = List.copyOf(clauses);
	}

	/**
	 * An analysed alias to find in one field: its tokens at their relative positions,
	 * exactly ({@code slop} 0) or within {@code slop} moves as a sloppy phrase.
	 *
	 * @param field the field, such as {@code body_ja}
	 * @param tokens the tokens, ordered by position, then term
	 * @param slop how far the tokens may move
	 * @param phrase the equivalent Lucene query, run for sloppy clauses only
	 */
	record Clause(String field, List<TextAnalyzers.Token> tokens, int slop, Query phrase) {

		// Lucene's exact phrase matcher orders its terms this way; the first and the last
		// give a hit's offsets
		private static final Comparator<TextAnalyzers.Token> ORDER = Comparator
			.comparingInt(TextAnalyzers.Token::position)
			.thenComparing(TextAnalyzers.Token::term);

		static Clause of(String field, List<TextAnalyzers.Token> tokens, int slop) {
			List<TextAnalyzers.Token> sorted = tokens.stream().sorted(ORDER).toList();
			Query phrase = null;
			if (slop > 0) {
				PhraseQuery.Builder builder = new PhraseQuery.Builder();
				for (TextAnalyzers.Token token : tokens) {
					builder.add(new Term(field, token.term()), token.position());
				}
				builder.setSlop(slop);
				phrase = builder.build();
			}
			return new Clause(field, sorted, slop, phrase);
		}

		/**
		 * Returns the token that decides whether the clause can match: the longest, as
		 * likely the rarest.
		 */
		String anchor() {
			return this.tokens.stream()
				.map(TextAnalyzers.Token::term)
				.max(Comparator.comparingInt(String::length))
				.orElseThrow();
		}

	}

}

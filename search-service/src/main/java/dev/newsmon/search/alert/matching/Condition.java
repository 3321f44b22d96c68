package dev.newsmon.search.alert.matching;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A Lucene query reduced to what decides whether it matches one document: terms, exact
 * phrases and boolean clauses, evaluated against an {@link ArticleTerms} without building
 * an index. Scores and boosts do not change whether a document matches, so they are
 * dropped. Queries with any other kind of node are not reduced ({@link #of} answers
 * {@code null}) and stay with Lucene Monitor.
 */
sealed interface Condition {

	/** A condition that no document meets. */
	Condition NEVER = new Never();

	/** A condition that every document meets. */
	Condition ALWAYS = new Always();

	/**
	 * Whether an article meets the condition, as Lucene would decide for a one-document
	 * index of it.
	 * @param article the analysed article
	 * @return whether it matches
	 */
	boolean matches(ArticleTerms article);

	/**
	 * Terms of which a matching article contains at least one: an empty set when nothing
	 * can match, {@code null} when no such set exists (every article is a candidate).
	 * Conjunctions keep the terms of one clause only, the one that looks rarest.
	 * @return the anchors
	 */
	Set<FieldTerm> anchors();

	/**
	 * Reduces a query.
	 * @param query the query
	 * @return the condition, or {@code null} if the query has a node this does not know
	 */
	static Condition of(Query query) {
		if (query instanceof BoostQuery boost) {
			return of(boost.getQuery());
		}
		if (query instanceof ConstantScoreQuery constant) {
			return of(constant.getQuery());
		}
		if (query instanceof MatchNoDocsQuery) {
			return NEVER;
		}
		if (query instanceof MatchAllDocsQuery) {
			return ALWAYS;
		}
		if (query instanceof TermQuery term) {
			return new TermIn(FieldTerm.of(term.getTerm()));
		}
		if (query instanceof PhraseQuery phrase) {
			return phrase(phrase);
		}
		if (query instanceof BooleanQuery bool) {
			return bool(bool);
		}
		return null;
	}

	private static Condition phrase(PhraseQuery phrase) {
		Term[] terms = phrase.getTerms();
		if (phrase.getSlop() != 0) {
			return null;
		}
		if (terms.length == 0) {
			return NEVER;
		}
		FieldTerm[] fieldTerms = new FieldTerm[terms.length];
		for (int i = 0; i < terms.length; i++) {
			fieldTerms[i] = FieldTerm.of(terms[i]);
		}
		if (terms.length == 1) {
			return new TermIn(fieldTerms[0]);
		}
		return new Phrase(fieldTerms, phrase.getPositions().clone());
	}

	private static Condition bool(BooleanQuery bool) {
		List<Condition> required = new ArrayList<>();
		List<Condition> optional = new ArrayList<>();
		List<Condition> prohibited = new ArrayList<>();
		for (BooleanClause clause : bool.clauses()) {
			Condition condition = of(clause.query());
			if (condition == null) {
				return null;
			}
			switch (clause.occur()) {
				case MUST, FILTER -> required.add(condition);
				case SHOULD -> optional.add(condition);
				case MUST_NOT -> prohibited.add(condition);
			}
		}
		int minimumShouldMatch = bool.getMinimumNumberShouldMatch();
		if (required.isEmpty() && optional.isEmpty()) {
			// Lucene matches nothing with prohibited clauses alone
			return NEVER;
		}
		if (required.isEmpty() && minimumShouldMatch == 0) {
			minimumShouldMatch = 1;
		}
		if (minimumShouldMatch > optional.size()) {
			return NEVER;
		}
		return new Bool(required.toArray(Condition[]::new), optional.toArray(Condition[]::new),
				prohibited.toArray(Condition[]::new), minimumShouldMatch);
	}

	/**
	 * How common the terms of a set of anchors probably are: longer words are rarer, and
	 * each term adds its own articles.
	 * @param anchors the anchors
	 * @return the estimate, lower is rarer
	 */
	static double commonness(Set<FieldTerm> anchors) {
		double sum = 0;
		for (FieldTerm anchor : anchors) {
			sum += 1.0 / Math.max(1, anchor.term().codePointCount(0, anchor.term().length()));
		}
		return sum;
	}

	/**
	 * A term of a field.
	 *
	 * @param field the field
	 * @param term the term as indexed
	 */
	record FieldTerm(String field, String term) {

		static FieldTerm of(Term term) {
			return new FieldTerm(term.field(), term.bytes().utf8ToString());
		}

	}

	/** Matches nothing. */
	record Never() implements Condition {

		@Override
		public boolean matches(ArticleTerms article) {
			return false;
		}

		@Override
		public Set<FieldTerm> anchors() {
			return Set.of();
		}

	}

	/** Matches everything. */
	record Always() implements Condition {

		@Override
		public boolean matches(ArticleTerms article) {
			return true;
		}

		@Override
		public Set<FieldTerm> anchors() {
			return null;
		}

	}

	/**
	 * A term in a field.
	 *
	 * @param term the term
	 */
	record TermIn(FieldTerm term) implements Condition {

		@Override
		public boolean matches(ArticleTerms article) {
			return article.positions(this.term.field(), this.term.term()) != null;
		}

		@Override
		public Set<FieldTerm> anchors() {
			return Set.of(this.term);
		}

	}

	/**
	 * Terms at given relative positions (an exact phrase).
	 *
	 * @param terms the terms
	 * @param positions their positions in the phrase
	 */
	record Phrase(FieldTerm[] terms, int[] positions) implements Condition {

		@Override
		public boolean matches(ArticleTerms article) {
			ArticleTerms.Positions[] found = new ArticleTerms.Positions[this.terms.length];
			for (int i = 0; i < this.terms.length; i++) {
				found[i] = article.positions(this.terms[i].field(), this.terms[i].term());
				if (found[i] == null) {
					return false;
				}
			}
			ArticleTerms.Positions first = found[0];
			for (int p = 0; p < first.size(); p++) {
				int start = first.at(p) - this.positions[0];
				boolean all = true;
				for (int i = 1; i < found.length && all; i++) {
					all = found[i].contains(start + this.positions[i]);
				}
				if (all) {
					return true;
				}
			}
			return false;
		}

		@Override
		public Set<FieldTerm> anchors() {
			FieldTerm rarest = this.terms[0];
			for (FieldTerm term : this.terms) {
				if (term.term().length() > rarest.term().length()) {
					rarest = term;
				}
			}
			return Set.of(rarest);
		}

	}

	/**
	 * A boolean query: every required clause, at least {@code minimumShouldMatch} of the
	 * optional ones and none of the prohibited ones.
	 *
	 * @param required the required clauses
	 * @param optional the optional clauses
	 * @param prohibited the prohibited clauses
	 * @param minimumShouldMatch how many optional clauses must match
	 */
	record Bool(Condition[] required, Condition[] optional, Condition[] prohibited,
			int minimumShouldMatch) implements Condition {

		@Override
		public boolean matches(ArticleTerms article) {
			for (Condition condition : this.required) {
				if (!condition.matches(article)) {
					return false;
				}
			}
			if (this.minimumShouldMatch > 0) {
				int matched = 0;
				for (int i = 0; i < this.optional.length && matched < this.minimumShouldMatch; i++) {
					if (this.optional[i].matches(article)) {
						matched++;
					}
				}
				if (matched < this.minimumShouldMatch) {
					return false;
				}
			}
			for (Condition condition : this.prohibited) {
				if (condition.matches(article)) {
					return false;
				}
			}
			return true;
		}

		@Override
		public Set<FieldTerm> anchors() {
			Set<FieldTerm> best = null;
			for (Condition condition : this.required) {
				Set<FieldTerm> anchors = condition.anchors();
				if (anchors != null && (best == null || commonness(anchors) < commonness(best))) {
					best = anchors;
				}
			}
			if (best != null) {
				return best;
			}
			if (this.minimumShouldMatch == 0) {
				return null;
			}
			// at least one optional clause matches: any of their anchors
			Set<FieldTerm> union = new HashSet<>();
			for (Condition condition : this.optional) {
				Set<FieldTerm> anchors = condition.anchors();
				if (anchors == null) {
					return null;
				}
				union.addAll(anchors);
			}
			return union;
		}

	}

}

package dev.newsmon.analysis.tagging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * The fields of one article, each analysed once into its tokens with positions and
 * offsets, and the hits of a clause in them. Exact phrases and single words are looked up
 * in the tokens, as Lucene's exact phrase matcher would find them; sloppy phrases go to
 * Lucene itself over a {@link MemoryIndex} of their field, built from the same tokens
 * when one is first needed. Not thread-safe: one per article.
 */
final class AnalysedArticle {

	private final Map<String, FieldTokens> fields;

	// one small index per field that a sloppy phrase needs, built on first use
	private final Map<String, IndexSearcher> searchers = new HashMap<>();

	private AnalysedArticle(Map<String, FieldTokens> fields) {
		this.fields = fields;
	}

	/**
	 * Analyses the texts of the fields.
	 * @param analyzers the analysers by field
	 * @param texts the text of each field
	 * @return the analysed article
	 */
	static AnalysedArticle analyse(Analyzer analyzers, Map<String, String> texts) {
		Map<String, FieldTokens> fields = new LinkedHashMap<>();
		texts.forEach((field, text) -> {
			FieldTokens tokens = FieldTokens.analyse(analyzers, field, text);
			if (tokens.size > 0) {
				fields.put(field, tokens);
			}
		});
		return new AnalysedArticle(fields);
	}

	boolean isEmpty() {
		return this.fields.isEmpty();
	}

	Map<String, FieldTokens> fields() {
		return this.fields;
	}

	/**
	 * Adds the hits of a clause, keyed as Lucene's highlights key them (first and last
	 * position); a key already present keeps its first hit.
	 * @param clause the clause
	 * @param hits the hits of the clause's query so far, by field, then key
	 */
	void addHits(MatchQuery.Clause clause, Map<String, Map<Long, Hit>> hits) {
		FieldTokens tokens = this.fields.get(clause.field());
		if (tokens == null) {
			return;
		}
		if (clause.slop() > 0) {
			for (TextAnalyzers.Token token : clause.tokens()) {
				if (!tokens.occurrences.containsKey(token.term())) {
					return;
				}
			}
			if (mayMatchSloppy(tokens, clause)) {
				addSloppyHits(clause, hits);
			}
			return;
		}
		TextAnalyzers.Token first = clause.tokens().get(0);
		int[] leads = tokens.occurrences.get(first.term());
		if (leads == null) {
			return;
		}
		for (int lead : leads) {
			if (lead < 0) {
				break;
			}
			int start = tokens.positions[lead] - first.position();
			int lastToken = lead;
			boolean matches = true;
			for (int i = 1; i < clause.tokens().size() && matches; i++) {
				TextAnalyzers.Token token = clause.tokens().get(i);
				int at = tokens.find(token.term(), start + token.position());
				matches = at >= 0;
				lastToken = at;
			}
			if (matches) {
				int startPosition = tokens.positions[lead];
				int endPosition = tokens.positions[lastToken];
				hits.computeIfAbsent(clause.field(), (f) -> new TreeMap<>())
					.putIfAbsent(key(startPosition, endPosition),
							new Hit(clause.field(), tokens.starts[lead], tokens.ends[lastToken]));
			}
		}
	}

	/**
	 * Whether some occurrence of the clause's first word has every other word within
	 * {@code slop} positions of where the phrase puts it: a sloppy match needs that, so
	 * an article that has the words far apart never costs a Lucene query.
	 */
	private static boolean mayMatchSloppy(FieldTokens tokens, MatchQuery.Clause clause) {
		TextAnalyzers.Token first = clause.tokens().get(0);
		for (int lead : tokens.occurrences.get(first.term())) {
			if (lead < 0) {
				break;
			}
			int origin = tokens.positions[lead] - first.position();
			boolean near = true;
			for (int i = 1; i < clause.tokens().size() && near; i++) {
				TextAnalyzers.Token token = clause.tokens().get(i);
				near = tokens.hasNear(token.term(), origin + token.position(), clause.slop());
			}
			if (near) {
				return true;
			}
		}
		return false;
	}

	private void addSloppyHits(MatchQuery.Clause clause, Map<String, Map<Long, Hit>> hits) {
		try {
			IndexSearcher searcher = searcher(clause.field());
			Weight weight = searcher.createWeight(searcher.rewrite(clause.phrase()), ScoreMode.COMPLETE_NO_SCORES, 1);
			Matches matches = weight.matches(searcher.getIndexReader().leaves().get(0), 0);
			if (matches == null) {
				return;
			}
			for (String field : matches) {
				MatchesIterator iterator = matches.getMatches(field);
				while (iterator != null && iterator.next()) {
					MatchesIterator sub = iterator.getSubMatches();
					if (sub != null) {
						while (sub.next()) {
							hits.computeIfAbsent(field, (f) -> new TreeMap<>())
								.putIfAbsent(key(sub.startPosition(), sub.endPosition()),
										new Hit(field, sub.startOffset(), sub.endOffset()));
						}
					}
					else {
						hits.computeIfAbsent(field, (f) -> new TreeMap<>())
							.putIfAbsent(key(iterator.startPosition(), iterator.endPosition()),
									new Hit(field, iterator.startOffset(), iterator.endOffset()));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private IndexSearcher searcher(String field) {
		return this.searchers.computeIfAbsent(field, (name) -> {
			MemoryIndex index = new MemoryIndex(true);
			index.addField(name, new Replay(this.fields.get(name)));
			return index.createSearcher();
		});
	}

	private static long key(int startPosition, int endPosition) {
		return ((long) startPosition << 32) | (endPosition & 0xFFFFFFFFL);
	}

	/**
	 * A matched stretch of a field.
	 *
	 * @param field the field
	 * @param start the offset of the first character
	 * @param end the offset after the last character
	 */
	record Hit(String field, int start, int end) {

	}

	/**
	 * The tokens of one field, in order, and where each term occurs.
	 */
	static final class FieldTokens {

		private String[] terms = new String[64];

		private int[] positions = new int[64];

		private int[] starts = new int[64];

		private int[] ends = new int[64];

		private int size;

		// the words of the field, compounds that span their parts left out: for Japanese
		// and Korean fields as the event contract segments them
		private final StringBuilder words = new StringBuilder();

		// token indexes of each term, in order, padded with -1
		private final Map<String, int[]> occurrences = new HashMap<>();

		static FieldTokens analyse(Analyzer analyzer, String field, String text) {
			FieldTokens tokens = new FieldTokens();
			try (TokenStream stream = analyzer.tokenStream(field, text)) {
				CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
				PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
				PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
				OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
				stream.reset();
				int position = -1;
				while (stream.incrementToken()) {
					position += increment.getPositionIncrement();
					String word = term.toString();
					tokens.add(word, position, offset.startOffset(), offset.endOffset());
					// the contract's words are the parts, never a compound that spans
					// them
					if (length.getPositionLength() == 1) {
						if (!tokens.words.isEmpty()) {
							tokens.words.append(' ');
						}
						tokens.words.append(word.toLowerCase(Locale.ROOT));
					}
				}
				stream.end();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return tokens;
		}

		private void add(String term, int position, int start, int end) {
			if (this.size == this.terms.length) {
				int length = this.size * 2;
				this.terms = Arrays.copyOf(this.terms, length);
				this.positions = Arrays.copyOf(this.positions, length);
				this.starts = Arrays.copyOf(this.starts, length);
				this.ends = Arrays.copyOf(this.ends, length);
			}
			int index = this.size++;
			this.terms[index] = term;
			this.positions[index] = position;
			this.starts[index] = start;
			this.ends[index] = end;
			int[] at = this.occurrences.get(term);
			if (at == null) {
				at = new int[] { index, -1 };
				this.occurrences.put(term, at);
			}
			else if (at[at.length - 1] >= 0) {
				int[] grown = Arrays.copyOf(at, at.length * 2);
				Arrays.fill(grown, at.length + 1, grown.length, -1);
				grown[at.length] = index;
				this.occurrences.put(term, grown);
			}
			else {
				int free = at.length - 1;
				while (free > 0 && at[free - 1] < 0) {
					free--;
				}
				at[free] = index;
			}
		}

		/** Returns the index of a token of the term at the position, or -1. */
		private int find(String term, int position) {
			int[] at = this.occurrences.get(term);
			if (at != null) {
				for (int index : at) {
					if (index < 0 || this.positions[index] > position) {
						break;
					}
					if (this.positions[index] == position) {
						return index;
					}
				}
			}
			return -1;
		}

		/** Whether the term occurs at most {@code distance} positions from a position. */
		private boolean hasNear(String term, int position, int distance) {
			for (int index : this.occurrences.get(term)) {
				if (index < 0 || this.positions[index] > position + distance) {
					break;
				}
				if (this.positions[index] >= position - distance) {
					return true;
				}
			}
			return false;
		}

		Set<String> terms() {
			return this.occurrences.keySet();
		}

		/**
		 * The words of the field, lower-cased and joined by spaces; for a Japanese or
		 * Korean field as segmenter {@code lucene-kuromoji-nori/1} of the event contract
		 * has them.
		 * @return the words
		 */
		String words() {
			return this.words.toString();
		}

	}

	/**
	 * Plays the tokens of a field back to a {@link MemoryIndex}, with their positions and
	 * offsets, so that no field is analysed twice.
	 */
	private static final class Replay extends TokenStream {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

		private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

		private final FieldTokens tokens;

		private int next;

		Replay(FieldTokens tokens) {
			this.tokens = tokens;
		}

		@Override
		public boolean incrementToken() {
			if (this.next >= this.tokens.size) {
				return false;
			}
			clearAttributes();
			int index = this.next++;
			this.term.setEmpty().append(this.tokens.terms[index]);
			int previous = (index > 0) ? this.tokens.positions[index - 1] : -1;
			this.increment.setPositionIncrement(this.tokens.positions[index] - previous);
			this.offset.setOffset(this.tokens.starts[index], this.tokens.ends[index]);
			return true;
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			this.next = 0;
		}

	}

}

package dev.newsmon.search.alert.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The terms of an article's text fields with their positions, as Lucene would index them:
 * each field analysed once, positions counted from the tokens' position increments.
 */
final class ArticleTerms {

	private final Map<String, Map<String, Positions>> fields = new LinkedHashMap<>();

	/**
	 * Analyses the text of the fields.
	 * @param analyzer the analyzer of each field
	 * @param texts the text of each field (absent or empty fields are left out)
	 * @return the terms
	 */
	static ArticleTerms analyse(Analyzer analyzer, Map<String, String> texts) {
		ArticleTerms terms = new ArticleTerms();
		for (Map.Entry<String, String> field : texts.entrySet()) {
			if (field.getValue() != null && !field.getValue().isEmpty()) {
				terms.fields.put(field.getKey(), analyse(analyzer, field.getKey(), field.getValue()));
			}
		}
		return terms;
	}

	private static Map<String, Positions> analyse(Analyzer analyzer, String field, String text) {
		Map<String, Positions> terms = new HashMap<>();
		try (TokenStream stream = analyzer.tokenStream(field, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
			stream.reset();
			int position = -1;
			while (stream.incrementToken()) {
				position += increment.getPositionIncrement();
				terms.computeIfAbsent(term.toString(), (key) -> new Positions()).add(position);
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

	/**
	 * The positions of a term in a field.
	 * @param field the field
	 * @param term the term
	 * @return its positions, or {@code null} if the field does not have it
	 */
	Positions positions(String field, String term) {
		Map<String, Positions> terms = this.fields.get(field);
		return (terms != null) ? terms.get(term) : null;
	}

	/**
	 * The terms of each field.
	 * @return the terms by field
	 */
	Map<String, Map<String, Positions>> fields() {
		return this.fields;
	}

	/** The positions of one term, ascending. */
	static final class Positions {

		private int[] positions = new int[2];

		private int size;

		void add(int position) {
			if (this.size == this.positions.length) {
				this.positions = Arrays.copyOf(this.positions, this.size * 2);
			}
			this.positions[this.size++] = position;
		}

		int size() {
			return this.size;
		}

		int at(int index) {
			return this.positions[index];
		}

		boolean contains(int position) {
			return Arrays.binarySearch(this.positions, 0, this.size, position) >= 0;
		}

	}

}

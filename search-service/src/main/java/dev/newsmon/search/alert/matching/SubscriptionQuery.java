package dev.newsmon.search.alert.matching;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.newsmon.search.cjk.CjkTokenizer;
import dev.newsmon.search.query.QueryText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Turns a query in the simple syntax into the Lucene query that {@code /api/search} runs
 * for it. Search sends Elasticsearch a {@code simple_query_string} over {@code title^3},
 * {@code summary^2} and {@code body} (standard analyzer, no stop words) or over
 * {@code text_cjk} (whitespace analyzer), default operator AND, with the flags AND, OR,
 * NOT, PHRASE, PRECEDENCE and WHITESPACE, after {@link QueryText}'s rewriting.
 * Elasticsearch builds that query with Lucene's {@link SimpleQueryParser}, so this class
 * uses the same parser with the same analyzers, fields and flags.
 */
public final class SubscriptionQuery {

	static final String CJK_FIELD = "text_cjk";

	static final int FLAGS = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.OR_OPERATOR
			| SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR
			| SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.WHITESPACE_OPERATOR;

	private static final Map<String, Float> TEXT_FIELDS = textFields();

	private final CjkTokenizer tokenizer;

	private final Analyzer standard = new StandardAnalyzer(CharArraySet.EMPTY_SET);

	private final Analyzer whitespace = new WhitespaceAnalyzer();

	/**
	 * Creates the translation.
	 * @param tokenizer the tokenizer that segmented the articles' CJK text
	 */
	public SubscriptionQuery(CjkTokenizer tokenizer) {
		this.tokenizer = tokenizer;
	}

	/**
	 * The analyzer of each field of an article document as Elasticsearch maps them.
	 * @return the analyzer
	 */
	Analyzer documentAnalyzer() {
		return new org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper(this.standard,
				Map.of(CJK_FIELD, this.whitespace));
	}

	/**
	 * The Lucene query for a query text.
	 * @param q the query in the simple syntax
	 * @return the query; a {@link MatchNoDocsQuery} when it has nothing to search for
	 */
	public Query toLucene(String q) {
		BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
		int clauses = 0;
		Query standardQuery = parser(this.standard, TEXT_FIELDS).parse(QueryText.forStandardFields(q));
		if (!(standardQuery instanceof MatchNoDocsQuery)) {
			alternatives.add(standardQuery, BooleanClause.Occur.SHOULD);
			clauses++;
		}
		String cjk = QueryText.forCjkField(q, this.tokenizer);
		if (cjk != null) {
			Query cjkQuery = parser(this.whitespace, Map.of(CJK_FIELD, 1.0f)).parse(cjk);
			if (!(cjkQuery instanceof MatchNoDocsQuery)) {
				alternatives.add(cjkQuery, BooleanClause.Occur.SHOULD);
				clauses++;
			}
		}
		return (clauses > 0) ? alternatives.build() : new MatchNoDocsQuery("nothing to search for");
	}

	/**
	 * What is wrong with a query: something it can never match, or an unbalanced quote or
	 * parenthesis, which search forgives but which a standing query should not carry.
	 * @param q the query
	 * @return the problem, or {@code null}
	 */
	public String problem(String q) {
		int quotes = 0;
		int depth = 0;
		boolean inPhrase = false;
		for (int i = 0; i < q.length(); i++) {
			char c = q.charAt(i);
			if (c == '"') {
				quotes++;
				inPhrase = !inPhrase;
			}
			else if (!inPhrase && c == '(') {
				depth++;
			}
			else if (!inPhrase && c == ')') {
				depth--;
				if (depth < 0) {
					return "has a ')' without its '('";
				}
			}
		}
		if (quotes % 2 != 0) {
			return "has a quote that is not closed";
		}
		if (depth != 0) {
			return "has a '(' that is not closed";
		}
		if (toLucene(q) instanceof MatchNoDocsQuery) {
			return "has no word to search for";
		}
		return null;
	}

	private static SimpleQueryParser parser(Analyzer analyzer, Map<String, Float> fields) {
		SimpleQueryParser parser = new SimpleQueryParser(analyzer, fields, FLAGS);
		parser.setDefaultOperator(BooleanClause.Occur.MUST);
		return parser;
	}

	private static Map<String, Float> textFields() {
		Map<String, Float> fields = new LinkedHashMap<>();
		fields.put("title", 3.0f);
		fields.put("summary", 2.0f);
		fields.put("body", 1.0f);
		return fields;
	}

}

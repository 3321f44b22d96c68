package dev.newsmon.search.query;

import java.util.List;
import java.util.function.Function;

import dev.newsmon.search.cjk.CjkTokenizer;

/**
 * Rewrites a query in the simple syntax (words, "phrases", -exclusion, | for OR, + and
 * parentheses) term by term, keeping its operators.
 * <ul>
 * <li>For the standard-analysed fields, a word written in a CJK script becomes a phrase:
 * the standard analyzer splits Han and kana into single characters, and only a phrase
 * keeps them together, so 北朝鮮 does not match 北 … 朝 … 鮮 scattered over an article.</li>
 * <li>For the {@code text_cjk} field, each word is segmented by Kuromoji or Nori exactly
 * as the articles were, so 북한 finds 북한은 and インド太平洋戦略 finds its three words in a row.</li>
 * </ul>
 * Alert matching rewrites subscription queries with it too, so that a subscription finds
 * exactly what the same search finds.
 */
public final class QueryText {

	private QueryText() {
	}

	/**
	 * The query for the standard-analysed fields.
	 * @param q the user's query
	 * @return the query with CJK words quoted
	 */
	public static String forStandardFields(String q) {
		return rewrite(q, (term) -> CjkTokenizer.containsCjk(term) ? '"' + term + '"' : term, null);
	}

	/**
	 * The query for the {@code text_cjk} field, or {@code null} when the query has no CJK
	 * characters and so nothing to find there that the other fields do not find.
	 * @param q the user's query
	 * @param tokenizer the tokenizer that segmented the articles
	 * @return the segmented query, or {@code null}
	 */
	public static String forCjkField(String q, CjkTokenizer tokenizer) {
		if (!CjkTokenizer.containsCjk(q)) {
			return null;
		}
		String rewritten = rewrite(q, (term) -> words(tokenizer.tokenizeQueryTerm(term, q), false),
				(phrase) -> words(tokenizer.tokenizeQueryTerm(phrase, q), true));
		return rewritten.isBlank() ? null : rewritten;
	}

	/**
	 * Rewrites each term and phrase.
	 * @param q the query
	 * @param terms what a term becomes; empty drops it
	 * @param phrases what the inside of a phrase becomes, or {@code null} to keep phrases
	 */
	private static String rewrite(String q, Function<String, String> terms, Function<String, String> phrases) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		int length = q.length();
		while (i < length) {
			char c = q.charAt(i);
			if (Character.isWhitespace(c) || c == '|' || c == '+' || c == '(' || c == ')') {
				out.append(c);
				i++;
				continue;
			}
			boolean negated = false;
			if (c == '-' && i + 1 < length && !Character.isWhitespace(q.charAt(i + 1))) {
				negated = true;
				i++;
				c = q.charAt(i);
			}
			String replacement;
			if (c == '"') {
				int end = q.indexOf('"', i + 1);
				int stop = (end < 0) ? length : end;
				String phrase = q.substring(i + 1, stop);
				i = (end < 0) ? length : end + 1;
				replacement = (phrases != null) ? phrases.apply(phrase) : '"' + phrase + '"';
			}
			else {
				int start = i;
				// a backslash escapes nothing: Elasticsearch is not given the escape
				// operator, so a quote after one still opens a phrase there
				while (i < length && !isTermEnd(q, i)) {
					i++;
				}
				replacement = terms.apply(q.substring(start, i));
			}
			if (!replacement.isEmpty()) {
				out.append(negated ? "-" : "").append(replacement);
			}
		}
		return out.toString().strip();
	}

	private static boolean isTermEnd(String q, int i) {
		char c = q.charAt(i);
		return Character.isWhitespace(c) || c == '|' || c == '+' || c == '(' || c == ')' || c == '"';
	}

	private static String words(List<String> tokens, boolean phrase) {
		if (tokens == null || tokens.isEmpty()) {
			return "";
		}
		if (tokens.size() == 1 && !phrase) {
			return escape(tokens.get(0));
		}
		StringBuilder out = new StringBuilder("\"");
		for (String token : tokens) {
			if (out.length() > 1) {
				out.append(' ');
			}
			out.append(escape(token));
		}
		return out.append('"').toString();
	}

	private static String escape(String token) {
		StringBuilder out = new StringBuilder(token.length());
		for (char c : token.toCharArray()) {
			if ("+|-\"*()~\\".indexOf(c) >= 0) {
				out.append('\\');
			}
			out.append(c);
		}
		return out.toString();
	}

}

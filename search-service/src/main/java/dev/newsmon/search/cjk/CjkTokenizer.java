package dev.newsmon.search.cjk;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Splits Japanese text into words with Kuromoji and Korean text with Nori. Documents and
 * queries go through the same analyzers, so that the whitespace-separated tokens stored
 * in Elasticsearch match the tokens of a query. Thread-safe: Lucene analyzers keep their
 * per-thread state themselves.
 */
public final class CjkTokenizer {

	private final Analyzer japanese = new JapaneseAnalyzer();

	private final Analyzer korean = new KoreanAnalyzer(koreanUserDictionary(), KoreanTokenizer.DecompoundMode.DISCARD,
			KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS, false);

	/**
	 * Tokenises the text of an article written in the given language.
	 * @param text the text
	 * @param language the article's language (ISO 639-1); {@code ja} and {@code ko} are
	 * segmented, other languages are segmented only when their text is written in a CJK
	 * script
	 * @return the lower-case words, in order; empty when the text is not Japanese or
	 * Korean
	 */
	public List<String> tokenize(String text, String language) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		Script script = switch (language == null ? "" : language) {
			case "ja" -> Script.JAPANESE;
			case "ko" -> Script.KOREAN;
			default -> Script.of(text);
		};
		return tokenize(text, script);
	}

	/**
	 * Tokenises a query, choosing the analyzer from the script it is written in: Hangul
	 * means Korean, kana or Han characters mean Japanese.
	 * @param text the query text
	 * @return the lower-case words, in order; empty when the text has no CJK characters
	 */
	public List<String> tokenizeQuery(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return tokenize(text, Script.of(text));
	}

	/**
	 * Tokenises a query term in the script that the whole query is written in.
	 * @param term one term of the query
	 * @param query the whole query, whose script chooses the analyzer
	 * @return the lower-case words of the term, in order
	 */
	public List<String> tokenizeQueryTerm(String term, String query) {
		if (term == null || term.isBlank()) {
			return List.of();
		}
		return tokenize(term, Script.of(query));
	}

	/**
	 * Whether the text contains a character of a CJK script (Han, kana or Hangul).
	 * @param text the text
	 * @return {@code true} when it does
	 */
	public static boolean containsCjk(String text) {
		return Script.of(text) != Script.OTHER;
	}

	private List<String> tokenize(String text, Script script) {
		return switch (script) {
			case JAPANESE -> tokens(this.japanese, text);
			case KOREAN -> tokens(this.korean, text);
			case OTHER -> List.of();
		};
	}

	private static List<String> tokens(Analyzer analyzer, String text) {
		List<String> tokens = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			PositionLengthAttribute positionLength = stream.addAttribute(PositionLengthAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				// Kuromoji's search mode also emits a long compound spanning its parts;
				// keeping only the parts gives a flat sequence that phrase queries can
				// use
				if (positionLength.getPositionLength() == 1) {
					tokens.add(term.toString().toLowerCase(Locale.ROOT));
				}
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

	private static UserDictionary koreanUserDictionary() {
		try (Reader reader = new InputStreamReader(
				CjkTokenizer.class.getResourceAsStream("/cjk/nori-user-dictionary.txt"), StandardCharsets.UTF_8)) {
			return UserDictionary.open(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private enum Script {

		JAPANESE, KOREAN, OTHER;

		static Script of(String text) {
			boolean han = false;
			for (int i = 0; i < text.length();) {
				int codePoint = text.codePointAt(i);
				Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
				if (script == Character.UnicodeScript.HANGUL) {
					return KOREAN;
				}
				if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
						|| script == Character.UnicodeScript.HAN) {
					han = true;
				}
				i += Character.charCount(codePoint);
			}
			return han ? JAPANESE : OTHER;
		}

	}

}

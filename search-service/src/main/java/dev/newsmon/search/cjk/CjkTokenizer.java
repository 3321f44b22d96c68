package dev.newsmon.search.cjk;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.newsmon.events.ArticleAnalyzed;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Splits Japanese text into words with Kuromoji and Korean text with Nori, as segmenter
 * {@value ArticleAnalyzed.CjkWords#SEGMENTER} of the event contract does
 * (analysis-service segments articles the same way and sends the words along). Documents
 * and queries go through the same analyzers, so that the whitespace-separated tokens
 * stored in Elasticsearch match the tokens of a query. Thread-safe: Lucene analyzers keep
 * their per-thread state themselves.
 */
public final class CjkTokenizer {

	private final Analyzer japanese = new JapaneseAnalyzer();

	private final Analyzer korean = new KoreanAnalyzer(koreanUserDictionary(), KoreanTokenizer.DecompoundMode.DISCARD,
			koreanStopTags(), false);

	/**
	 * The words of an article's title, summary and body, as the contract's segmenter
	 * splits them.
	 * @param title the title
	 * @param summary the summary, possibly {@code null}
	 * @param body the body, possibly {@code null}
	 * @param language the article's language (ISO 639-1)
	 * @return the words of the three sections
	 */
	public ArticleAnalyzed.CjkWords words(String title, String summary, String body, String language) {
		String safeBody = (body != null) ? body : "";
		// the summary counts only when the body does not repeat it
		String safeSummary = (summary == null || safeBody.contains(summary.strip())) ? "" : summary;
		return new ArticleAnalyzed.CjkWords(ArticleAnalyzed.CjkWords.SEGMENTER, sectionWords(title, language),
				sectionWords(safeSummary, language), sectionWords(safeBody, language));
	}

	private String sectionWords(String text, String language) {
		return String.join(" ", tokenize(text, language));
	}

	/**
	 * Tokenises one section of an article written in the given language: a section in the
	 * article's language ({@code ja}: Han or kana, {@code ko}: Hangul) goes to that
	 * language's analyzer, any other to Nori if it has Hangul, else to Kuromoji if it has
	 * Han or kana.
	 * @param text the text
	 * @param language the article's language (ISO 639-1)
	 * @return the lower-case words, in order; empty when the text has no CJK characters
	 */
	public List<String> tokenize(String text, String language) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		Scripts scripts = Scripts.of(text);
		Script script;
		if ("ja".equals(language) && scripts.hanOrKana()) {
			script = Script.JAPANESE;
		}
		else if ("ko".equals(language) && scripts.hangul()) {
			script = Script.KOREAN;
		}
		else {
			script = scripts.script();
		}
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
		return tokenize(text, Scripts.of(text).script());
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
		return tokenize(term, Scripts.of(query).script());
	}

	/**
	 * Whether the text contains a character of a CJK script (Han, kana or Hangul).
	 * @param text the text
	 * @return {@code true} when it does
	 */
	public static boolean containsCjk(String text) {
		return Scripts.of(text).script() != Script.OTHER;
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
				ArticleAnalyzed.class.getResourceAsStream("nori-user-dictionary.txt"), StandardCharsets.UTF_8)) {
			return UserDictionary.open(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// determiners and prefixes stay: 한 of 한·일, 오 of 오커스
	private static Set<POS.Tag> koreanStopTags() {
		Set<POS.Tag> tags = EnumSet.copyOf(KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS);
		tags.removeAll(EnumSet.of(POS.Tag.MM, POS.Tag.XPN));
		return tags;
	}

	private enum Script {

		JAPANESE, KOREAN, OTHER

	}

	/**
	 * Which CJK scripts a text has.
	 */
	private record Scripts(boolean hanOrKana, boolean hangul) {

		// no Han, kana or Hangul code point comes before the Hangul jamo
		private static final int FIRST_CJK = 0x1100;

		static Scripts of(String text) {
			boolean hanOrKana = false;
			boolean hangul = false;
			for (int i = 0; i < text.length() && !(hanOrKana && hangul);) {
				int codePoint = text.codePointAt(i);
				i += Character.charCount(codePoint);
				if (codePoint < FIRST_CJK) {
					continue;
				}
				Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
				hangul |= script == Character.UnicodeScript.HANGUL;
				hanOrKana |= script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
						|| script == Character.UnicodeScript.KATAKANA;
			}
			return new Scripts(hanOrKana, hangul);
		}

		/** Hangul means Korean, else Han or kana means Japanese. */
		Script script() {
			return this.hangul ? Script.KOREAN : (this.hanOrKana ? Script.JAPANESE : Script.OTHER);
		}

	}

}

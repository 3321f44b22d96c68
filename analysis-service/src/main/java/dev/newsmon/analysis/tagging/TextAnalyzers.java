package dev.newsmon.analysis.tagging;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.newsmon.events.ArticleAnalyzed;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The analysers of the fields an article is indexed into: every section of the text
 * ({@code title}, {@code summary}, {@code body}) is analysed once per language, because
 * Japanese and Korean articles also carry English acronyms and a feed's language is not
 * to be trusted. Rules and articles go through the same analysers, so a rule matches
 * words, not substrings: kuromoji splits Japanese in search mode, nori drops Korean
 * particles (북한은, 북한의 match 북한), English is lower-cased and Porter-stemmed.
 */
final class TextAnalyzers {

	static final List<String> SECTIONS = List.of("title", "summary", "body");

	private final Map<String, Analyzer> byLanguage;

	private final Analyzer perField;

	TextAnalyzers() {
		Map<String, Analyzer> analyzers = new LinkedHashMap<>();
		analyzers.put("en", new EnglishAnalyzer());
		analyzers.put("ja", new JapaneseAnalyzer(null, JapaneseTokenizer.Mode.SEARCH,
				JapaneseAnalyzer.getDefaultStopSet(), JapaneseAnalyzer.getDefaultStopTags()));
		// determiners and prefixes stay: the defaults drop the 한 of 한·일 and the 오 of 오커스;
		// the user dictionary of the event contract keeps 한일, 한미, 남북 whole
		Set<POS.Tag> koreanStopTags = EnumSet.copyOf(KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS);
		koreanStopTags.removeAll(EnumSet.of(POS.Tag.MM, POS.Tag.XPN));
		analyzers.put("ko", new KoreanAnalyzer(koreanUserDictionary(), KoreanTokenizer.DecompoundMode.DISCARD,
				koreanStopTags, false));
		this.byLanguage = Map.copyOf(analyzers);
		Map<String, Analyzer> fields = new LinkedHashMap<>();
		for (String section : SECTIONS) {
			for (String language : TopicRule.LANGUAGES) {
				fields.put(field(section, language), analyzers.get(language));
			}
		}
		this.perField = new PerFieldAnalyzerWrapper(analyzers.get("en"), fields);
	}

	static String field(String section, String language) {
		return section + "_" + language;
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

	static String section(String field) {
		return field.substring(0, field.indexOf('_'));
	}

	Analyzer perField() {
		return this.perField;
	}

	/**
	 * Analyses a rule's alias as text of a language.
	 * @param language the language
	 * @param text the alias
	 * @return the tokens with their positions, first at 0; empty if nothing is left
	 */
	List<Token> tokens(String language, String text) {
		List<Token> tokens = new ArrayList<>();
		try (TokenStream stream = this.byLanguage.get(language).tokenStream(field("title", language), text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
			stream.reset();
			int position = -1;
			while (stream.incrementToken()) {
				position += Math.max(increment.getPositionIncrement(), (position < 0) ? 1 : 0);
				tokens.add(new Token(term.toString(), position));
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int first = tokens.isEmpty() ? 0 : tokens.get(0).position();
		return tokens.stream().map((token) -> new Token(token.term(), token.position() - first)).toList();
	}

	void close() {
		this.perField.close();
		this.byLanguage.values().forEach(Analyzer::close);
	}

	/**
	 * A token of an analysed alias.
	 */
	record Token(String term, int position) {

	}

	/**
	 * English: standard tokens, possessives dropped, "US" told apart from "us", then
	 * lower-cased and stemmed. No stop words, so phrases keep their shape.
	 */
	private static final class EnglishAnalyzer extends Analyzer {

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new StandardTokenizer();
			TokenStream result = new EnglishPossessiveFilter(source);
			result = new UnitedStatesFilter(result);
			result = new LowerCaseFilter(result);
			result = new PorterStemFilter(result);
			return new TokenStreamComponents(source, result);
		}

		@Override
		protected TokenStream normalize(String fieldName, TokenStream in) {
			return new LowerCaseFilter(in);
		}

	}

	/**
	 * Rewrites the upper-case abbreviations of the United States to one token before
	 * lower-casing would merge "US" with the pronoun "us".
	 */
	private static final class UnitedStatesFilter extends TokenFilter {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		UnitedStatesFilter(TokenStream input) {
			super(input);
		}

		@Override
		public boolean incrementToken() throws IOException {
			if (!this.input.incrementToken()) {
				return false;
			}
			String text = this.term.toString();
			if (text.equals("US") || text.equals("U.S") || text.equals("U.S.") || text.equals("USA")
					|| text.equals("U.S.A")) {
				this.term.setEmpty().append("u.s.");
			}
			return true;
		}

	}

}

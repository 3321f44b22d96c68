package dev.newsmon.analysis.language;

import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Pattern;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * Detects the language of a text as an ISO 639-1 code, or {@value #UNDETERMINED}.
 * <p>
 * Scripts decide first, because statistical models misjudge short titles that mix scripts
 * ("NATO、日韓と連携強化"): any kana makes a text Japanese even when Han characters dominate,
 * Hangul makes it Korean. Han-only text is Chinese unless the hint says Japanese. Other
 * texts go to lingua over a small set of languages, built once; the hint breaks near ties
 * and decides very short texts. Thread-safe.
 */
public final class LanguageDetection {

	/** The code of a language that could not be determined. */
	public static final String UNDETERMINED = "und";

	private static final Language[] LANGUAGES = { Language.ENGLISH, Language.JAPANESE, Language.KOREAN,
			Language.CHINESE, Language.RUSSIAN, Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.VIETNAMESE,
			Language.ARABIC, Language.INDONESIAN, Language.PORTUGUESE, Language.ITALIAN };

	// below this many letters statistics say little; a declared language is better
	private static final int SHORT_TEXT_LETTERS = 12;

	// confidence values closer than this count as a tie that the hint may break
	private static final double NEAR_TIE = 0.15;

	private static final Pattern ACRONYM = Pattern.compile("\\b\\p{Lu}{2,}\\b");

	private final LanguageDetector detector;

	private LanguageDetection(LanguageDetector detector) {
		this.detector = detector;
	}

	/**
	 * Creates a detector over the languages newsmon meets. Models load lazily, on first
	 * use of each language.
	 * @param lowAccuracy whether to use lingua's low accuracy mode (trigrams only), which
	 * needs far less memory and is as good on article-length text
	 * @return the detection
	 */
	public static LanguageDetection create(boolean lowAccuracy) {
		LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromLanguages(LANGUAGES);
		if (lowAccuracy) {
			builder = builder.withLowAccuracyMode();
		}
		return new LanguageDetection(builder.build());
	}

	/**
	 * Detects the language of a text.
	 * @param text the text, such as a title followed by the body
	 * @param hint the language the source declares (BCP 47, such as {@code en-US}), or
	 * {@code null}
	 * @return an ISO 639-1 code, or {@value #UNDETERMINED}
	 */
	public String detect(String text, String hint) {
		String hinted = primaryLanguage(hint);
		ScriptCounts scripts = ScriptCounts.of((text != null) ? text : "");
		if (scripts.letters() == 0) {
			return (hinted != null) ? hinted : UNDETERMINED;
		}
		if (scripts.hangul() > 0 && scripts.hangul() >= scripts.kana()) {
			return "ko";
		}
		if (scripts.kana() > 0) {
			return "ja";
		}
		if (scripts.han() > 0 && scripts.han() * 2 >= scripts.letters()) {
			return ("ja".equals(hinted) || "ko".equals(hinted)) ? hinted : "zh";
		}
		if (scripts.letters() < SHORT_TEXT_LETTERS && hinted != null) {
			return hinted;
		}
		return statistical(text, hinted);
	}

	private String statistical(String text, String hinted) {
		// acronyms (NATO, AUKUS) are the same in every language and only mislead the
		// models
		String words = ACRONYM.matcher(text).replaceAll(" ");
		SortedMap<Language, Double> confidences = this.detector
			.computeLanguageConfidenceValues(words.isBlank() ? text : words);
		if (confidences.isEmpty()) {
			return (hinted != null) ? hinted : UNDETERMINED;
		}
		// the map is sorted by descending confidence
		Map.Entry<Language, Double> best = confidences.entrySet().iterator().next();
		if (hinted != null) {
			for (Map.Entry<Language, Double> entry : confidences.entrySet()) {
				if (best.getValue() - entry.getValue() > NEAR_TIE) {
					break;
				}
				if (code(entry.getKey()).equals(hinted)) {
					return hinted;
				}
			}
		}
		return code(best.getKey());
	}

	private static String code(Language language) {
		if (language == Language.UNKNOWN) {
			return UNDETERMINED;
		}
		return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
	}

	private static String primaryLanguage(String hint) {
		if (hint == null || hint.isBlank()) {
			return null;
		}
		String primary = hint.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
		return (primary.length() == 2 && primary.chars().allMatch(Character::isLetter)) ? primary : null;
	}

	/**
	 * How many letters of each script a text has.
	 */
	private record ScriptCounts(int letters, int han, int kana, int hangul) {

		static ScriptCounts of(String text) {
			int letters = 0;
			int han = 0;
			int kana = 0;
			int hangul = 0;
			for (int i = 0; i < text.length();) {
				int codePoint = text.codePointAt(i);
				i += Character.charCount(codePoint);
				if (!Character.isLetter(codePoint)) {
					continue;
				}
				letters++;
				Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
				switch (script) {
					case HAN -> han++;
					case HIRAGANA, KATAKANA -> kana++;
					case HANGUL -> hangul++;
					default -> {
					}
				}
			}
			return new ScriptCounts(letters, han, kana, hangul);
		}

	}

}

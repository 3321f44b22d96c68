package dev.newsmon.analysis.tagging;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TextAnalyzers}.
 */
class TextAnalyzersTests {

	private static final TextAnalyzers analyzers = new TextAnalyzers();

	@AfterAll
	static void close() {
		analyzers.close();
	}

	private static List<String> terms(String language, String text) {
		return analyzers.tokens(language, text).stream().map(TextAnalyzers.Token::term).toList();
	}

	@Test
	void koreanParticlesAreDropped() {
		assertThat(terms("ko", "북한은")).containsExactly("북한");
		assertThat(terms("ko", "북한의")).containsExactly("북한");
	}

	@Test
	void koreanDeterminersStaySoAbbreviationsKeepTheirMeaning() {
		assertThat(terms("ko", "한·일")).containsExactly("한", "일");
		// the contract's user dictionary keeps the domain's compounds whole
		assertThat(terms("ko", "한일")).containsExactly("한일");
		assertThat(terms("ko", "남북")).containsExactly("남북");
	}

	@Test
	void japaneseIsSplitIntoWords() {
		assertThat(terms("ja", "北朝鮮のミサイル")).containsExactly("北朝鮮", "ミサイル");
	}

	@Test
	void englishUnitedStatesIsNotThePronoun() {
		assertThat(terms("en", "US troops told us")).containsExactly("u.s.", "troop", "told", "us");
		assertThat(terms("en", "U.S. troops")).startsWith("u.s.");
	}

}

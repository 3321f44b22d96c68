package dev.newsmon.analysis.language;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LanguageDetection}.
 */
class LanguageDetectionTests {

	private static final LanguageDetection detection = LanguageDetection.create(true);

	static Stream<Arguments> cases() {
		return Stream.of(Arguments.of("kana among Han and Latin", "NATO、日韓と連携強化", null, "ja"),
				Arguments.of("Hangul with a Han abbreviation", "北 미사일 발사", null, "ko"),
				Arguments.of("English acronyms", "AUKUS and the Quad", null, "en"),
				Arguments.of("English acronyms with a wrong hint", "AUKUS and the Quad", "ko", "en"),
				Arguments.of("Japanese sentence", "防衛省は新たな装備の調達計画を発表した。", "en", "ja"),
				Arguments.of("Korean sentence", "국방부는 내년 국방예산안을 국회에 제출했다.", null, "ko"),
				Arguments.of("Han only is Chinese", "中国人民解放军举行联合演习", null, "zh"),
				Arguments.of("Han only with a Japanese hint", "日米首脳会談", "ja-JP", "ja"),
				Arguments.of("English sentence",
						"The defence ministers met in Singapore to discuss maritime security in the region.", null,
						"en"),
				Arguments.of("French sentence",
						"Les ministres de la défense se sont réunis à Singapour pour parler de sécurité maritime.",
						null, "fr"),
				Arguments.of("German sentence",
						"Die Verteidigungsminister trafen sich in Singapur, um über maritime Sicherheit zu sprechen.",
						null, "de"),
				Arguments.of("Russian sentence",
						"Министры обороны встретились в Сингапуре для обсуждения безопасности.", null, "ru"),
				Arguments.of("very short text follows the hint", "Seoul", "ko", "ko"),
				Arguments.of("no letters", "2025 — 12:00", null, "und"), Arguments.of("nothing", "", "en", "en"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void detectsTheLanguage(String name, String text, String hint, String expected) {
		assertThat(detection.detect(text, hint)).isEqualTo(expected);
	}

}

package dev.newsmon.search.query;

import dev.newsmon.search.cjk.CjkTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class QueryTextTests {

	private static final CjkTokenizer tokenizer = new CjkTokenizer();

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = ';',
			value = { "missile launch; missile launch", "\"joint exercise\" -drill; \"joint exercise\" -drill",
					"nato | japan; nato | japan", "北朝鮮; \"北朝鮮\"", "NATO 日本; NATO \"日本\"",
					"-北朝鮮 missile; -\"北朝鮮\" missile", "(韓国 | 日本) +summit; (\"韓国\" | \"日本\") +summit" })
	void standardFieldsQuoteCjkWords(String q, String expected) {
		assertThat(QueryText.forStandardFields(q)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = ';', value = { "北朝鮮; 北朝鮮", "インド太平洋戦略; \"インド 太平洋 戦略\"", "북한; 북한", "북한은; 북한", "한일 관계; 한일 관계",
			"NATO 日本; nato 日本", "北朝鮮 -ミサイル; 北朝鮮 -ミサイル", "\"北朝鮮のミサイル\"; \"北朝鮮 ミサイル\"", "北朝鮮 | 韓国; 北朝鮮 | 韓国" })
	void cjkFieldGetsSegmentedWords(String q, String expected) {
		assertThat(QueryText.forCjkField(q, tokenizer)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "missile launch", "\"joint exercise\"", "nato -russia" })
	void cjkFieldIsSkippedWithoutCjkCharacters(String q) {
		assertThat(QueryText.forCjkField(q, tokenizer)).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "北朝鮮 F-35", "日本 (a|b)" })
	void tokensWithOperatorCharactersAreEscaped(String q) {
		assertThat(QueryText.forCjkField(q, tokenizer)).doesNotContain(" -35");
	}

	@Test
	void aBackslashDoesNotHideAQuoteFromThePhraseCount() {
		// Elasticsearch gets no escape operator: the quote opens a phrase there
		assertThat(QueryText.forStandardFields("北朝鮮\\\"x")).isEqualTo("\"北朝鮮\\\"\"x\"");
	}

}

package dev.newsmon.search.alert.matching;

import dev.newsmon.search.cjk.CjkTokenizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionQueryTests {

	private static final SubscriptionQuery queries = new SubscriptionQuery(new CjkTokenizer());

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = ';', value = { "missile; ((title:missile)^3.0 (summary:missile)^2.0 body:missile)",
			"Missile launch; (+((title:missile)^3.0 (summary:missile)^2.0 body:missile) +((title:launch)^3.0 (summary:launch)^2.0 body:launch))",
			"missile | launch; (((title:missile)^3.0 (summary:missile)^2.0 body:missile) ((title:launch)^3.0 (summary:launch)^2.0 body:launch))",
			"-missile; (-((title:missile)^3.0 (summary:missile)^2.0 body:missile) *:*)",
			"\"joint exercise\"; ((title:\"joint exercise\")^3.0 (summary:\"joint exercise\")^2.0 body:\"joint exercise\")",
			"F-35; ((+title:f +title:35)^3.0 (+summary:f +summary:35)^2.0 (+body:f +body:35))",
			"北朝鮮; ((title:\"北 朝 鮮\")^3.0 (summary:\"北 朝 鮮\")^2.0 body:\"北 朝 鮮\") text_cjk:北朝鮮",
			"북한은; ((title:북한은)^3.0 (summary:북한은)^2.0 body:북한은) text_cjk:북한" })
	void translatesLikeSimpleQueryString(String q, String lucene) {
		assertThat(queries.toLucene(q).toString()).isEqualTo(lucene);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';',
			value = { "'\"missile'; has a quote that is not closed", "(missile | launch; has a '(' that is not closed",
					"missile); has a ')' without its '('", "||; has no word to search for",
					"-; has no word to search for", "'\"\"'; has no word to search for",
					"(); has no word to search for" })
	void refusesQueriesThatCannotMatch(String q, String problem) {
		assertThat(queries.problem(q)).isEqualTo(problem);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', value = { "missile", "-missile", "\"a (b\"", "(a | b) -c", "北朝鮮 | 북한" })
	void takesQueriesThatCanMatch(String q) {
		assertThat(queries.problem(q)).isNull();
	}

}

package dev.newsmon.ingest.article;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CanonicalUrlTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					# case                           | input                                                        | canonical
					scheme and host lower-cased      | HTTPS://News.Example.COM/Path                                | https://news.example.com/Path
					path case kept                   | https://example.com/World/Asia/Story.HTML                    | https://example.com/World/Asia/Story.HTML
					default https port dropped       | https://example.com:443/a                                    | https://example.com/a
					default http port dropped        | http://example.com:80/a                                      | http://example.com/a
					other port kept                  | http://example.com:8080/a                                    | http://example.com:8080/a
					fragment dropped                 | https://example.com/a#comments                               | https://example.com/a
					empty path becomes slash         | https://example.com                                          | https://example.com/
					utm parameters dropped           | https://example.com/a?utm_source=rss&utm_medium=feed         | https://example.com/a
					utm in capitals dropped          | https://example.com/a?UTM_Campaign=x&id=1                    | https://example.com/a?id=1
					click ids dropped                | https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4     | https://example.com/a
					more trackers dropped            | https://example.com/a?ocid=1&cmpid=2&igshid=3&ref_src=4&_ga=5 | https://example.com/a
					remaining parameters sorted      | https://example.com/a?page=2&id=7&utm_source=x               | https://example.com/a?id=7&page=2
					same name sorted by value        | https://example.com/a?tag=b&tag=a                            | https://example.com/a?tag=a&tag=b
					empty parameters dropped         | https://example.com/a?&id=1&&                                | https://example.com/a?id=1
					query encoding kept              | https://example.com/search?q=north%20korea                   | https://example.com/search?q=north%20korea
					dot segments removed             | https://example.com/a/./b/../c                               | https://example.com/a/c
					user info dropped                | https://user:secret@example.com/a                            | https://example.com/a
					trailing dot of host dropped     | https://example.com./a                                       | https://example.com/a
					spaces encoded                   | https://example.com/a b                                      | https://example.com/a%20b
					non-ASCII path encoded           | https://example.jp/ニュース                                    | https://example.jp/%E3%83%8B%E3%83%A5%E3%83%BC%E3%82%B9
					IDN host to ASCII                | https://例え.jp/a                                              | https://xn--r8jz45g.jp/a
					surrounding whitespace stripped  | '  https://example.com/a  '                                  | https://example.com/a
					""")
	void canonicalForm(String description, String input, String canonical) {
		assertThat(CanonicalUrl.of(input)).isEqualTo(canonical);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://example.com/a", "mailto:someone@example.com", "/relative/path", "example.com/a",
			"javascript:alert(1)", "", "https:///no-host" })
	void refusesWhatIsNotAnAbsoluteHttpUrl(String input) {
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalUrl.of(input));
	}

}

package dev.newsmon.ingest.fulltext;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Main text extraction over page fixtures: what each page must give, and what of its
 * furniture must stay out.
 */
class MainTextTests {

	static Stream<Arguments> pages() {
		return Stream.of(Arguments.of("furniture.html",
				List.of("The coast guards of three neighbouring countries agreed on Tuesday",
						"Officials said the patrols would begin in the spring", "Fishing groups welcomed the plan"),
				List.of("Buy sunglasses", "Share this", "Most read", "First comment", "newsletter", "Copyright",
						"tracking", "Europe")),
				Arguments.of("marked-article.html",
						List.of("日本と英国の防衛相は火曜日に東京で会談し", "両氏は、海上での補給の手順を共通にする", "「地域の安定のために"),
						List.of("ほかの記事の見出し", "関連記事", "無断転載", "トップ")),
				Arguments.of("divs-only.html",
						List.of("The minister met her counterpart on Monday",
								"Both sides confirmed that the first deliveries",
								"The ministers also agreed to meet again in the autumn"),
						List.of("Home", "Archive of statements")),
				Arguments.of("not-an-article.html", List.of(), List.of("Coast guards", "Copyright")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void extractsTheArticleAndLeavesTheFurniture(String fixture, List<String> kept, List<String> dropped)
			throws IOException {
		String text = MainText.of(page(fixture), "text/html; charset=utf-8", "https://ledger.newsmon.invalid/story");
		if (kept.isEmpty()) {
			assertThat(text).isEmpty();
		}
		for (String expected : kept) {
			assertThat(text).contains(expected);
		}
		for (String unexpected : dropped) {
			assertThat(text).doesNotContain(unexpected);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void keepsParagraphsAsLines(String fixture, List<String> kept, List<String> dropped) throws IOException {
		String text = MainText.of(page(fixture), null, "https://ledger.newsmon.invalid/story");
		// decoded by <meta charset> or as UTF-8 without a Content-Type charset
		assertThat(text.lines().filter((line) -> kept.stream().anyMatch(line::startsWith)).count())
			.isEqualTo(kept.size());
	}

	static byte[] page(String name) throws IOException {
		try (InputStream in = MainTextTests.class.getResourceAsStream("/pages/" + name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
	}

}

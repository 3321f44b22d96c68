package dev.newsmon.ingest.processor;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class HtmlTextTests {

	static Stream<Arguments> cases() {
		return Stream.of(argumentSet("plain text stays", "North Korea fires a missile", "North Korea fires a missile"),
				argumentSet("tags removed", "<p>Ministers met on <b>Monday</b>.</p>", "Ministers met on Monday."),
				argumentSet("entities decoded", "Allies &amp; partners &lt;3 &quot;yes&quot;",
						"Allies & partners <3 \"yes\""),
				argumentSet("scripts and styles removed", "<p>Text</p><script>alert(1)</script><style>p{}</style>",
						"Text"),
				argumentSet("event handlers go with their tags", "<a href='x' onclick='evil()'>link</a> text",
						"link text"),
				argumentSet("paragraphs become lines", "<p>One</p><p>Two</p>", "One\nTwo"),
				argumentSet("line breaks become lines", "One<br>Two", "One\nTwo"),
				argumentSet("whitespace collapsed", "  many    spaces\tand tabs  ", "many spaces and tabs"),
				argumentSet("non-breaking spaces collapsed", "a&nbsp;&nbsp;b", "a b"),
				argumentSet("ideographic spaces collapsed", "北朝鮮\u3000\u3000ミサイル", "北朝鮮 ミサイル"),
				argumentSet("iframes removed", "<iframe src='https://x'>fallback</iframe>after", "after"));
	}

	@ParameterizedTest
	@MethodSource("cases")
	void extractsText(String html, String text) {
		assertThat(HtmlText.of(html)).isEqualTo(text);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = "   ")
	void emptyInputGivesEmptyText(String html) {
		assertThat(HtmlText.of(html)).isEmpty();
	}

}

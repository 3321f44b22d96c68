package dev.newsmon.ingest.processor;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
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
		assertThat(HtmlText.snippet(html, "https://example.com/a")).isEmpty();
	}

	static Stream<Arguments> snippets() {
		return Stream.of(
				argumentSet("formatting kept", "<p>Ministers met on <b>Monday</b>.</p>",
						"<p>Ministers met on <b>Monday</b>.</p>"),
				argumentSet("scripts and styles removed", "<p>Text</p><script>alert(1)</script><style>p{}</style>",
						"<p>Text</p>"),
				argumentSet("event handlers removed", "<b onmouseover='evil()'>bold</b>", "<b>bold</b>"),
				argumentSet("javascript links lose their href", "<a href='javascript:evil()'>x</a>",
						"<a rel=\"nofollow\">x</a>"),
				argumentSet("data and mailto links lose their href", "<a href='data:text/html,x'>d</a>",
						"<a rel=\"nofollow\">d</a>"),
				argumentSet("relative links made absolute", "<a href='/b'>b</a>",
						"<a href=\"https://example.com/b\">b</a>"),
				argumentSet("links elsewhere get nofollow", "<a href='https://other.example/'>o</a>",
						"<a href=\"https://other.example/\" rel=\"nofollow\">o</a>"),
				argumentSet("images and frames removed",
						"<img src='https://x/y.png' onerror='evil()'><iframe></iframe>t", "t"),
				argumentSet("style attributes removed", "<span style='position:fixed'>s</span>", "<span>s</span>"));
	}

	@ParameterizedTest
	@MethodSource("snippets")
	void sanitizesSnippets(String html, String snippet) {
		assertThat(HtmlText.snippet(html, "https://example.com/a")).isEqualTo(snippet);
	}

	@Test
	void oversizedSnippetFallsBackToEscapedText() {
		String html = "<p>" + "<b>&lt;x&gt;</b> ".repeat(3_000) + "</p>";
		String snippet = HtmlText.snippet(html, null);
		assertThat(snippet).hasSizeLessThanOrEqualTo(HtmlText.MAX_SNIPPET_CHARS)
			.doesNotContain("<b>")
			.startsWith("&lt;x&gt;");
	}

}

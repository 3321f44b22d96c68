package dev.newsmon.ingest.processor;

import java.time.Instant;
import java.util.List;

import dev.newsmon.events.ArticleFetched;
import dev.newsmon.ingest.article.ArticleId;
import dev.newsmon.ingest.parser.ParsedItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleProcessorTests {

	private static final Instant FETCHED_AT = Instant.parse("2026-11-27T10:00:00Z");

	private static final ArticleProcessor.Source SOURCE = new ArticleProcessor.Source("feed1", "Fixture Wire", "en");

	@Test
	void buildsTheEvent() {
		ParsedItem item = new ParsedItem("Allies &amp; partners", "HTTPS://Example.com/a?utm_source=rss#x",
				"<p>Summary <b>bold</b></p>", "<p>Body one</p><p>Body two</p>", "Reporter", List.of("NATO"),
				Instant.parse("2026-11-26T08:00:00Z"), null, List.of("https://example.com/a.jpg"));
		List<ArticleFetched> articles = ArticleProcessor.process(List.of(item), SOURCE, FETCHED_AT, 10);
		assertThat(articles).singleElement().satisfies((article) -> {
			assertThat(article.schemaVersion()).isEqualTo(ArticleFetched.SCHEMA_VERSION);
			assertThat(article.url()).isEqualTo("https://example.com/a");
			assertThat(article.summaryHtml()).isEqualTo("<p>Summary <b>bold</b></p>");
			assertThat(article.enclosures()).containsExactly("https://example.com/a.jpg");
			assertThat(article.articleId()).isEqualTo(ArticleId.of("https://example.com/a"));
			assertThat(article.feedId()).isEqualTo("feed1");
			assertThat(article.source()).isEqualTo("Fixture Wire");
			assertThat(article.title()).isEqualTo("Allies & partners");
			assertThat(article.summary()).isEqualTo("Summary bold");
			assertThat(article.body()).isEqualTo("Body one\nBody two");
			assertThat(article.author()).isEqualTo("Reporter");
			assertThat(article.categories()).containsExactly("NATO");
			assertThat(article.languageHint()).isEqualTo("en");
			assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
			assertThat(article.fetchedAt()).isEqualTo(FETCHED_AT);
		});
	}

	@Test
	void categoriesLoseTheirMarkup() {
		ParsedItem item = new ParsedItem("t", "https://example.com/a", null, null, null,
				List.of("<svg onload=alert(1)>defence</svg>", "<script>alert(2)</script>", "Allies &amp; partners",
						"<b>defence</b>"),
				null, null, List.of());
		assertThat(ArticleProcessor.article(item, SOURCE, FETCHED_AT).categories()).containsExactly("Allies & partners",
				"defence");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			published kept                  | 2026-11-26T08:00:00Z | 2026-11-26T09:00:00Z | 2026-11-26T08:00:00Z
			updated when no published       | null                 | 2026-11-26T09:00:00Z | 2026-11-26T09:00:00Z
			fetch time when none            | null                 | null                 | 2026-11-27T10:00:00Z
			epoch is not a date             | 1970-01-01T00:00:00Z | null                 | 2026-11-27T10:00:00Z
			future is not a date            | 2027-01-01T00:00:00Z | null                 | 2026-11-27T10:00:00Z
			future published, sane updated  | 2030-01-01T00:00:00Z | 2026-11-20T00:00:00Z | 2026-11-20T00:00:00Z
			""")
	void publicationTime(String description, Instant published, Instant updated, Instant expected) {
		ParsedItem item = new ParsedItem("t", "https://example.com/a", null, null, null, List.of(), published, updated,
				List.of());
		assertThat(ArticleProcessor.publishedAt(item, FETCHED_AT)).isEqualTo(expected);
	}

	@Test
	void leavesOutItemsWithoutUsableLinksAndDuplicates() {
		List<ParsedItem> items = List.of(item("https://example.com/a"), item(null), item("ftp://example.com/b"),
				item("https://example.com/a?utm_medium=x"), item("https://example.com/c"));
		assertThat(ArticleProcessor.process(items, SOURCE, FETCHED_AT, 10)).extracting(ArticleFetched::url)
			.containsExactly("https://example.com/a", "https://example.com/c");
	}

	@Test
	void takesAtMostMaxItems() {
		List<ParsedItem> items = List.of(item("https://example.com/1"), item("https://example.com/2"),
				item("https://example.com/3"));
		assertThat(ArticleProcessor.process(items, SOURCE, FETCHED_AT, 2)).hasSize(2);
	}

	@Test
	void titleFallsBackToTheSummary() {
		ParsedItem item = new ParsedItem(null, "https://example.com/a", "Short summary", null, null, List.of(), null,
				null, List.of());
		assertThat(ArticleProcessor.process(List.of(item), SOURCE, FETCHED_AT, 1).get(0).title())
			.isEqualTo("Short summary");
	}

	private static ParsedItem item(String link) {
		return new ParsedItem("title", link, "summary", null, null, List.of(), null, null, List.of());
	}

}

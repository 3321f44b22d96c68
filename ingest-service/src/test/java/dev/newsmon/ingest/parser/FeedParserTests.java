package dev.newsmon.ingest.parser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The parser over the fixture files in {@code src/test/resources/feeds}.
 */
class FeedParserTests {

	private final FeedParser parser = new FeedParser();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			rss2.xml  | Fixture Wire  | en-gb | 2
			rss1.rdf  | Fixture RDF   | ja    | 1
			atom.xml  | Fixture Atom  | null  | 2
			""")
	void readsEachFormat(String fixture, String title, String language, int items) throws Exception {
		ParsedFeed feed = parse(fixture);
		assertThat(feed.title()).isEqualTo(title);
		assertThat(feed.language()).isEqualTo(language);
		assertThat(feed.items()).hasSize(items);
	}

	@Test
	void readsRss2Items() throws Exception {
		ParsedFeed feed = parse("rss2.xml");
		ParsedItem first = feed.items().get(0);
		assertThat(first.title()).isEqualTo("Allies & partners meet in Brussels");
		assertThat(first.link()).isEqualTo("https://fixture.newsmon.invalid/allies-meet?utm_source=rss&id=7");
		assertThat(first.summary()).contains("<b>Monday</b>");
		assertThat(first.content()).contains("Second").contains("paragraph with");
		assertThat(first.author()).isEqualTo("Fixture Reporter");
		assertThat(first.categories()).containsExactly("Diplomacy", "NATO");
		assertThat(first.published()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
		ParsedItem second = feed.items().get(1);
		assertThat(second.link()).as("a permalink guid stands in for a missing link")
			.isEqualTo("https://fixture.newsmon.invalid/second");
		assertThat(second.published()).isEqualTo(Instant.parse("2026-11-24T01:30:00Z"));
	}

	@Test
	void readsTheRssTtl() throws Exception {
		assertThat(parse("ttl.xml").ttl()).isEqualTo(java.time.Duration.ofMinutes(90));
		assertThat(parse("rss2.xml").ttl()).isNull();
		assertThat(parse("atom.xml").ttl()).isNull();
	}

	@Test
	void readsRss1Items() throws Exception {
		ParsedItem item = parse("rss1.rdf").items().get(0);
		assertThat(item.title()).isEqualTo("日米防衛相会談");
		assertThat(item.link()).isEqualTo("https://rdf.newsmon.invalid/articles/1");
		assertThat(item.published()).isEqualTo(Instant.parse("2026-11-24T23:00:00Z"));
		assertThat(item.categories()).containsExactly("政治");
	}

	@Test
	void readsAtomEntries() throws Exception {
		ParsedFeed feed = parse("atom.xml");
		ParsedItem first = feed.items().get(0);
		assertThat(first.title()).contains("국방장관 회담");
		assertThat(first.link()).isEqualTo("https://atom.newsmon.invalid/entries/1");
		assertThat(first.summary()).isEqualTo("요약입니다.");
		assertThat(first.content()).contains("본문입니다.");
		assertThat(first.author()).isEqualTo("기자 한");
		assertThat(first.published()).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
		assertThat(first.updated()).isEqualTo(Instant.parse("2026-11-24T03:00:00Z"));
		ParsedItem second = feed.items().get(1);
		assertThat(second.updated()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
	}

	@Test
	void resolvesRelativeLinksAgainstTheFeedUrl() throws Exception {
		ParsedFeed feed = this.parser.parse(bytes("relative-links.xml"), null,
				URI.create("https://relative.newsmon.invalid/feeds/main.xml"));
		assertThat(feed.items()).extracting(ParsedItem::link)
			.containsExactly("https://relative.newsmon.invalid/news/2026/root-relative",
					"https://relative.newsmon.invalid/feeds/item.html?id=3#comments", null);
	}

	@Test
	void toleratesMissingAndOddDates() throws Exception {
		ParsedFeed feed = parse("no-dates.xml");
		assertThat(feed.items()).hasSize(3);
		assertThat(feed.items().get(0).published()).isNull();
		assertThat(feed.items().get(1).published()).isNull();
	}

	@Test
	void honoursTheCharsetOfTheContentType() throws Exception {
		String document = "<rss version=\"2.0\"><channel><title>t</title><item><title>北朝鮮が発射</title>"
				+ "<link>https://sjis.newsmon.invalid/1</link></item></channel></rss>";
		byte[] shiftJis = document.getBytes(Charset.forName("Shift_JIS"));
		ParsedFeed feed = this.parser.parse(shiftJis, "application/rss+xml; charset=Shift_JIS",
				URI.create("https://sjis.newsmon.invalid/feed"));
		assertThat(feed.items().get(0).title()).isEqualTo("北朝鮮が発射");
	}

	@Test
	void refusesBrokenXml() {
		assertThatExceptionOfType(FeedParseException.class).isThrownBy(() -> parse("broken.xml"))
			.withMessageStartingWith("not a readable RSS or Atom feed");
	}

	@Test
	void refusesWebPages() {
		assertThatExceptionOfType(FeedParseException.class).isThrownBy(() -> parse("not-a-feed.html"));
	}

	@Test
	void refusesExternalEntitiesWithoutReadingFiles() {
		assertThatExceptionOfType(FeedParseException.class).isThrownBy(() -> parse("xxe.xml"))
			.withMessageContaining("DOCTYPE");
	}

	@Test
	void refusesEntityExpansionBombs() {
		long start = System.nanoTime();
		assertThatExceptionOfType(FeedParseException.class).isThrownBy(() -> parse("entity-bomb.xml"))
			.withMessageContaining("DOCTYPE");
		assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
	}

	@ParameterizedTest(name = "{0} served as {1}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			shift-jis.xml       | application/rss+xml               | 日米防衛相が会談、共同訓練の拡大で一致 | 防衛ニュース速報
			euc-jp.xml          | text/xml                          | 日米防衛相が会談、共同訓練の拡大で一致 | 防衛ニュース速報
			shift-jis.xml       | null                              | 日米防衛相が会談、共同訓練の拡大で一致 | 防衛ニュース速報
			euc-kr-header.xml   | application/rss+xml; charset=EUC-KR | 한미 국방장관 회담, 연합훈련 확대 합의 | 국방 소식
			utf8-bom.xml        | application/xml                   | 한미 국방장관 회담, 연합훈련 확대 합의 | 국방 소식
			utf16le-bom.xml     | application/xml                   | 日米防衛相が会談、共同訓練の拡大で一致 | 防衛ニュース速報
			""")
	void readsEncodingsFromThePrologTheBomOrTheContentType(String fixture, String contentType, String itemTitle,
			String feedTitle) throws Exception {
		ParsedFeed feed = this.parser.parse(bytes(fixture), contentType,
				URI.create("https://fixture.newsmon.invalid/feed.xml"));
		assertThat(feed.title()).isEqualTo(feedTitle);
		assertThat(feed.items()).singleElement().satisfies((item) -> {
			assertThat(item.title()).isEqualTo(itemTitle);
			assertThat(item.summary()).isNotBlank().doesNotContain("\uFFFD");
		});
	}

	@Test
	void readsContentEncodedDublinCoreDatesAndMediaRss() throws Exception {
		ParsedFeed feed = parse("modules.xml");
		ParsedItem article = feed.items().get(0);
		assertThat(article.summary()).isEqualTo("Short teaser.");
		assertThat(article.content()).contains("<b>met</b> in Manila");
		assertThat(article.published()).isEqualTo(java.time.Instant.parse("2026-11-25T06:30:00Z"));
		assertThat(article.author()).isEqualTo("Desk writer");
		assertThat(article.enclosures()).containsExactly("https://fixture.newsmon.invalid/media/ships.jpg");
		ParsedItem video = feed.items().get(1);
		assertThat(video.enclosures()).containsExactly("https://fixture.newsmon.invalid/media/briefing.mp4");
		assertThat(video.title()).isEqualTo("Video briefing on the drills");
		assertThat(video.summary()).isEqualTo("A ministry spokesperson explains the drills.");
	}

	private ParsedFeed parse(String fixture) throws FeedParseException {
		return this.parser.parse(bytes(fixture), "application/xml",
				URI.create("https://fixture.newsmon.invalid/feed.xml"));
	}

	static byte[] bytes(String fixture) {
		try (InputStream in = FeedParserTests.class.getResourceAsStream("/feeds/" + fixture)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + fixture);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String text(String fixture) {
		return new String(bytes(fixture), StandardCharsets.UTF_8);
	}

}

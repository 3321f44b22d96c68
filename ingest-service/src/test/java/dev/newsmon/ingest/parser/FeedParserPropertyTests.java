package dev.newsmon.ingest.parser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Properties of the parser over generated, mutated and random documents: it returns a
 * feed or throws {@link FeedParseException}, nothing else; it never hangs; it never
 * expands an entity. Each property has a fixed seed and number of tries, so that a run is
 * repeatable and takes a second or two; a failure names the seed and the try, and
 * {@code -Dnewsmon.property.seed=<n>} runs another sample. The preemptive timeout guards
 * against a hang; it is generous because the build machine is shared.
 */
class FeedParserPropertyTests {

	private static final long SEED = Long.getLong("newsmon.property.seed", 20261127L);

	private static final int TRIES = 300;

	private static final Duration BUDGET = Duration.ofSeconds(30);

	private static final URI FEED_URL = URI.create("https://wire.example/feeds/main.xml");

	private static final List<String> FIXTURES = List.of("rss2.xml", "rss1.rdf", "atom.xml", "modules.xml",
			"relative-links.xml", "ttl.xml", "no-dates.xml", "utf8-bom.xml", "utf16le-bom.xml", "shift-jis.xml",
			"euc-jp.xml", "broken.xml");

	/** Text that parsers trip over, put into fields and spliced into documents. */
	private static final List<String> TRICKY = List.of("", " ", "&amp;", "&lt;b&gt;", "&#0;", "&#xD800;", "&#x110000;",
			"&bogus;", "&#;", "<![CDATA[<script>alert(1)</script>]]>", "]]>", "<!-- x -->", "<?pi x?>", "\u0000",
			"\uFFFE", "\uD800", "北朝鮮のミサイル", "북한 미사일", "💥", "a".repeat(5000), "javascript:alert(1)", "http://[::1",
			"%zz", "//other.example/x", "../../etc/passwd", "-1", "99999999999999999999",
			"Thu, 31 Feb 2026 25:61:00 +9999", "0000-00-00T00:00:00Z", "<b>bold</b>", "<div", "</item>", "</channel>",
			"<entry>", "xmlns:a=\"x\"", "<a:b xmlns:a=\"\"/>", "<media:content url=\"\" />", "<enclosure url=\"x\"/>",
			"<link rel=\"hub\" href=\"http://[\"/>", "<ttl>abc</ttl>", "<ttl>-5</ttl>", "<ttl>2147483648</ttl>");

	private static final List<String> SPLICES = List.of("<!DOCTYPE rss [<!ENTITY e \"boom\">]>", "&e;",
			"<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<?xml version=\"1.0\" encoding=\"x-no-such\"?>",
			"<?xml version=\"1.1\"?>", "<?xml-stylesheet href=\"s.xsl\"?>", "<", ">", "&", "\"", "'", "=", "<item>",
			"</item>", "<entry>", "</entry>", "<channel>", "<rss version=\"2.0\">", "</rss>",
			"<feed xmlns=\"http://www.w3.org/2005/Atom\">", "\u0000", "\r", "\t", "\uFEFF");

	private final FeedParser parser = new FeedParser();

	@Test
	void mutatedFeedsAreReadOrRefusedWithTheParsersOwnException() {
		SplittableRandom random = new SplittableRandom(SEED);
		List<byte[]> seeds = new ArrayList<>();
		FIXTURES.forEach((name) -> seeds.add(fixture(name)));
		assertTimeoutPreemptively(BUDGET, () -> {
			for (int i = 0; i < TRIES; i++) {
				byte[] base = random.nextBoolean() ? seeds.get(random.nextInt(seeds.size())) : generated(random);
				byte[] document = mutate(base, random);
				String contentType = random.nextBoolean() ? null
						: pick(random, List.of("application/rss+xml", "text/xml; charset=iso-8859-1",
								"application/atom+xml; charset=utf-16", "text/html; charset=no-such-charset"));
				parsesOrRefuses(document, contentType, i);
			}
		});
	}

	@Test
	void arbitraryBytesAreRefusedWithTheParsersOwnException() {
		SplittableRandom random = new SplittableRandom(SEED + 1);
		assertTimeoutPreemptively(BUDGET, () -> {
			for (int i = 0; i < TRIES; i++) {
				byte[] document = new byte[random.nextInt(0, 600)];
				random.nextBytes(document);
				if (random.nextBoolean() && document.length > 3) {
					// a byte-order mark, so that the charset detection is exercised too
					byte[][] marks = { { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, { (byte) 0xFF, (byte) 0xFE },
							{ (byte) 0xFE, (byte) 0xFF } };
					byte[] mark = marks[random.nextInt(marks.length)];
					System.arraycopy(mark, 0, document, 0, mark.length);
				}
				parsesOrRefuses(document, null, i);
			}
		});
	}

	@Test
	void entitiesAreNeverExpanded() {
		SplittableRandom random = new SplittableRandom(SEED + 2);
		String marker = "ENTITYEXPANDEDMARKER";
		List<String> declarations = List.of("<!ENTITY e \"" + marker + "\">",
				"<!ENTITY e SYSTEM \"file:///etc/hostname\">", "<!ENTITY e SYSTEM \"http://127.0.0.1:9/x\">",
				"<!ENTITY % p \"" + marker + "\"> %p;",
				"<!ENTITY a \"" + marker + marker + "\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
						+ "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY e \"&c;&c;&c;&c;&c;&c;&c;&c;\">");
		assertTimeoutPreemptively(BUDGET, () -> {
			for (int i = 0; i < 60; i++) {
				String root = random.nextBoolean() ? "rss" : "feed";
				String body = generatedText(random, root, "&e;");
				String document = "<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " ["
						+ declarations.get(random.nextInt(declarations.size())) + "]>\n"
						+ body.substring(body.indexOf('\n') + 1);
				ParsedFeed feed = parsesOrRefuses(document.getBytes(StandardCharsets.UTF_8), null, i);
				if (feed != null) {
					assertThat(feed.toString()).as("try %d: %s", i, document).doesNotContain(marker);
				}
			}
		});
	}

	private ParsedFeed parsesOrRefuses(byte[] document, String contentType, int attempt) {

		try {
			return this.parser.parse(document, contentType, FEED_URL);
		}
		catch (FeedParseException ex) {
			return null;
		}
		catch (RuntimeException | StackOverflowError ex) {
			String text = new String(document, StandardCharsets.UTF_8);
			throw new AssertionError(
					"seed " + SEED + ", try " + attempt + ": " + ex + " instead of FeedParseException for ("
							+ contentType + ") " + ((text.length() > 2000) ? text.substring(0, 2000) + "…" : text),
					ex);
		}
	}

	private static byte[] generated(SplittableRandom random) {
		return generatedText(random, random.nextBoolean() ? "rss" : "feed", pick(random, TRICKY))
			.getBytes(StandardCharsets.UTF_8);
	}

	/** An RSS 2.0 or Atom document whose fields come from {@link #TRICKY}. */
	private static String generatedText(SplittableRandom random, String root, String title) {
		StringBuilder items = new StringBuilder();
		int count = random.nextInt(0, 4);
		for (int i = 0; i < count; i++) {
			if (root.equals("rss")) {
				items.append("<item><title>TITLE</title><link>")
					.append(pick(random, TRICKY))
					.append("</link><description>")
					.append(pick(random, TRICKY))
					.append("</description><pubDate>")
					.append(pick(random, TRICKY))
					.append("</pubDate><guid>")
					.append(pick(random, TRICKY))
					.append("</guid><category>")
					.append(pick(random, TRICKY))
					.append("</category></item>\n");
			}
			else {
				items.append("<entry><title>TITLE</title><link href=\"")
					.append(pick(random, TRICKY).replace("\"", "&quot;"))
					.append("\"/><id>")
					.append(pick(random, TRICKY))
					.append("</id><updated>")
					.append(pick(random, TRICKY))
					.append("</updated><content type=\"html\">")
					.append(pick(random, TRICKY))
					.append("</content></entry>\n");
			}
		}
		String document;
		if (root.equals("rss")) {
			document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
					+ "xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>TITLE</title><language>"
					+ pick(random, TRICKY) + "</language>" + pick(random, TRICKY) + "\n" + items + "</channel></rss>";
		}
		else {
			document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
					+ "<title>TITLE</title>" + pick(random, TRICKY) + "\n" + items + "</feed>";
		}
		return document.replace("TITLE", title);
	}

	private static byte[] mutate(byte[] document, SplittableRandom random) {
		byte[] current = document;
		int mutations = random.nextInt(0, 4);
		for (int m = 0; m < mutations; m++) {
			int position = (current.length == 0) ? 0 : random.nextInt(current.length + 1);
			current = switch (random.nextInt(5)) {
				case 0 -> splice(current, position, pick(random, SPLICES).getBytes(StandardCharsets.UTF_8));
				case 1 -> Arrays.copyOf(current, position);
				case 2 -> {
					byte[] flipped = current.clone();
					if (flipped.length > 0) {
						flipped[Math.min(position, flipped.length - 1)] = (byte) random.nextInt(256);
					}
					yield flipped;
				}
				case 3 -> {
					int end = Math.min(current.length, position + random.nextInt(1, 40));
					byte[] removed = new byte[current.length - (end - position)];
					System.arraycopy(current, 0, removed, 0, position);
					System.arraycopy(current, end, removed, position, current.length - end);
					yield removed;
				}
				default -> {
					int end = Math.min(current.length, position + random.nextInt(1, 200));
					yield splice(current, position, Arrays.copyOfRange(current, position, end));
				}
			};
		}
		return current;
	}

	private static byte[] splice(byte[] document, int position, byte[] insert) {
		byte[] result = new byte[document.length + insert.length];
		System.arraycopy(document, 0, result, 0, position);
		System.arraycopy(insert, 0, result, position, insert.length);
		System.arraycopy(document, position, result, position + insert.length, document.length - position);
		return result;
	}

	private static String pick(SplittableRandom random, List<String> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static byte[] fixture(String name) {
		try (InputStream in = FeedParserPropertyTests.class.getResourceAsStream("/feeds/" + name)) {
			if (in == null) {
				throw new IllegalStateException("no fixture " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

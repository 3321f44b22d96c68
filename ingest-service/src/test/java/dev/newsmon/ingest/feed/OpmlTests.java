package dev.newsmon.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OpmlTests {

	@Test
	void readsEveryFeedOutlineAtAnyDepth() {
		List<Opml.Outline> outlines = Opml.read(fixture("subscriptions.opml"), 100);
		assertThat(outlines).containsExactly(
				new Opml.Outline("https://alliance.newsmon.invalid/feed.xml", "Alliance bulletin", "en"),
				new Opml.Outline("https://bouei.newsmon.invalid/rss", "防衛ニュース", null),
				new Opml.Outline("https://gukbang.newsmon.invalid/rss.xml", "국방 소식", "ko"));
	}

	@Test
	void refusesADoctype() {
		assertThatExceptionOfType(Opml.InvalidOpmlException.class)
			.isThrownBy(() -> Opml.read(fixture("doctype.opml"), 100))
			.withMessageContaining("DOCTYPE");
	}

	@Test
	void refusesWhatIsNotOpml() {
		assertThatExceptionOfType(Opml.InvalidOpmlException.class)
			.isThrownBy(() -> Opml.read(bytes("<rss version=\"2.0\"/>"), 100))
			.withMessageContaining("<rss>");
		assertThatExceptionOfType(Opml.InvalidOpmlException.class).isThrownBy(() -> Opml.read(bytes("<opml>"), 100))
			.withMessageContaining("well-formed");
		assertThatExceptionOfType(Opml.InvalidOpmlException.class).isThrownBy(() -> Opml.read(bytes(""), 100));
	}

	@Test
	void refusesMoreFeedsThanTheLimit() {
		assertThatExceptionOfType(Opml.InvalidOpmlException.class)
			.isThrownBy(() -> Opml.read(fixture("subscriptions.opml"), 2))
			.withMessageContaining("more than 2 feeds");
	}

	@Test
	void writesWhatItReads() {
		List<Feed> feeds = List.of(
				new Feed("1", "https://a.newsmon.invalid/feed?x=1&y=2", "A & B \"wire\"", "en", 900, false),
				new Feed("2", "https://b.newsmon.invalid/rss", "防衛", null, 900, false));
		String opml = Opml.write("newsmon feeds", feeds);
		assertThat(opml).startsWith("<?xml").contains("<opml version=\"2.0\">");
		assertThat(Opml.read(opml.getBytes(StandardCharsets.UTF_8), 100)).containsExactly(
				new Opml.Outline("https://a.newsmon.invalid/feed?x=1&y=2", "A & B \"wire\"", "en"),
				new Opml.Outline("https://b.newsmon.invalid/rss", "防衛", null));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] fixture(String name) {
		try (InputStream in = OpmlTests.class.getResourceAsStream("/opml/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

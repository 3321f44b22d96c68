package dev.newsmon.ingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.newsmon.events.ArticleFetched;
import dev.newsmon.ingest.parser.FeedParseException;
import dev.newsmon.ingest.parser.FeedParser;
import dev.newsmon.ingest.parser.ParsedFeed;
import dev.newsmon.ingest.processor.ArticleProcessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse-and-clean throughput: a 200-item RSS 2.0 feed read with Rome and turned into
 * {@link ArticleFetched} events (plain text, canonical URL, article id). The score is in
 * items per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseAndCleanBenchmark {

	static final int ITEMS = 200;

	private final FeedParser parser = new FeedParser();

	private final URI url = URI.create("https://bench.newsmon.invalid/feed.xml");

	private final Instant now = Instant.parse("2026-11-27T00:00:00Z");

	private byte[] feed;

	@Setup
	public void setUp() {
		this.feed = rss(ITEMS, "bench").getBytes(StandardCharsets.UTF_8);
	}

	@Benchmark
	@OperationsPerInvocation(ITEMS)
	public List<ArticleFetched> parseAndClean() throws FeedParseException {
		ParsedFeed parsed = this.parser.parse(this.feed, "application/rss+xml; charset=utf-8", this.url);
		return ArticleProcessor.process(parsed.items(), new ArticleProcessor.Source("feed", "Bench wire", "en"),
				this.now, ITEMS);
	}

	/**
	 * A feed like a wire service's: HTML descriptions, full content, categories, tracking
	 * parameters on the links.
	 */
	static String rss(int items, String id) {
		StringBuilder xml = new StringBuilder(items * 1200);
		xml.append("""
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
				  <channel>
				    <title>Bench wire %s</title>
				    <link>https://bench.newsmon.invalid/</link>
				    <description>Generated for benchmarks.</description>
				    <language>en</language>
				""".formatted(id));
		for (int i = 0; i < items; i++) {
			xml.append(
					"""
							    <item>
							      <title>Defence ministers meet on exercise plans, part %d</title>
							      <link>https://bench.newsmon.invalid/%s/story-%d?utm_source=rss&amp;utm_medium=feed</link>
							      <guid isPermaLink="false">%s-%d</guid>
							      <pubDate>Thu, 26 Nov 2026 %02d:%02d:00 GMT</pubDate>
							      <category>Security</category>
							      <category>Asia</category>
							      <description><![CDATA[<p>Ministers from several allied countries met to plan <b>joint exercises</b>
							        for the coming year, story %d. <a href="https://bench.newsmon.invalid/more">More</a></p>]]></description>
							      <content:encoded><![CDATA[<div><p>The meeting covered maritime patrols, missile warning data
							        and the schedule of drills.</p><p>Officials said the plans would be published later.
							        <img src="https://bench.newsmon.invalid/img.jpg" alt="ships"/></p><script>track()</script></div>]]></content:encoded>
							    </item>
							"""
						.formatted(i, id, i, id, i, i % 24, i % 60, i));
		}
		xml.append("  </channel>\n</rss>\n");
		return xml.toString();
	}

}

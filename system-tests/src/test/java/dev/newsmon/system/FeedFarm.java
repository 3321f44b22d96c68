package dev.newsmon.system;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Feeds on 127.0.0.1 whose items keep coming: every request of a feed adds new items to
 * it and returns its latest ones, as a busy wire does between two polls. Items are
 * numbered per feed, so no two items anywhere share a link or a text. Every third item is
 * a lighthouse note instead of a harbour note (see {@link #isLighthouseNote(int)}).
 */
final class FeedFarm implements AutoCloseable {

	/**
	 * Items a response holds: more than a request adds, so none is missed between polls.
	 */
	private static final int WINDOW = 20;

	private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;

	private final HttpServer server;

	private final String run;

	private final int itemsPerRequest;

	private final Map<String, AtomicInteger> items = new ConcurrentHashMap<>();

	private final AtomicLong generated = new AtomicLong();

	FeedFarm(String run, int itemsPerRequest) throws IOException {
		this.run = run;
		this.itemsPerRequest = itemsPerRequest;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/feeds/", this::serve);
		this.server.start();
	}

	/** The URLs of {@code count} feeds of this farm. */
	List<String> feedUrls(int count) {
		return IntStream.range(0, count)
			.mapToObj((n) -> "http://127.0.0.1:" + this.server.getAddress().getPort() + "/feeds/wire-" + n + ".xml")
			.toList();
	}

	/**
	 * Whether an item is a lighthouse note: every third one is, and only these have the
	 * word "lighthouse" (in the title), so that a subscription can follow a known share
	 * of the items.
	 */
	static boolean isLighthouseNote(int n) {
		return n % 3 == 0;
	}

	/** Whether a title is that of a lighthouse note. */
	static boolean isLighthouseTitle(String title) {
		return title.startsWith("Lighthouse note ");
	}

	/** How many items the farm has made up so far. */
	long generated() {
		return this.generated.get();
	}

	private void serve(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String feed = path.substring("/feeds/".length()).replace(".xml", "");
		int last;
		synchronized (this) {
			last = this.items.computeIfAbsent(feed, (key) -> new AtomicInteger()).addAndGet(this.itemsPerRequest);
			this.generated.addAndGet(this.itemsPerRequest);
		}
		byte[] bytes = document(feed, last).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private String document(String feed, int last) {
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0">
				  <channel>
				    <title>newsmon failure test wire %s</title>
				    <link>https://wire.newsmon.invalid/</link>
				    <description>Harbour and shipping notes made up for the failure tests.</description>
				    <language>en</language>
				""".formatted(feed));
		String now = ZonedDateTime.now(ZoneOffset.UTC).format(RFC_1123);
		for (int n = last; n > Math.max(0, last - WINDOW); n--) {
			String link = "https://wire.newsmon.invalid/" + this.run + "/" + feed + "/" + n;
			String kind = isLighthouseNote(n) ? "Lighthouse" : "Harbour";
			xml.append(
					"""
							    <item>
							      <title>%s note %d from %s, %s</title>
							      <link>%s</link>
							      <guid>%s</guid>
							      <pubDate>%s</pubDate>
							      <description>Ferry number %d of %s left the harbour on time; the pilots reported calm water and light wind. Marker %s.</description>
							    </item>
							"""
						.formatted(kind, n, feed, this.run, link, link, now, n, feed, this.run));
		}
		return xml.append("  </channel>\n</rss>\n").toString();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}

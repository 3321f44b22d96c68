package dev.newsmon.system.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Thousands of feeds in English, Japanese and Korean on several loopback hosts
 * (127.0.0.1, 127.0.0.2, ...), as a real farm spans many sites. Each request of a feed
 * adds new items to it. A share of the items is wire copy: the same story, under the same
 * canonical URL (with a tracking parameter of its own), lands in three feeds of its
 * language, one copy verbatim, one with an edited title, one with a sentence added.
 */
final class NewsFarm implements AutoCloseable {

	/** Items a response holds: more than a request adds, so none is missed. */
	private final int window;

	private static final int COPIES = 3;

	private final List<HttpServer> servers = new ArrayList<>();

	private final String run;

	private final int itemsPerRequest;

	private final int wirePercent;

	private final Map<String, Deque<String>> items = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> wire = new ConcurrentHashMap<>();

	private final AtomicLong generated = new AtomicLong();

	private final AtomicLong originals = new AtomicLong();

	private final AtomicLong requests = new AtomicLong();

	NewsFarm(String run, int hosts, int itemsPerRequest, int wirePercent) throws IOException {
		this.run = run;
		this.itemsPerRequest = itemsPerRequest;
		this.wirePercent = wirePercent;
		this.window = Math.max(20, 2 * itemsPerRequest);
		for (int h = 1; h <= hosts; h++) {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0." + h), 0), 0);
			server.createContext("/feeds/", this::serve);
			server.setExecutor(Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().factory()));
			server.start();
			this.servers.add(server);
		}
	}

	/** The URL of feed {@code n}, and its language ({@link #language(int)}). */
	String feedUrl(int n) {
		HttpServer server = this.servers.get(n % this.servers.size());
		InetSocketAddress address = server.getAddress();
		return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/feeds/" + language(n)
				+ "/" + n + ".xml";
	}

	static String language(int n) {
		return NewsText.LANGUAGES.get(n % NewsText.LANGUAGES.size());
	}

	/** Items made up so far, wire copies included. */
	long generated() {
		return this.generated.get();
	}

	/** Distinct stories made up so far: originals plus one per wire story. */
	long stories() {
		long wireStories = 0;
		for (AtomicLong pulls : this.wire.values()) {
			wireStories += (pulls.get() + COPIES - 1) / COPIES;
		}
		return this.originals.get() + wireStories;
	}

	long requests() {
		return this.requests.get();
	}

	private void serve(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String[] parts = path.substring("/feeds/".length()).replace(".xml", "").split("/");
		String language = parts[0];
		String feed = parts[1];
		this.requests.incrementAndGet();
		Deque<String> latest = this.items.computeIfAbsent(feed, (key) -> new ArrayDeque<>());
		String now = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.RFC_1123_DATE_TIME);
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0">
				  <channel>
				    <title>newsmon benchmark feed %s</title>
				    <link>https://feeds.newsmon.invalid/%s</link>
				    <description>Made-up news for the end-to-end benchmark.</description>
				    <language>%s</language>
				""".formatted(feed, feed, language));
		synchronized (latest) {
			for (int i = 0; i < this.itemsPerRequest; i++) {
				latest.addFirst(item(language, feed, now));
				if (latest.size() > this.window) {
					latest.removeLast();
				}
			}
			latest.forEach(xml::append);
		}
		this.generated.addAndGet(this.itemsPerRequest);
		byte[] bytes = xml.append("  </channel>\n</rss>\n").toString().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private String item(String language, String feed, String now) {
		long n = this.generated.get() + this.originals.get();
		boolean wireCopy = Math.floorMod(Long.hashCode(n * 0x9E3779B97F4A7C15L), 100) < this.wirePercent;
		String link;
		String title;
		String body;
		if (wireCopy) {
			long pull = this.wire.computeIfAbsent(language, (key) -> new AtomicLong()).getAndIncrement();
			long story = pull / COPIES;
			long copy = pull % COPIES;
			long seed = (language.hashCode() * 1_000_003L) ^ story;
			link = "https://wire-" + language + ".newsmon.invalid/" + this.run + "/story/" + story + "?utm_source=feed"
					+ feed;
			title = NewsText.title(language, seed) + ((copy == 1) ? " | " + feed : "");
			body = NewsText.body(language, seed)
					+ ((copy == 2) ? " " + NewsText.sentence(language, new SplittableRandom(seed + 1)) : "");
		}
		else {
			long original = this.originals.incrementAndGet();
			long seed = original * 7919 + feed.hashCode();
			link = "https://" + language + "-news.newsmon.invalid/" + this.run + "/" + feed + "/" + original;
			title = NewsText.title(language, seed);
			body = NewsText.body(language, seed);
		}
		return """
				    <item>
				      <title>%s</title>
				      <link>%s</link>
				      <guid>%s</guid>
				      <pubDate>%s</pubDate>
				      <description>%s</description>
				    </item>
				""".formatted(escape(title), escape(link), escape(link), now, escape(body));
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	@Override
	public void close() {
		this.servers.forEach((server) -> server.stop(0));
	}

}

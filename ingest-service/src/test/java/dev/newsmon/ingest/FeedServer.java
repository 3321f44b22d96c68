package dev.newsmon.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server that serves the feeds of a test and records who fetched which path
 * (by User-Agent).
 */
final class FeedServer implements AutoCloseable {

	private final Map<String, String> feeds = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> fetchedBy = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

	private final Map<String, String> redirects = new ConcurrentHashMap<>();

	private final Map<String, byte[]> raw = new ConcurrentHashMap<>();

	private final Map<String, Map<String, String>> headers = new ConcurrentHashMap<>();

	private final HttpServer server;

	FeedServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			String agent = exchange.getRequestHeaders().getFirst("User-Agent");
			this.hits.computeIfAbsent(path, (key) -> new AtomicInteger()).incrementAndGet();
			this.fetchedBy.computeIfAbsent(path, (key) -> ConcurrentHashMap.newKeySet())
				.add((agent != null) ? agent : "");
			String location = this.redirects.get(path);
			if (location != null) {
				exchange.getResponseHeaders().set("Location", location);
				exchange.sendResponseHeaders(301, -1);
				exchange.close();
				return;
			}
			String feed = this.feeds.get(path);
			byte[] raw = this.raw.get(path);
			byte[] body = (raw != null) ? raw : (feed != null) ? feed.getBytes(StandardCharsets.UTF_8) : new byte[0];
			exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
			this.headers.getOrDefault(path, Map.of()).forEach(exchange.getResponseHeaders()::set);

			exchange.sendResponseHeaders((raw != null || feed != null) ? 200 : 404,
					(body.length > 0) ? body.length : -1);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	String serve(String path, String body) {
		this.feeds.put(path, body);
		return url(path);
	}

	String serve(String path, byte[] body, String contentType) {
		this.raw.put(path, body);
		this.headers.put(path, Map.of("Content-Type", contentType));
		return url(path);
	}

	String redirect(String path, String location) {
		this.redirects.put(path, location);
		return url(path);
	}

	void headers(String path, Map<String, String> headers) {
		this.headers.put(path, headers);
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	Set<String> fetchedBy(String path) {
		return this.fetchedBy.getOrDefault(path, Set.of());
	}

	int hits(String path) {
		AtomicInteger hits = this.hits.get(path);
		return (hits != null) ? hits.get() : 0;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	static String rss(String title, List<String> items) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0">
				  <channel>
				    <title>%s</title>
				    <link>https://wire.newsmon.invalid/</link>
				    <description>Written for the integration tests.</description>
				%s
				  </channel>
				</rss>
				""".formatted(title, String.join("\n", items));
	}

	static String item(String link, String title, String description) {
		return """
				    <item>
				      <title>%s</title>
				      <link>%s</link>
				      <pubDate>Thu, 26 Nov 2026 08:00:00 GMT</pubDate>
				      <description>%s</description>
				    </item>
				""".formatted(title, link, description);
	}

}

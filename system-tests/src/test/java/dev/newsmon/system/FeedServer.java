package dev.newsmon.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

/**
 * A feed publisher on 127.0.0.1 that serves one RSS document, which a test can change
 * between polls, and counts how often it was fetched.
 */
final class FeedServer implements AutoCloseable {

	private final HttpServer server;

	private final AtomicReference<String> body = new AtomicReference<>();

	private final AtomicInteger requests = new AtomicInteger();

	FeedServer(String initialBody) throws IOException {
		this.body.set(initialBody);
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/feed.xml", (exchange) -> {
			this.requests.incrementAndGet();
			byte[] bytes = this.body.get().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
	}

	static String resource(String name) {
		try (InputStream in = FeedServer.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalArgumentException("no test resource " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/feed.xml";
	}

	void publish(String newBody) {
		this.body.set(newBody);
	}

	int requests() {
		return this.requests.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}

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
 * A feed publisher on a loopback address that serves one RSS document, which a test can
 * change between polls, or a redirect, and counts how often it was fetched.
 */
final class FeedServer implements AutoCloseable {

	private final HttpServer server;

	private final AtomicReference<String> body = new AtomicReference<>();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicReference<String> redirect = new AtomicReference<>();

	FeedServer(String initialBody) throws IOException {
		this(InetAddress.getLoopbackAddress(), initialBody);
	}

	/**
	 * Serves a document on an address of its own, for example another address of the
	 * loopback block than the one a test refuses.
	 * @param address the address to listen on
	 * @param initialBody the document
	 * @throws IOException if the server cannot listen
	 */
	FeedServer(InetAddress address, String initialBody) throws IOException {
		this.body.set(initialBody);
		this.server = HttpServer.create(new InetSocketAddress(address, 0), 0);
		this.server.createContext("/feed.xml", (exchange) -> {
			this.requests.incrementAndGet();
			String location = this.redirect.get();
			if (location != null) {
				exchange.getResponseHeaders().set("Location", location);
				exchange.sendResponseHeaders(301, -1);
				exchange.close();
				return;
			}
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
		return "http://" + this.server.getAddress().getAddress().getHostAddress() + ":"
				+ this.server.getAddress().getPort() + "/feed.xml";
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Answers every request from now on with a permanent redirect.
	 * @param location where to
	 */
	void redirectTo(String location) {
		this.redirect.set(location);
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

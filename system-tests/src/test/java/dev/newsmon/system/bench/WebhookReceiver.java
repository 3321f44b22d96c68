package dev.newsmon.system.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook endpoint on 127.0.0.1 that notes when each alert first arrived, by the
 * {@code Newsmon-Delivery} header ({@code <subscriptionId>:<articleId>}), and answers 204
 * at once, as docs/webhooks-and-email.md asks of a receiver.
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	/** Delivery id to the time it first arrived (epoch ms). */
	private final Map<String, Long> received = new ConcurrentHashMap<>();

	private final AtomicLong requests = new AtomicLong();

	WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/hook", this::receive);
		this.server.setExecutor(Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().factory()));
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
	}

	private void receive(HttpExchange exchange) throws IOException {
		long now = System.currentTimeMillis();
		this.requests.incrementAndGet();
		try (InputStream body = exchange.getRequestBody()) {
			body.readAllBytes();
		}
		String delivery = exchange.getRequestHeaders().getFirst("Newsmon-Delivery");
		if ("alert.article".equals(exchange.getRequestHeaders().getFirst("Newsmon-Event")) && delivery != null) {
			this.received.putIfAbsent(delivery, now);
		}
		exchange.sendResponseHeaders(204, -1);
		exchange.close();
	}

	/** Delivery ids with their first arrival (epoch ms). */
	Map<String, Long> received() {
		return this.received;
	}

	long requests() {
		return this.requests.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}

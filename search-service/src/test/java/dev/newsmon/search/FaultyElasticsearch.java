package dev.newsmon.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The real Elasticsearch behind a loopback proxy that a test can break: it can reject
 * every {@code _bulk} request with 429 as an overloaded cluster does, and it can stop
 * listening altogether so that connections are refused, as when Elasticsearch is down.
 * Everything else is forwarded unchanged.
 */
final class FaultyElasticsearch implements AutoCloseable {

	private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "transfer-encoding", "host",
			"upgrade", "keep-alive", "expect");

	private static final byte[] REJECTION = """
			{"error":{"root_cause":[{"type":"es_rejected_execution_exception","reason":"rejected execution of bulk"}],\
			"type":"es_rejected_execution_exception","reason":"rejected execution of bulk"},"status":429}"""
		.getBytes(StandardCharsets.UTF_8);

	private final URI target;

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final AtomicInteger rejectedBulks = new AtomicInteger();

	private final int port;

	private volatile boolean rejectBulk;

	private HttpServer server;

	FaultyElasticsearch(String target) throws IOException {
		this.target = URI.create(target.endsWith("/") ? target.substring(0, target.length() - 1) : target);
		this.server = start(0);
		this.port = this.server.getAddress().getPort();
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	void rejectBulk(boolean reject) {
		this.rejectBulk = reject;
	}

	int rejectedBulks() {
		return this.rejectedBulks.get();
	}

	/** Stops listening: connections are refused until {@link #reachable()}. */
	synchronized void unreachable() {
		this.server.stop(0);
	}

	/** Listens again on the same port. */
	synchronized void reachable() throws IOException {
		this.server = start(this.port);
	}

	@Override
	public synchronized void close() {
		this.server.stop(0);
	}

	private HttpServer start(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
		server.createContext("/", this::handle);
		server.start();
		return server;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			String path = exchange.getRequestURI().getRawPath();
			if (this.rejectBulk && path.endsWith("/_bulk")) {
				this.rejectedBulks.incrementAndGet();
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
				respond(exchange, 429, REJECTION);
				return;
			}
			String query = exchange.getRequestURI().getRawQuery();
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create(this.target + path + ((query != null) ? "?" + query : "")))
				.method(exchange.getRequestMethod(), (body.length > 0) ? HttpRequest.BodyPublishers.ofByteArray(body)
						: HttpRequest.BodyPublishers.noBody());
			for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
				if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
					header.getValue().forEach((value) -> request.header(header.getKey(), value));
				}
			}
			HttpResponse<byte[]> response;
			try {
				response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
			response.headers().map().forEach((name, values) -> {
				if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
					values.forEach((value) -> exchange.getResponseHeaders().add(name, value));
				}
			});
			respond(exchange, response.statusCode(), response.body());
		}
	}

	private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
		boolean empty = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
		exchange.sendResponseHeaders(status, empty ? -1 : body.length);
		if (!empty) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

}

package dev.newsmon.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook receivers on 127.0.0.1, one path per subscription ({@code /hooks/<name>}), that
 * keep every POST they get and answer 204 at once. Each request is kept with its
 * {@code Newsmon-Delivery} header (the idempotency key), the article id of its body and
 * whether its {@code Newsmon-Signature} is right for the subscription's secret, so that a
 * test can count deliveries per key and raw requests per key.
 */
final class WebhookInbox implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(32,
			Thread.ofPlatform().name("webhook-inbox-", 0).daemon().factory());

	private final Map<String, List<Post>> posts = new ConcurrentHashMap<>();

	private final Map<String, String> secrets = new ConcurrentHashMap<>();

	private volatile Duration answerAfter = Duration.ZERO;

	WebhookInbox() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/hooks/", this::receive);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/** The webhook URL of a receiver. */
	String url(String name) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks/" + name;
	}

	/** The secret a receiver checks signatures with, as the creation answered it. */
	void secret(String name, String secret) {
		this.secrets.put(name, secret);
	}

	private void receive(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		String name = exchange.getRequestURI().getPath().substring("/hooks/".length());
		String delivery = exchange.getRequestHeaders().getFirst("Newsmon-Delivery");
		String event = exchange.getRequestHeaders().getFirst("Newsmon-Event");
		String signature = exchange.getRequestHeaders().getFirst("Newsmon-Signature");
		String articleId = null;
		String bodyDelivery = null;
		try {
			JsonNode alert = json.readTree(body);
			articleId = alert.path("article").path("id").asString(null);
			bodyDelivery = alert.path("deliveryId").asString(null);
		}
		catch (JacksonException ex) {
			// kept as it is: the test finds a POST without an article
		}
		this.posts.computeIfAbsent(name, (key) -> new CopyOnWriteArrayList<>())
			.add(new Post(delivery, bodyDelivery, event, articleId, signature, body));
		try {
			Thread.sleep(this.answerAfter);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		exchange.sendResponseHeaders(204, -1);
		exchange.close();
	}

	/**
	 * Makes every receiver keep each request this long before it answers, as a slow
	 * receiver does: a sender that stops meanwhile has sent alerts it does not know were
	 * received.
	 */
	void answerAfter(Duration delay) {
		this.answerAfter = delay;
	}

	/** Every POST a receiver got, in order of arrival. */
	List<Post> posts(String name) {
		return List.copyOf(this.posts.getOrDefault(name, List.of()));
	}

	/** The names that got POSTs, whether a test made a receiver of them or not. */
	List<String> names() {
		return new ArrayList<>(this.posts.keySet());
	}

	/** How many POSTs each delivery id got at a receiver. */
	Map<String, Integer> postsPerDelivery(String name) {
		Map<String, Integer> counts = new HashMap<>();
		for (Post post : posts(name)) {
			counts.merge(String.valueOf(post.delivery()), 1, Integer::sum);
		}
		return counts;
	}

	/** Whether the signature of a POST is right for its receiver's secret. */
	boolean signed(String name, Post post) {
		String secret = this.secrets.get(name);
		if (secret == null || post.signature() == null) {
			return false;
		}
		String timestamp = null;
		String expected = null;
		for (String part : post.signature().split(",")) {
			if (part.startsWith("t=")) {
				timestamp = part.substring(2);
			}
			else if (part.startsWith("v1=")) {
				expected = part.substring(3);
			}
		}
		if (timestamp == null || expected == null) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
			byte[] actual = mac.doFinal(post.body());
			return MessageDigest.isEqual(HexFormat.of().formatHex(actual).getBytes(StandardCharsets.US_ASCII),
					expected.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One POST as it arrived.
	 *
	 * @param delivery the {@code Newsmon-Delivery} header
	 * @param bodyDelivery the {@code deliveryId} of the body
	 * @param event the {@code Newsmon-Event} header
	 * @param articleId the article id of the body
	 * @param signature the {@code Newsmon-Signature} header
	 * @param body the body as sent
	 */
	record Post(String delivery, String bodyDelivery, String event, String articleId, String signature, byte[] body) {

	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}

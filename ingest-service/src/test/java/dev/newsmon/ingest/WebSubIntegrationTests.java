package dev.newsmon.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import dev.newsmon.ingest.article.ArticleId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * WebSub against a hub played by the test: a poll discovers the hub, the service
 * subscribes, answers the verification of intent, and a signed push flows through the
 * same pipeline as a poll; a push with a wrong signature is ignored; a failing hub leaves
 * the feed to polling.
 */
class WebSubIntegrationTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private final Map<String, Map<String, String>> subscriptions = new ConcurrentHashMap<>();

	private final Map<String, String> verified = new ConcurrentHashMap<>();

	private final AtomicInteger requests = new AtomicInteger();

	@Test
	void subscribesVerifiesAndTakesSignedPushes() throws Exception {
		String run = "run" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String base = "https://wire.newsmon.invalid/" + run + "/";
		HttpServer hub = hub();
		String hubUrl = "http://127.0.0.1:" + hub.getAddress().getPort() + "/hub";
		String brokenHubUrl = "http://127.0.0.1:" + hub.getAddress().getPort() + "/broken-hub";
		int port = freePort();
		try (FeedServer server = new FeedServer();
				ArticleConsumer articles = new ArticleConsumer(run);
				IngestInstance ingest = IngestInstance.start("it-feeds-" + run, "websub",
						"newsmon.ingest.poll.enabled=false", "server.port=" + port,
						"newsmon.ingest.websub.callback-base-url=http://127.0.0.1:" + port)) {
			String first = FeedServer.item(base + "first", "First (" + run + ")", "The first story.");
			String second = FeedServer.item(base + "second", "Second (" + run + ")", "The pushed story.");
			String forged = FeedServer.item(base + "forged", "Forged (" + run + ")", "Never published.");
			String path = "/" + run + "/feed.xml";
			String self = server.url(path);
			server.serve(path, withHub(FeedServer.rss("Pushed " + run, List.of(first)), hubUrl, self));
			String id = ingest.register(self, "Pushed").path("id").asString();
			assertThat(ingest.poll(id).path("itemsPublished").asInt()).isEqualTo(1);

			await().atMost(Duration.ofSeconds(20)).until(() -> this.verified.containsKey(self));
			Map<String, String> request = this.subscriptions.get(self);
			assertThat(request.get("hub.callback")).isEqualTo("http://127.0.0.1:" + port + "/websub/" + id);
			JsonNode webSub = ingest.get("/api/feeds/" + id).path("webSub");
			assertThat(webSub.path("status").asString()).isEqualTo("active");
			assertThat(webSub.path("secret").isMissingNode()).isTrue();
			assertThat(Instant.parse(webSub.path("leaseExpires").asString()))
				.isAfter(Instant.now().plus(Duration.ofDays(9)));

			String secret = request.get("hub.secret");
			String pushed = withHub(FeedServer.rss("Pushed " + run, List.of(second, first)), hubUrl, self);
			assertThat(push(request.get("hub.callback"), pushed, sign(pushed, secret))).isEqualTo(202);
			String forgedBody = FeedServer.rss("Pushed " + run, List.of(forged));
			assertThat(push(request.get("hub.callback"), forgedBody, sign(forgedBody, "not-the-secret")))
				.isEqualTo(202);
			assertThat(push(request.get("hub.callback"), forgedBody, null)).isEqualTo(202);

			// once active, polling is only the safety net: the next poll waits for hours
			JsonNode outcome = ingest.poll(id);
			assertThat(Duration.between(Instant.now(), Instant.parse(outcome.path("nextPoll").asString())))
				.isGreaterThan(Duration.ofHours(3));
			// and the lease runs long: no new subscription request
			assertThat(this.requests).hasValue(1);

			// a hub that fails leaves the feed to polling at its own interval
			String brokenPath = "/" + run + "/broken.xml";
			String brokenSelf = server.url(brokenPath);
			server.serve(brokenPath, withHub(FeedServer.rss("Broken " + run, List.of()), brokenHubUrl, brokenSelf));
			String broken = ingest.register(brokenSelf, "Broken hub").path("id").asString();
			JsonNode brokenOutcome = ingest.poll(broken);
			JsonNode brokenSub = ingest.get("/api/feeds/" + broken).path("webSub");
			assertThat(brokenSub.path("status").asString()).isEqualTo("failed");
			assertThat(brokenSub.path("lastError").asString()).contains("HTTP 500");
			assertThat(Duration.between(Instant.now(), Instant.parse(brokenOutcome.path("nextPoll").asString())))
				.isLessThan(Duration.ofMinutes(70));

			List<String> expected = List.of(ArticleId.of(base + "first"), ArticleId.of(base + "second"));
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(articles.keys(Duration.ZERO)).hasSameSizeAs(expected));
			assertThat(articles.keys(Duration.ofSeconds(2))).containsExactlyInAnyOrderElementsOf(expected);
		}
		finally {
			hub.stop(0);
		}
	}

	/** A hub: accepts subscriptions, verifies the intent with the callback. */
	private HttpServer hub() throws IOException {
		HttpServer hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		hub.createContext("/hub", (exchange) -> {
			Map<String, String> form = form(
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(202, -1);
			exchange.close();
			this.subscriptions.put(form.get("hub.topic"), form);
			this.requests.incrementAndGet();
			Thread.ofVirtual().start(() -> verify(form));
		});
		hub.createContext("/broken-hub", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(500, -1);
			exchange.close();
		});
		hub.start();
		return hub;
	}

	private void verify(Map<String, String> form) {
		String challenge = UUID.randomUUID().toString();
		URI uri = URI.create(form.get("hub.callback") + "?hub.mode=subscribe&hub.topic="
				+ URLEncoder.encode(form.get("hub.topic"), StandardCharsets.UTF_8) + "&hub.challenge=" + challenge
				+ "&hub.lease_seconds=864000");
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 200 && challenge.equals(response.body())) {
				this.verified.put(form.get("hub.topic"), challenge);
			}
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int push(String callback, String body, String signature) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(callback))
			.header("Content-Type", "application/rss+xml")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (signature != null) {
			request.header("X-Hub-Signature", signature);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static String sign(String body, String secret) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

	private static String withHub(String rss, String hub, String self) {
		return rss.replace("<rss version=\"2.0\">", "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">")
			.replace("<channel>", "<channel>\n    <atom:link rel=\"hub\" href=\"" + hub
					+ "\"/>\n    <atom:link rel=\"self\" href=\"" + self + "\"/>");
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			String[] parts = pair.split("=", 2);
			form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					(parts.length > 1) ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
		}
		return form;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}

package dev.newsmon.search.alert.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsmon.search.alert.Alert;
import dev.newsmon.search.alert.AlertChannel.Outcome;
import dev.newsmon.search.alert.Subscription;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook channel against a real HTTP server on 127.0.0.1, which the channel may
 * reach only because the test lists 127.0.0.0/8 as an allowed network.
 */
class WebhookChannelIntegrationTests {

	private static final String SECRET = "whsec_integration";

	private static final Duration RETRY_FOR = Duration.ofSeconds(3);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private WebhookChannel channel;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/flaky", (exchange) -> answer(exchange, (count) -> (count <= 2) ? 503 : 204));
		this.server.createContext("/down", (exchange) -> answer(exchange, (count) -> 500));
		this.server.createContext("/gone", (exchange) -> answer(exchange, (count) -> 410));
		this.server.createContext("/moved", (exchange) -> {
			exchange.getResponseHeaders().add("Location", "http://10.0.0.1/");
			answer(exchange, (count) -> 302);
		});
		this.server.createContext("/busy", (exchange) -> {
			exchange.getResponseHeaders().add("Retry-After", "0");
			answer(exchange, (count) -> (count == 1) ? 429 : 200);
		});
		this.server.createContext("/trickle", (exchange) -> {
			this.requests.computeIfAbsent("/trickle", (path) -> new AtomicInteger()).incrementAndGet();
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(500, 0);
			// one byte every 300 ms: every read is quick, the whole answer is not
			try {
				for (int i = 0; i < 40; i++) {
					exchange.getResponseBody().write('x');
					exchange.getResponseBody().flush();
					Thread.sleep(300);
				}
			}
			catch (IOException | InterruptedException ex) {
				// the client hung up
			}
			exchange.close();
		});
		this.server.createContext("/", (exchange) -> answer(exchange, (count) -> 200));
		this.server.start();
		this.channel = channel(List.of("127.0.0.0/8"));
	}

	@AfterEach
	void stop() throws IOException {
		this.channel.destroy();
		this.server.stop(0);
	}

	@Test
	void retriesUntilTheReceiverAcceptsAndSignsEveryAttempt() throws Exception {
		Alert alert = alert("sub-flaky", url("/flaky"), null);

		Outcome outcome = deliver(alert);

		assertThat(outcome.delivered()).isTrue();
		assertThat(outcome.attempts()).isEqualTo(3);
		assertThat(outcome.detail()).isEqualTo("HTTP 204");
		assertThat(this.received).hasSize(3).allSatisfy((request) -> {
			assertThat(request.signatureValid()).isTrue();
			assertThat(request.delivery()).isEqualTo("sub-flaky:article-1");
			assertThat(request.event()).isEqualTo("alert.article");
			assertThat(request.contentType()).startsWith("application/json");
		});
		assertThat(this.received).extracting(Received::attempt).containsExactly("1", "2", "3");
		JsonNode payload = JsonMapper.builder().build().readTree(this.received.get(2).body());
		assertThat(payload.get("deliveryId").asString()).isEqualTo("sub-flaky:article-1");
		assertThat(payload.get("subscription").get("name").asString()).isEqualTo("Missiles");
		assertThat(payload.get("article").get("url").asString()).isEqualTo("https://news.example/missile");
		assertThat(payload.get("article").get("publishedAt").asString()).isEqualTo("2026-11-27T04:00:00Z");
		assertThat(payload.get("matchedAt").asString()).isEqualTo("2026-11-27T04:00:02Z");
		assertThat(payload.has("trend")).isFalse();
		assertThat(this.meters.counter("newsmon.alerts.webhook.deliveries", "outcome", "delivered").count())
			.isEqualTo(1);
		assertThat(this.meters.counter("newsmon.alerts.webhook.attempts", "result", "retryable").count()).isEqualTo(2);
	}

	@Test
	void sendsTrendFigures() throws Exception {
		Alert alert = alert("sub-trend", url("/"), new Alert.TrendReport(42, 1.5, 5));

		assertThat(deliver(alert).delivered()).isTrue();

		Received request = this.received.get(0);
		assertThat(request.event()).isEqualTo("alert.trend");
		JsonNode trend = JsonMapper.builder().build().readTree(request.body()).get("trend");
		assertThat(trend.get("lastHour").asLong()).isEqualTo(42);
		assertThat(trend.get("baselinePerHour").asDouble()).isEqualTo(1.5);
	}

	@Test
	void honoursRetryAfter() throws Exception {
		Outcome outcome = deliver(alert("sub-busy", url("/busy"), null));

		assertThat(outcome.delivered()).isTrue();
		assertThat(outcome.attempts()).isEqualTo(2);
	}

	@Test
	void givesUpOnAReceiverThatKeepsFailingWithinTheRetryLimit() throws Exception {
		Instant started = Instant.now();

		Outcome outcome = deliver(alert("sub-down", url("/down"), null));

		assertThat(outcome.delivered()).isFalse();
		assertThat(outcome.attempts()).isGreaterThanOrEqualTo(3);
		assertThat(outcome.detail()).startsWith("HTTP 500").contains("gave up after");
		assertThat(Duration.between(started, Instant.now())).isLessThan(RETRY_FOR.plusSeconds(3));
		assertThat(this.requests.get("/down").get()).isEqualTo(outcome.attempts());
	}

	@Test
	void cutsOffAReceiverThatTricklesItsAnswer() throws Exception {
		Outcome outcome = deliver(alert("sub-trickle", url("/trickle"), null));

		assertThat(outcome.delivered()).isFalse();
		assertThat(outcome.detail()).startsWith("timed out after PT2S").contains("gave up after");
		assertThat(this.requests.get("/trickle").get()).isEqualTo(outcome.attempts());
	}

	@Test
	void stopsAtOnceOnAPermanentRefusal() throws Exception {
		Outcome outcome = deliver(alert("sub-gone", url("/gone"), null));

		assertThat(outcome.delivered()).isFalse();
		assertThat(outcome.attempts()).isEqualTo(1);
		assertThat(outcome.detail()).startsWith("HTTP 410");
	}

	@Test
	void doesNotFollowRedirects() throws Exception {
		Outcome outcome = deliver(alert("sub-moved", url("/moved"), null));

		assertThat(outcome.delivered()).isFalse();
		assertThat(outcome.attempts()).isEqualTo(1);
		assertThat(outcome.detail()).startsWith("HTTP 302");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data/",
			"http://[::1]:PORT/private", "http://127.0.0.1:PORT/private", "http://localhost:PORT/private",
			"http://[::ffff:127.0.0.1]:PORT/private", "http://100.64.1.1/hook", "http://[fd00::1]/hook" })
	void neverConnectsToPrivateAddressesThatAreNotAllowed(String target) throws Exception {
		this.channel.destroy();
		this.channel = new WebhookChannel(properties(), new WebhookNetworkProperties(List.of()),
				new SimpleMeterRegistry(), Clock.systemUTC());

		Outcome outcome = deliver(alert("sub-private",
				target.replace("PORT", Integer.toString(this.server.getAddress().getPort())), null));

		assertThat(outcome.delivered()).isFalse();
		assertThat(outcome.attempts()).isEqualTo(1);
		assertThat(outcome.detail()).contains("non-public address");
		assertThat(this.requests).doesNotContainKey("/private");
	}

	@Test
	void aReceiverThatIsDownCannotHoldUpTheAlertsOfOthers() throws Exception {
		this.channel.destroy();
		this.channel = new WebhookChannel(properties(2), new WebhookNetworkProperties(List.of("127.0.0.0/8")),
				this.meters, Clock.systemUTC());
		HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		other.createContext("/", (exchange) -> answer(exchange, (count) -> 204));
		other.start();
		try {
			// two deliveries to a failing receiver are retried for RETRY_FOR and take its
			// two slots
			CompletableFuture<Outcome> first = this.channel.deliver(alert("sub-down-1", url("/down"), null));
			CompletableFuture<Outcome> second = this.channel.deliver(alert("sub-down-2", url("/down"), null));

			Outcome third = deliver(alert("sub-down-3", url("/"), null));
			assertThat(third.delivered()).isFalse();
			assertThat(third.attempts()).isZero();
			assertThat(third.detail()).isEqualTo("not sent: 2 webhook deliveries to http://127.0.0.1:"
					+ this.server.getAddress().getPort() + " are already under way");
			Outcome elsewhere = deliver(
					alert("sub-other", "http://127.0.0.1:" + other.getAddress().getPort() + "/hook", null));
			assertThat(elsewhere.delivered()).isTrue();

			assertThat(first.get(15, TimeUnit.SECONDS).delivered()).isFalse();
			assertThat(second.get(15, TimeUnit.SECONDS).delivered()).isFalse();
			// their slots are free again once they are given up
			assertThat(deliver(alert("sub-back", url("/"), null)).delivered()).isTrue();
		}
		finally {
			other.stop(0);
		}
	}

	@Test
	void refusesOtherSchemesWithoutAnAttempt() throws Exception {
		Outcome outcome = deliver(alert("sub-ftp", "ftp://127.0.0.1/hook", null));

		assertThat(outcome.delivered()).isFalse();
		assertThat(outcome.attempts()).isZero();
	}

	private WebhookChannel channel(List<String> allowedNetworks) {
		return new WebhookChannel(properties(), new WebhookNetworkProperties(allowedNetworks), this.meters,
				Clock.systemUTC());
	}

	private static WebhookProperties properties() {
		return properties(100);
	}

	private static WebhookProperties properties(int maxPendingPerReceiver) {
		return new WebhookProperties(Duration.ofSeconds(1), Duration.ofSeconds(2), RETRY_FOR, Duration.ofMillis(50),
				Duration.ofMillis(300), 4, 100, maxPendingPerReceiver, 1024);
	}

	private Outcome deliver(Alert alert) throws Exception {
		CompletableFuture<Outcome> future = this.channel.deliver(alert);
		return future.get(15, TimeUnit.SECONDS);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	private static Alert alert(String subscriptionId, String url, Alert.TrendReport trend) {
		Subscription subscription = new Subscription(subscriptionId, "Missiles", "missile", List.of(), List.of(),
				List.of(), new Subscription.Channel(Subscription.Channel.Type.WEBHOOK, url, SECRET, null), false, null,
				Instant.parse("2026-11-01T00:00:00Z"));
		Alert.AlertArticle article = new Alert.AlertArticle("article-1", "Missile launch reported",
				"https://news.example/missile", "Newsmon Wire", "en", Instant.parse("2026-11-27T04:00:00Z"),
				List.of("north-korea"), "A launch was reported.", "cluster-1");
		return new Alert(subscriptionId + ":article-1", subscription, article, Instant.parse("2026-11-27T04:00:02Z"),
				trend);
	}

	private void answer(HttpExchange exchange, IntUnaryOperator status) throws IOException {
		int count = this.requests.computeIfAbsent(exchange.getRequestURI().getPath(), (path) -> new AtomicInteger())
			.incrementAndGet();
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		this.received.add(new Received(exchange.getRequestHeaders().getFirst("Newsmon-Delivery"),
				exchange.getRequestHeaders().getFirst("Newsmon-Event"),
				exchange.getRequestHeaders().getFirst("Newsmon-Attempt"),
				exchange.getRequestHeaders().getFirst("Content-Type"),
				verify(exchange.getRequestHeaders().getFirst("Newsmon-Signature"), body),
				new String(body, StandardCharsets.UTF_8)));
		int code = status.applyAsInt(count);
		byte[] answer = ("status " + code).getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(code, (code == 204) ? -1 : answer.length);
		if (code != 204) {
			exchange.getResponseBody().write(answer);
		}
		exchange.close();
	}

	/** What a receiver does: recompute the HMAC and check the timestamp is recent. */
	private static boolean verify(String header, byte[] body) {
		if (header == null) {
			return false;
		}
		long timestamp = 0;
		String signature = null;
		for (String part : header.split(",")) {
			if (part.startsWith("t=")) {
				timestamp = Long.parseLong(part.substring(2));
			}
			else if (part.startsWith("v1=")) {
				signature = part.substring(3);
			}
		}
		boolean recent = Math.abs(Instant.now().getEpochSecond() - timestamp) <= 300;
		return recent && signature != null && MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII),
				WebhookSignature.sign(SECRET, timestamp, body).getBytes(StandardCharsets.US_ASCII));
	}

	private record Received(String delivery, String event, String attempt, String contentType, boolean signatureValid,
			String body) {

	}

}

package dev.newsmon.search.alert.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.sun.net.httpserver.HttpServer;
import dev.newsmon.search.alert.Alert;
import dev.newsmon.search.alert.AlertChannel.Outcome;
import dev.newsmon.search.alert.Subscription;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * How long the webhook channel takes from {@code deliver} to the receiver having the
 * request, on localhost: the channel's share of the alert latency budget. Run with
 * {@code deploy/local/bench.sh search-service
 * dev.newsmon.search.alert.webhook.WebhookDeliveryBenchmark [alerts] [per second]}.
 */
public final class WebhookDeliveryBenchmark {

	private WebhookDeliveryBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int alerts = (args.length > 0) ? Integer.parseInt(args[0]) : 5000;
		int perSecond = (args.length > 1) ? Integer.parseInt(args[1]) : 500;
		Map<String, Long> receivedAt = new ConcurrentHashMap<>();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.createContext("/hook", (exchange) -> {
			long now = System.nanoTime();
			try (InputStream in = exchange.getRequestBody()) {
				in.readAllBytes();
			}
			receivedAt.put(exchange.getRequestHeaders().getFirst("Newsmon-Delivery"), now);
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
		WebhookChannel channel = new WebhookChannel(
				new WebhookProperties(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMinutes(1),
						Duration.ofMillis(100), Duration.ofSeconds(5), 8, 100_000, 100_000, 1024),
				new WebhookNetworkProperties(List.of("127.0.0.0/8")), new SimpleMeterRegistry(), Clock.systemUTC());
		try {
			run(channel, url, "warm-up", alerts / 5, perSecond, receivedAt);
			receivedAt.clear();
			run(channel, url, "steady", alerts, perSecond, receivedAt);
			receivedAt.clear();
			burst(channel, url, alerts);
		}
		finally {
			channel.destroy();
			server.stop(0);
			((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
		}
	}

	private static void run(WebhookChannel channel, String url, String label, int alerts, int perSecond,
			Map<String, Long> receivedAt) throws Exception {
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
		long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
		long start = System.nanoTime();
		for (int i = 0; i < alerts; i++) {
			LockSupport.parkNanos(start + i * interval - System.nanoTime());
			Alert alert = alert(label + "-" + i, url);
			sentAt.put(alert.deliveryId(), System.nanoTime());
			outcomes.add(channel.deliver(alert));
		}
		CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
		long delivered = outcomes.stream().filter((outcome) -> outcome.join().delivered()).count();
		long[] micros = sentAt.entrySet()
			.stream()
			.filter((entry) -> receivedAt.containsKey(entry.getKey()))
			.mapToLong((entry) -> (receivedAt.get(entry.getKey()) - entry.getValue()) / 1000)
			.sorted()
			.toArray();
		System.out.printf(Locale.ROOT,
				"%s: %d alerts at %d/s, %d delivered; deliver -> received p50 %.2f ms, " + "p99 %.2f ms, max %.2f ms%n",
				label, alerts, perSecond, delivered, percentile(micros, 50) / 1000.0, percentile(micros, 99) / 1000.0,
				(micros.length > 0 ? micros[micros.length - 1] : 0) / 1000.0);
	}

	private static void burst(WebhookChannel channel, String url, int alerts) throws Exception {
		List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < alerts; i++) {
			outcomes.add(channel.deliver(alert("burst-" + i, url)));
		}
		long handedOver = System.nanoTime();
		CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
		long end = System.nanoTime();
		System.out.printf(Locale.ROOT,
				"burst: %d alerts handed over in %.1f ms (deliver never blocks), all delivered after %.0f ms: "
						+ "%.0f deliveries/s%n",
				alerts, (handedOver - start) / 1e6, (end - start) / 1e6, alerts / ((end - start) / 1e9));
	}

	private static long percentile(long[] sorted, int percentile) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
	}

	private static Alert alert(String id, String url) {
		Subscription subscription = new Subscription("bench", "Benchmark", "missile", List.of(), List.of(), List.of(),
				new Subscription.Channel(Subscription.Channel.Type.WEBHOOK, url, "bench-secret", null), false, null,
				Instant.EPOCH);
		Alert.AlertArticle article = new Alert.AlertArticle(id, "North Korea fires ballistic missile over the sea",
				"https://news.example/" + id, "Newsmon Wire", "en", Instant.now(), Arrays.asList("north-korea"),
				"Seoul and Tokyo said the launch came a day after a joint exercise.", "cluster-" + id);
		return new Alert("bench:" + id, subscription, article, Instant.now(), null);
	}

}

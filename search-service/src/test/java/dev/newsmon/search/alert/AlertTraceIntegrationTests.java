package dev.newsmon.search.alert;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.ArticleFetched;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trace of an article reaches its webhook: a record published with a
 * {@code traceparent} header alerts a receiver on 127.0.0.1, whose request carries a
 * {@code traceparent} of the same trace (a child span of the record's), and the alert's
 * latency from the fetch is measured.
 */
class AlertTraceIntegrationTests extends AlertTestService {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String PARENT_SPAN = "00f067aa0ba902b7";

	private final List<String> traceparents = new CopyOnWriteArrayList<>();

	@Autowired
	private MeterRegistry meters;

	private HttpServer receiver;

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hook", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
			this.traceparents.add((traceparent != null) ? traceparent : "none");
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	@Test
	void webhookContinuesTheTraceOfTheArticle() throws Exception {
		String word = "wombat" + RUN;
		String url = "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hook";
		HttpResponse<String> created = post("/api/subscriptions", "{\"name\":\"Wombats\",\"query\":\"" + word
				+ "\",\"channel\":{\"type\":\"webhook\",\"url\":\"" + url + "\"}}", KEY);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

		Instant fetchedAt = Instant.now();
		publish(article("traced-" + RUN, "Wombats cross the road " + word, fetchedAt),
				Map.of("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN + "-01"));

		await().atMost(Duration.ofSeconds(30)).until(() -> !this.traceparents.isEmpty());
		String[] traceparent = this.traceparents.get(0).split("-");
		assertThat(traceparent).as(this.traceparents.get(0)).hasSize(4);
		assertThat(traceparent[0]).isEqualTo("00");
		assertThat(traceparent[1]).isEqualTo(TRACE_ID);
		assertThat(traceparent[2]).hasSize(16).isNotEqualTo(PARENT_SPAN);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Timer latency = this.meters.find("newsmon.alert.latency")
				.tags("channel", "webhook", "outcome", "delivered")
				.timer();
			assertThat(latency).isNotNull();
			assertThat(latency.count()).isPositive();
		});
	}

	private static ArticleAnalyzed article(String id, String title, Instant fetchedAt) {
		ArticleFetched fetched = new ArticleFetched(1, id, "https://example.org/traced/" + id, "feed-traced",
				"Trace Wire " + RUN, title, "A short summary of " + id + ".", "The body of the report.", null,
				List.of(), "en", fetchedAt, fetchedAt, "", List.of());
		return new ArticleAnalyzed(1, fetched, "en",
				List.of(new ArticleAnalyzed.TopicTag("north-korea", 0.6, List.of())), List.of(), 3L, "story-t",
				Instant.now());
	}

}

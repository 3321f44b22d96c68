package dev.newsmon.ingest.fulltext;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsmon.events.ArticleFetched;
import dev.newsmon.ingest.fetcher.AddressPolicy;
import dev.newsmon.ingest.fetcher.FeedFetcher;
import dev.newsmon.ingest.fetcher.FetchProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Article pages fetched under the feed fetch's rules against a local server: the page's
 * text replaces a shorter feed text, and every failure keeps the feed's text and is
 * counted by class.
 */
class ArticlePagesTests {

	private static final String FEED_TEXT = "Coast guards plan joint patrols.";

	private static final List<String> requested = new CopyOnWriteArrayList<>();

	private static final Map<String, String> userAgents = new ConcurrentHashMap<>();

	private static HttpServer server;

	private static ExecutorService executor;

	private static String base;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final FeedFetcher fetcher = new FeedFetcher(new FetchProperties(Duration.ofSeconds(2),
			Duration.ofSeconds(5), DataSize.ofMegabytes(5), 200, 2, "https://pages.newsmon.invalid/"),
			new AddressPolicy(List.of("127.0.0.0/8")), Clock.systemUTC());

	@BeforeAll
	static void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		executor = Executors.newCachedThreadPool();
		server.setExecutor(executor);
		base = "http://127.0.0.1:" + server.getAddress().getPort();
		server.createContext("/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			requested.add(path);
			userAgents.put(path, String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
			switch (path) {
				case "/story" -> send(exchange, "text/html; charset=utf-8", MainTextTests.page("furniture.html"));
				case "/front" -> send(exchange, "text/html", MainTextTests.page("not-an-article.html"));
				case "/big" -> send(exchange, "text/html",
						"<p>A paragraph repeated until the page is far too big.</p>\n".repeat(2000)
							.getBytes(StandardCharsets.UTF_8));
				case "/pdf" -> send(exchange, "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
				// refused by its type before its body, larger than the limit, is read
				case "/video" -> send(exchange, "video/mp4", new byte[256 * 1024]);
				case "/slow" -> {
					try {
						Thread.sleep(3000);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					send(exchange, "text/html", MainTextTests.page("furniture.html"));
				}
				case "/to-metadata" -> {
					exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
					exchange.sendResponseHeaders(302, -1);
					exchange.close();
				}
				default -> {
					exchange.sendResponseHeaders(404, -1);
					exchange.close();
				}
			}
		});
		server.start();
	}

	@AfterAll
	static void stopServer() {
		server.stop(0);
		executor.shutdownNow();
	}

	@AfterEach
	void closeFetcher() {
		this.fetcher.close();
		requested.clear();
	}

	@Test
	void theExtractedTextBecomesTheBodyWhenLonger() {
		ArticleFetched completed = complete(properties(), article(base + "/story"));
		assertThat(completed.body()).contains("The coast guards of three neighbouring countries agreed on Tuesday")
			.doesNotContain("First comment");
		// the feed's summary and its HTML stay as the feed gave them
		assertThat(completed.summary()).isEqualTo(FEED_TEXT);
		assertThat(completed.summaryHtml()).isEqualTo("<p>" + FEED_TEXT + "</p>");
		assertThat(userAgents.get("/story")).isEqualTo("newsmon/0.1 (+https://pages.newsmon.invalid/)");
		assertThat(pages("extracted")).isEqualTo(1);
	}

	@Test
	void everyFailureKeepsTheFeedTextAndIsCountedByClass() {
		FullTextProperties properties = new FullTextProperties(10, Duration.ofSeconds(1), Duration.ofSeconds(30),
				DataSize.ofKilobytes(16));
		record Case(String url, String failureClass) {
		}
		List<Case> cases = List.of(new Case("http://169.254.169.254/latest/meta-data/", "refused-address"),
				new Case("http://10.20.30.40/story", "refused-address"),
				new Case(base + "/to-metadata", "refused-address"), new Case(base + "/big", "too-large"),
				new Case(base + "/pdf", "not-html"), new Case(base + "/video", "not-html"),
				new Case(base + "/slow", "timeout"), new Case(base + "/front", "empty"),
				new Case(base + "/missing", "http-status"));
		for (Case failing : cases) {
			ArticleFetched article = article(failing.url());
			double before = failures(failing.failureClass());
			assertThat(complete(properties, article)).as(failing.url()).isEqualTo(article);
			assertThat(failures(failing.failureClass())).as(failing.url()).isEqualTo(before + 1);
		}
		assertThat(pages("failed")).isEqualTo(cases.size());
		assertThat(pages("extracted")).isZero();
		// the refused addresses were never asked
		assertThat(requested).doesNotContain("/latest/meta-data/");
	}

	@Test
	void aLongerFeedTextIsKept() {
		ArticleFetched article = new ArticleFetched(ArticleFetched.SCHEMA_VERSION, "a1", base + "/story", "f1",
				"Ledger", "Patrols", FEED_TEXT, "Long feed text. ".repeat(200), null, List.of(), "en", Instant.EPOCH,
				Instant.EPOCH, "", List.of());
		assertThat(complete(properties(), article)).isEqualTo(article);
		assertThat(pages("feed-text-longer")).isEqualTo(1);
	}

	@Test
	void onlyPickedArticlesAndAtMostTheCapPerPollAreFetched() {
		FullTextProperties properties = new FullTextProperties(2, Duration.ofSeconds(5), Duration.ofSeconds(30),
				DataSize.ofMegabytes(1));
		List<ArticleFetched> articles = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			articles.add(article(base + "/story?n=" + i));
		}
		ArticleFetched seen = article(base + "/story?seen");
		articles.add(0, seen);
		List<ArticleFetched> completed = pages(properties).complete(articles, (article) -> article != seen, OPEN);
		assertThat(requested).hasSize(2);
		assertThat(completed).hasSize(5);
		assertThat(completed.get(0)).isSameAs(seen);
		assertThat(completed.subList(1, 3))
			.allSatisfy((article) -> assertThat(article.body()).contains("coast guards"));
		assertThat(completed.subList(3, 5)).allSatisfy((article) -> assertThat(article.body()).isEmpty());
		assertThat(pages("skipped")).isEqualTo(2);
	}

	@Test
	void theBudgetBoundsAPoll() {
		FullTextProperties properties = new FullTextProperties(10, Duration.ofSeconds(5), Duration.ofMillis(1500),
				DataSize.ofMegabytes(1));
		List<ArticleFetched> articles = List.of(article(base + "/slow"), article(base + "/story"),
				article(base + "/story?2"));
		long start = System.nanoTime();
		List<ArticleFetched> completed = pages(properties).complete(articles, (article) -> true, OPEN);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
		assertThat(completed).isEqualTo(articles);
		assertThat(failures("timeout")).isEqualTo(1);
		assertThat(pages("skipped")).isEqualTo(2);
	}

	private static final HostGate OPEN = new HostGate() {

		@Override
		public boolean enter(String host, Duration timeout) {
			return true;
		}

		@Override
		public void leave(String host) {
		}

	};

	private ArticleFetched complete(FullTextProperties properties, ArticleFetched article) {
		return pages(properties).complete(List.of(article), (candidate) -> true, OPEN).get(0);
	}

	private ArticlePages pages(FullTextProperties properties) {
		return new ArticlePages(this.fetcher, properties, Clock.systemUTC(), this.meters);
	}

	private static FullTextProperties properties() {
		return new FullTextProperties(10, Duration.ofSeconds(5), Duration.ofSeconds(30), DataSize.ofMegabytes(2));
	}

	private static ArticleFetched article(String url) {
		return new ArticleFetched(ArticleFetched.SCHEMA_VERSION, "a-" + url.hashCode(), url, "f1", "Ledger", "Patrols",
				FEED_TEXT, "", null, List.of(), "en", Instant.EPOCH, Instant.EPOCH, "<p>" + FEED_TEXT + "</p>",
				List.of());
	}

	private double pages(String result) {
		var counter = this.meters.find("newsmon.ingest.fulltext.pages").tag("result", result).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private double failures(String failureClass) {
		var counter = this.meters.find("newsmon.ingest.fulltext.failures").tag("class", failureClass).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static void send(HttpExchange exchange, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}

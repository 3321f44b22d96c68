package dev.newsmon.ingest.fetcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import org.apache.hc.client5.http.DnsResolver;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.newsmon.ingest.fetcher.FetchFailure.Kind;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fetcher against a local server that plays the behaviours of real feed servers.
 */
class FeedFetcherTests {

	private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	private static final byte[] FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>"
		.getBytes(StandardCharsets.UTF_8);

	private static final Map<String, String> lastRequestHeaders = new ConcurrentHashMap<>();

	private static final AtomicInteger pinnedHits = new AtomicInteger();

	private static HttpServer server;

	private static ExecutorService executor;

	private static String base;

	private final FeedFetcher fetcher = fetcher(List.of("127.0.0.0/8"), Duration.ofSeconds(5));

	@BeforeAll
	static void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		executor = Executors.newCachedThreadPool();
		server.setExecutor(executor);
		base = "http://127.0.0.1:" + server.getAddress().getPort();
		server.createContext("/feed", (exchange) -> {
			lastRequestHeaders.put("User-Agent", exchange.getRequestHeaders().getFirst("User-Agent"));
			lastRequestHeaders.put("Accept-Encoding", exchange.getRequestHeaders().getFirst("Accept-Encoding"));
			exchange.getResponseHeaders().set("ETag", "\"v1\"");
			exchange.getResponseHeaders().set("Last-Modified", "Thu, 26 Nov 2026 08:00:00 GMT");
			exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
			send(exchange, 200, FEED);
		});
		server.createContext("/conditional", (exchange) -> {
			boolean matches = "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))
					&& exchange.getRequestHeaders().getFirst("If-Modified-Since") != null;
			if (matches) {
				exchange.sendResponseHeaders(304, -1);
				exchange.close();
				return;
			}
			exchange.getResponseHeaders().set("ETag", "\"v1\"");
			send(exchange, 200, FEED);
		});
		server.createContext("/moved-permanently", (exchange) -> redirect(exchange, 301, "/feed"));
		server.createContext("/found", (exchange) -> redirect(exchange, 302, "/moved-permanently"));
		server.createContext("/loop", (exchange) -> redirect(exchange, 307, "/loop"));
		server.createContext("/to-metadata", (exchange) -> redirect(exchange, 302, "http://169.254.169.254/latest"));
		server.createContext("/to-private", (exchange) -> redirect(exchange, 308, "http://10.0.0.8/feed"));
		server.createContext("/pinned", (exchange) -> {
			pinnedHits.incrementAndGet();
			lastRequestHeaders.put("Host", exchange.getRequestHeaders().getFirst("Host"));
			send(exchange, 200, FEED);
		});
		server.createContext("/to-rebinding",
				(exchange) -> redirect(exchange, 302, "http://rebinding.newsmon.test:" + port() + "/pinned"));
		server.createContext("/gzip", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Encoding", "gzip");
			send(exchange, 200, gzip(FEED));
		});
		server.createContext("/deflate", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Encoding", "deflate");
			send(exchange, 200, deflate(FEED));
		});
		server.createContext("/gzip-bomb", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Encoding", "gzip");
			send(exchange, 200, gzip(new byte[50 * 1024 * 1024]));
		});
		server.createContext("/large", (exchange) -> send(exchange, 200, new byte[2 * 1024 * 1024]));
		server.createContext("/large-chunked", (exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				byte[] chunk = new byte[64 * 1024];
				for (int i = 0; i < 64; i++) {
					out.write(chunk);
				}
			}
			catch (IOException ex) {
				// the client hung up once it had enough: expected
			}
		});
		server.createContext("/too-many", (exchange) -> {
			exchange.getResponseHeaders().set("Retry-After", "120");
			send(exchange, 429, new byte[0]);
		});
		server.createContext("/unavailable", (exchange) -> {
			exchange.getResponseHeaders().set("Retry-After", "Fri, 27 Nov 2026 12:00:00 GMT");
			send(exchange, 503, new byte[0]);
		});
		server.createContext("/error", (exchange) -> send(exchange, 500, "oops".getBytes(StandardCharsets.UTF_8)));
		server.createContext("/slow", (exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write("<rss>".getBytes(StandardCharsets.UTF_8));
				out.flush();
				Thread.sleep(3000);
			}
			catch (IOException | InterruptedException ex) {
				// the client gave up: expected
			}
		});
		server.start();
	}

	@AfterAll
	static void stopServer() {
		server.stop(0);
		executor.shutdownNow();
	}

	@Test
	void fetchesWithUserAgentAndKeepsValidators() {
		FetchResult.Fetched fetched = fetched(this.fetcher.fetch(url("/feed"), Validators.NONE));
		assertThat(fetched.body()).isEqualTo(FEED);
		assertThat(fetched.contentType()).startsWith("application/rss+xml");
		assertThat(fetched.validators()).isEqualTo(new Validators("\"v1\"", "Thu, 26 Nov 2026 08:00:00 GMT"));
		assertThat(fetched.permanentlyMoved()).isFalse();
		assertThat(lastRequestHeaders).containsEntry("User-Agent", "newsmon/0.1 (+https://newsmon.invalid/contact)")
			.containsEntry("Accept-Encoding", "gzip, deflate");
	}

	@Test
	void conditionalRequestAnswered304IsNotModified() {
		FetchResult result = this.fetcher.fetch(url("/conditional"),
				new Validators("\"v1\"", "Thu, 26 Nov 2026 08:00:00 GMT"));
		assertThat(result).isInstanceOf(FetchResult.NotModified.class);
		assertThat(((FetchResult.NotModified) result).validators().etag()).isEqualTo("\"v1\"");
		assertThat(this.fetcher.fetch(url("/conditional"), Validators.NONE)).isInstanceOf(FetchResult.Fetched.class);
	}

	@Test
	void followsRedirectsAndTellsWhetherAllWerePermanent() {
		FetchResult.Fetched viaTemporary = fetched(this.fetcher.fetch(url("/found"), Validators.NONE));
		assertThat(viaTemporary.url()).isEqualTo(url("/feed"));
		assertThat(viaTemporary.permanentlyMoved()).isFalse();
		FetchResult.Fetched viaPermanent = fetched(this.fetcher.fetch(url("/moved-permanently"), Validators.NONE));
		assertThat(viaPermanent.permanentlyMoved()).isTrue();
	}

	@Test
	void stopsRedirectLoops() {
		assertFailure(this.fetcher.fetch(url("/loop"), Validators.NONE), Kind.TOO_MANY_REDIRECTS);
	}

	@Test
	void refusesRedirectsToNonPublicAddresses() {
		assertFailure(this.fetcher.fetch(url("/to-metadata"), Validators.NONE), Kind.REFUSED_ADDRESS);
		assertFailure(this.fetcher.fetch(url("/to-private"), Validators.NONE), Kind.REFUSED_ADDRESS);
	}

	@Test
	void refusesLoopbackWhenNotAllowed() {
		try (FeedFetcher strict = fetcher(List.of(), Duration.ofSeconds(5))) {
			FetchFailure failure = assertFailure(strict.fetch(url("/feed"), Validators.NONE), Kind.REFUSED_ADDRESS);
			assertThat(failure.message()).contains("127.0.0.1");
		}
	}

	@Test
	void decodesGzipAndDeflate() {
		assertThat(fetched(this.fetcher.fetch(url("/gzip"), Validators.NONE)).body()).isEqualTo(FEED);
		assertThat(fetched(this.fetcher.fetch(url("/deflate"), Validators.NONE)).body()).isEqualTo(FEED);
	}

	@Test
	void stopsGzipBombAtTheLimit() {
		assertFailure(this.fetcher.fetch(url("/gzip-bomb"), Validators.NONE), Kind.TOO_LARGE);
	}

	@Test
	void refusesLargeBodiesWithOrWithoutLength() {
		assertFailure(this.fetcher.fetch(url("/large"), Validators.NONE), Kind.TOO_LARGE);
		assertFailure(this.fetcher.fetch(url("/large-chunked"), Validators.NONE), Kind.TOO_LARGE);
	}

	@Test
	void recordsRetryAfterOf429And503() {
		FetchFailure tooMany = assertFailure(this.fetcher.fetch(url("/too-many"), Validators.NONE), Kind.HTTP_STATUS);
		assertThat(tooMany.message()).isEqualTo("HTTP 429");
		assertThat(tooMany.retryAfter()).isEqualTo(NOW.plusSeconds(120));
		FetchFailure unavailable = assertFailure(this.fetcher.fetch(url("/unavailable"), Validators.NONE),
				Kind.HTTP_STATUS);
		assertThat(unavailable.retryAfter()).isEqualTo(Instant.parse("2026-11-27T12:00:00Z"));
	}

	@Test
	void serverErrorIsAnHttpStatusFailure() {
		FetchFailure failure = assertFailure(this.fetcher.fetch(url("/error"), Validators.NONE), Kind.HTTP_STATUS);
		assertThat(failure.message()).isEqualTo("HTTP 500");
		assertThat(failure.retryAfter()).isNull();
	}

	@Test
	void slowBodyTimesOut() {
		try (FeedFetcher impatient = fetcher(List.of("127.0.0.0/8"), Duration.ofMillis(800))) {
			long start = System.nanoTime();
			assertFailure(impatient.fetch(url("/slow"), Validators.NONE), Kind.TIMEOUT);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
		}
	}

	@Test
	void unknownHostIsADnsFailure() {
		assertFailure(this.fetcher.fetch(URI.create("http://no-such-host.newsmon.invalid/feed"), Validators.NONE),
				Kind.DNS);
	}

	@Test
	void closedPortIsAConnectFailure() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		assertFailure(this.fetcher.fetch(URI.create("http://127.0.0.1:" + port + "/feed"), Validators.NONE),
				Kind.CONNECT);
	}

	@Test
	void dnsRebindingToLoopbackIsRefusedAtConnect() throws IOException {
		// the first answer is what a check ahead of the fetch saw; the fetch's own lookup
		// then answers loopback, as a rebinding name does once its short TTL runs out
		ScriptedDns dns = new ScriptedDns("203.0.113.10", "127.0.0.1");
		AddressPolicy strict = new AddressPolicy(List.of());
		for (InetAddress address : dns.resolve("rebinding.newsmon.test")) {
			strict.check("rebinding.newsmon.test", address);
		}
		int hits = pinnedHits.get();
		try (FeedFetcher fetcher = fetcher(List.of(), Duration.ofSeconds(5), dns)) {
			FetchFailure failure = assertFailure(fetcher.fetch(pinnedUrl(), Validators.NONE), Kind.REFUSED_ADDRESS);
			assertThat(failure.message()).contains("127.0.0.1");
		}
		assertThat(pinnedHits).hasValue(hits);
		assertThat(dns.lookups).hasValue(2);
	}

	@Test
	void dnsRebindingToAPrivateNetworkIsRefusedWithoutConnecting() {
		ScriptedDns dns = new ScriptedDns("10.0.0.8");
		try (FeedFetcher fetcher = fetcher(List.of("127.0.0.0/8"), Duration.ofSeconds(5), dns)) {
			long start = System.nanoTime();
			FetchFailure failure = assertFailure(fetcher.fetch(pinnedUrl(), Validators.NONE), Kind.REFUSED_ADDRESS);
			assertThat(failure.message()).contains("10.0.0.8");
			// no connection was tried: 10.0.0.8 would only have timed out
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		}
	}

	@Test
	void aHostWithOnePrivateAddressAmongPublicOnesIsRefused() {
		ScriptedDns dns = new ScriptedDns();
		dns.answers.add(new String[] { "203.0.113.10", "192.168.1.20" });
		try (FeedFetcher fetcher = fetcher(List.of(), Duration.ofSeconds(5), dns)) {
			FetchFailure failure = assertFailure(fetcher.fetch(pinnedUrl(), Validators.NONE), Kind.REFUSED_ADDRESS);
			assertThat(failure.message()).contains("192.168.1.20");
		}
	}

	@Test
	void connectsToTheCheckedAnswerWhenItsNetworkIsAllowed() {
		ScriptedDns dns = new ScriptedDns("127.0.0.1");
		int hits = pinnedHits.get();
		try (FeedFetcher fetcher = fetcher(List.of("127.0.0.0/8"), Duration.ofSeconds(5), dns)) {
			FetchResult.Fetched fetched = fetched(fetcher.fetch(pinnedUrl(), Validators.NONE));
			assertThat(fetched.body()).isEqualTo(FEED);
		}
		assertThat(pinnedHits).hasValue(hits + 1);
		assertThat(lastRequestHeaders).containsEntry("Host", "rebinding.newsmon.test:" + port());
		assertThat(dns.lookups).hasValue(1);
	}

	@Test
	void aRedirectHopIsCheckedWithItsOwnLookup() {
		// the feed itself is on an allowed address; the redirect goes to a name that
		// answers a private one
		ScriptedDns dns = new ScriptedDns("10.1.2.3");
		try (FeedFetcher fetcher = fetcher(List.of("127.0.0.1/32"), Duration.ofSeconds(5), dns)) {
			FetchFailure failure = assertFailure(fetcher.fetch(url("/to-rebinding"), Validators.NONE),
					Kind.REFUSED_ADDRESS);
			assertThat(failure.message()).contains("rebinding.newsmon.test").contains("10.1.2.3");
		}
	}

	@Test
	void theSocketRefusesAPrivateLiteralWhateverTheRoute() throws IOException {
		AddressPolicy loopbackOnly = new AddressPolicy(List.of("127.0.0.0/8"));
		try (PinnedHttpClient.CheckedSocket socket = new PinnedHttpClient.CheckedSocket(loopbackOnly, null)) {
			assertThatExceptionOfType(RefusedAddressException.class)
				.isThrownBy(() -> socket.connect(new InetSocketAddress("169.254.169.254", 80), 1000));
		}
		AddressPolicy strict = new AddressPolicy(List.of());
		int hits = pinnedHits.get();
		try (PinnedHttpClient.CheckedSocket socket = new PinnedHttpClient.CheckedSocket(strict, null)) {
			assertThatExceptionOfType(RefusedAddressException.class)
				.isThrownBy(() -> socket.connect(server.getAddress(), 1000));
			assertThat(socket.isConnected()).isFalse();
		}
		assertThat(pinnedHits).hasValue(hits);
		try (PinnedHttpClient.CheckedSocket socket = new PinnedHttpClient.CheckedSocket(loopbackOnly, null)) {
			socket.connect(server.getAddress(), 1000);
			assertThat(socket.isConnected()).isTrue();
		}
	}

	@Test
	void aConnectionClosedWithoutAnswerIsTriedOnceMore() throws Exception {
		assertThat(this.fetcher.fetch(URI.create(closingServer(1)), Validators.NONE))
			.isInstanceOf(FetchResult.Fetched.class);
		assertFailure(this.fetcher.fetch(URI.create(closingServer(2)), Validators.NONE), Kind.IO);
	}

	/**
	 * A server that hangs up on the first requests without a word, then answers; it
	 * serves two connections at most.
	 */
	private static String closingServer(int hangUps) throws IOException {
		ServerSocket socket = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
		executor.execute(() -> {
			try (socket) {
				for (int connection = 0; connection < 2; connection++) {
					try (Socket client = socket.accept()) {
						client.getInputStream().read(new byte[4096]);
						if (connection >= hangUps) {
							OutputStream out = client.getOutputStream();
							out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + FEED.length
									+ "\r\nConnection: close\r\n\r\n")
								.getBytes(StandardCharsets.US_ASCII));
							out.write(FEED);
							out.flush();
						}
					}
				}
			}
			catch (IOException ex) {
				// the test is over
			}
		});
		return "http://127.0.0.1:" + socket.getLocalPort() + "/feed";
	}

	@Test
	void retryAfterIsCappedAndToleratesNonsense() {
		assertThat(FeedFetcher.retryAfter("999999999", NOW)).isEqualTo(NOW.plus(Duration.ofDays(1)));
		assertThat(FeedFetcher.retryAfter("soon", NOW)).isNull();
		assertThat(FeedFetcher.retryAfter(null, NOW)).isNull();
	}

	private static FeedFetcher fetcher(List<String> allowedNetworks, Duration totalTimeout) {
		FetchProperties properties = new FetchProperties(Duration.ofSeconds(2), totalTimeout, DataSize.ofMegabytes(1),
				200, 5, "https://newsmon.invalid/contact");
		return new FeedFetcher(properties, new AddressPolicy(allowedNetworks), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private static FeedFetcher fetcher(List<String> allowedNetworks, Duration totalTimeout, DnsResolver dns) {
		FetchProperties properties = new FetchProperties(Duration.ofSeconds(2), totalTimeout, DataSize.ofMegabytes(1),
				200, 5, "https://newsmon.invalid/contact");
		return new FeedFetcher(properties, new AddressPolicy(allowedNetworks), dns, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private static int port() {
		return server.getAddress().getPort();
	}

	/** A name the scripted resolver answers; the .test domain never resolves for real. */
	private static URI pinnedUrl() {
		return URI.create("http://rebinding.newsmon.test:" + port() + "/pinned");
	}

	private static URI url(String path) {
		return URI.create(base + path);
	}

	private static FetchResult.Fetched fetched(FetchResult result) {
		assertThat(result).isInstanceOf(FetchResult.Fetched.class);
		return (FetchResult.Fetched) result;
	}

	private static FetchFailure assertFailure(FetchResult result, Kind kind) {
		assertThat(result).isInstanceOf(FetchResult.Failed.class);
		FetchFailure failure = ((FetchResult.Failed) result).failure();
		assertThat(failure.kind()).as(failure.message()).isEqualTo(kind);
		return failure;
	}

	private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, (body.length > 0) ? body.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
		exchange.getResponseHeaders().set("Location", location);
		send(exchange, status, new byte[0]);
	}

	private static byte[] gzip(byte[] data) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(data);
		}
		return bytes.toByteArray();
	}

	private static byte[] deflate(byte[] data) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
			out.write(data);
		}
		return bytes.toByteArray();
	}

	@Test
	void maxAgeComesFromCacheControl() {
		assertThat(FeedFetcher.maxAge(List.of("public, max-age=7200"))).isEqualTo(Duration.ofHours(2));
		assertThat(FeedFetcher.maxAge(List.of("max-age=\"60\""))).isEqualTo(Duration.ofMinutes(1));
		assertThat(FeedFetcher.maxAge(List.of("max-age=600, no-cache"))).isNull();
		assertThat(FeedFetcher.maxAge(List.of("no-store"))).isNull();
		assertThat(FeedFetcher.maxAge(List.of("max-age=-1", "private"))).isNull();
		assertThat(FeedFetcher.maxAge(List.of("max-age=99999999999999"))).isNull();
		assertThat(FeedFetcher.maxAge(List.of())).isNull();
	}

	/**
	 * A resolver whose answers change from one lookup to the next, like a name under DNS
	 * rebinding; the last answer repeats. Literal addresses resolve to themselves.
	 */
	private static final class ScriptedDns implements DnsResolver {

		private final List<String[]> answers = new CopyOnWriteArrayList<>();

		private final AtomicInteger lookups = new AtomicInteger();

		ScriptedDns(String... answers) {
			for (String answer : answers) {
				this.answers.add(new String[] { answer });
			}
		}

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			if (Character.isDigit(host.charAt(0))) {
				return new InetAddress[] { InetAddress.getByName(host) };
			}
			int lookup = this.lookups.getAndIncrement();
			String[] answer = this.answers.get(Math.min(lookup, this.answers.size() - 1));
			InetAddress[] addresses = new InetAddress[answer.length];
			for (int i = 0; i < answer.length; i++) {
				addresses[i] = InetAddress.getByAddress(host, InetAddress.getByName(answer[i]).getAddress());
			}
			return addresses;
		}

		@Override
		public String resolveCanonicalHostname(String host) {
			return host;
		}

	}

}

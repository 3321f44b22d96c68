package dev.newsmon.ingest.fetcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client's own checks, as the WebSub subscriber meets them when it posts to a hub.
 */
class PinnedHttpClientTests {

	private static final FetchProperties PROPERTIES = new FetchProperties(Duration.ofSeconds(2), Duration.ofSeconds(5),
			DataSize.ofMegabytes(1), 200, 5, "https://newsmon.invalid/contact");

	private static final AtomicInteger hits = new AtomicInteger();

	private static HttpServer hub;

	@BeforeAll
	static void startHub() throws IOException {
		hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		hub.createContext("/hub", (exchange) -> {
			hits.incrementAndGet();
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(202, -1);
			exchange.close();
		});
		hub.start();
	}

	@AfterAll
	static void stopHub() {
		hub.stop(0);
	}

	@Test
	void postsToAnAllowedHub() throws IOException {
		try (PinnedHttpClient client = new PinnedHttpClient(PROPERTIES, new AddressPolicy(List.of("127.0.0.0/8")))) {
			assertThat(
					client.postForm(hubUrl("127.0.0.1"), "hub.mode=subscribe", "newsmon-test", Duration.ofSeconds(5)))
				.isEqualTo(202);
		}
	}

	@Test
	void refusesAHubOnLoopbackLiterals() throws IOException {
		int before = hits.get();
		try (PinnedHttpClient client = new PinnedHttpClient(PROPERTIES, new AddressPolicy(List.of()))) {
			for (String host : List.of("127.0.0.1", "[::1]", "[::ffff:127.0.0.1]")) {
				assertThatExceptionOfType(RefusedAddressException.class).as(host)
					.isThrownBy(() -> client.postForm(hubUrl(host), "hub.mode=subscribe", "newsmon-test",
							Duration.ofSeconds(5)));
			}
		}
		assertThat(hits).hasValue(before);
	}

	@Test
	void refusesAHubNameThatRebindsToLoopback() throws IOException {
		int before = hits.get();
		DnsResolver rebinding = new DnsResolver() {

			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				return new InetAddress[] { InetAddress.getByAddress(host, new byte[] { 127, 0, 0, 1 }) };
			}

			@Override
			public String resolveCanonicalHostname(String host) {
				return host;
			}

		};
		try (PinnedHttpClient client = new PinnedHttpClient(PROPERTIES, new AddressPolicy(List.of()), rebinding)) {
			assertThatExceptionOfType(RefusedAddressException.class)
				.isThrownBy(() -> client.postForm(hubUrl("hub.newsmon.test"), "hub.mode=subscribe", "newsmon-test",
						Duration.ofSeconds(5)))
				.withMessageContaining("hub.newsmon.test")
				.withMessageContaining("127.0.0.1");
		}
		assertThat(hits).hasValue(before);
	}

	private static URI hubUrl(String host) {
		return URI.create("http://" + host + ":" + hub.getAddress().getPort() + "/hub");
	}

}

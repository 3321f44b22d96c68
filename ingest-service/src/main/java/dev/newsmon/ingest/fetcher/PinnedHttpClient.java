package dev.newsmon.ingest.fetcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client of every outgoing request of ingest (feeds, their redirects, WebSub
 * hubs), which connects only to addresses the {@link AddressPolicy} accepts. A host is
 * resolved once per connection: its addresses are checked and the connection goes to
 * exactly those, so a name that answers a public address first and a private one later
 * (DNS rebinding) cannot slip between a check and the connect. The socket checks its
 * remote address once more just before it connects, which covers IP literals and any path
 * that does not pass the resolver.
 */
public final class PinnedHttpClient implements AutoCloseable {

	/** Connections idle longer than this are closed; the JDK client's default. */
	private static final TimeValue IDLE = TimeValue.ofSeconds(30);

	private final CloseableHttpClient client;

	/**
	 * Creates a client that resolves names with the system resolver.
	 * @param properties the timeouts
	 * @param addressPolicy which addresses may be connected to
	 */
	public PinnedHttpClient(FetchProperties properties, AddressPolicy addressPolicy) {
		this(properties, addressPolicy, SystemDefaultDnsResolver.INSTANCE);
	}

	PinnedHttpClient(FetchProperties properties, AddressPolicy addressPolicy, DnsResolver lookup) {
		CheckedDnsResolver resolver = new CheckedDnsResolver(lookup, addressPolicy);
		ConnectionConfig connections = ConnectionConfig.custom()
			.setConnectTimeout(Timeout.of(properties.connectTimeout()))
			// TLS handshakes and reads; each fetch also has its own deadline
			.setSocketTimeout(Timeout.of(properties.totalTimeout()))
			// a pooled connection idle for a while is checked before it is used again
			.setValidateAfterInactivity(TimeValue.ofSeconds(2))
			.build();
		PoolingHttpClientConnectionManagerBuilder pool = new PoolingHttpClientConnectionManagerBuilder() {

			@Override
			protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver schemePortResolver,
					DnsResolver dnsResolver, TlsSocketStrategy tlsSocketStrategy) {
				return new DefaultHttpClientConnectionOperator((proxy) -> new CheckedSocket(addressPolicy, proxy),
						schemePortResolver, dnsResolver,
						RegistryBuilder.<TlsSocketStrategy>create().register("https", tlsSocketStrategy).build());
			}

		};
		pool.setDnsResolver(resolver)
			.setTlsSocketStrategy(DefaultClientTlsStrategy.createSystemDefault())
			.setDefaultConnectionConfig(connections)
			// per-host politeness is the poller's; the pool must not queue requests
			.setMaxConnTotal(256)
			.setMaxConnPerRoute(64);
		this.client = HttpClients.custom()
			.setConnectionManager(pool.build())
			.setDefaultRequestConfig(requestConfig(properties.totalTimeout()))
			// redirects are followed by the caller, hop by hop; bodies are decoded by the
			// caller, within its size limit
			.disableRedirectHandling()
			.disableContentCompression()
			.setRetryStrategy(new StaleConnectionRetry())
			.disableCookieManagement()
			.disableAuthCaching()
			.disableDefaultUserAgent()
			.evictIdleConnections(IDLE)
			.build();
	}

	/**
	 * The settings of one request: no redirects, authentication or protocol upgrades, and
	 * reads that wait no longer than the time left.
	 */
	static RequestConfig requestConfig(Duration timeout) {
		return RequestConfig.custom()
			.setConnectionRequestTimeout(Timeout.of(timeout))
			.setResponseTimeout(Timeout.of(timeout))
			.setRedirectsEnabled(false)
			.setAuthenticationEnabled(false)
			.setProtocolUpgradeEnabled(false)
			.build();
	}

	/**
	 * Returns the Apache client, for the fetcher in this package.
	 */
	CloseableHttpClient client() {
		return this.client;
	}

	/**
	 * Posts a form and returns the status of the answer, whose body is not read.
	 * @param url where to post
	 * @param form the form, {@code application/x-www-form-urlencoded}
	 * @param userAgent the User-Agent
	 * @param timeout the longest wait for the answer
	 * @return the HTTP status
	 * @throws IOException if the request fails
	 * @throws RefusedAddressException if the host resolves to a refused address
	 */
	public int postForm(URI url, String form, String userAgent, Duration timeout) throws IOException {
		HttpPost post = new HttpPost(url);
		post.setConfig(requestConfig(timeout));
		post.setHeader("User-Agent", userAgent);
		post.setEntity(
				new StringEntity(form, ContentType.APPLICATION_FORM_URLENCODED.withCharset(StandardCharsets.UTF_8)));
		ClassicHttpResponse response = this.client.executeOpen(null, post, null);
		int status = response.getCode();
		// the body is not wanted: drop the connection rather than read it
		post.cancel();
		try {
			response.close();
		}
		catch (IOException ex) {
			// dropped either way
		}
		return status;
	}

	@Override
	public void close() {
		this.client.close(CloseMode.IMMEDIATE);
	}

	/**
	 * Sends an idempotent request once more when a reused connection turned out to be
	 * closed by the server (no answer at all), as the JDK client did; never retries on an
	 * answer (429 and 503 go back to the poller with their Retry-After) and never on
	 * other failures.
	 */
	static final class StaleConnectionRetry implements HttpRequestRetryStrategy {

		@Override
		public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
			return execCount <= 1 && exception instanceof NoHttpResponseException
					&& Method.isIdempotent(request.getMethod());
		}

		@Override
		public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
			return false;
		}

		@Override
		public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
			return TimeValue.ZERO_MILLISECONDS;
		}

	}

	/**
	 * Resolves a host and hands out its addresses only if every one is allowed, so the
	 * connection goes to checked addresses and nowhere else.
	 */
	static final class CheckedDnsResolver implements DnsResolver {

		private final DnsResolver lookup;

		private final AddressPolicy addressPolicy;

		CheckedDnsResolver(DnsResolver lookup, AddressPolicy addressPolicy) {
			this.lookup = lookup;
			this.addressPolicy = addressPolicy;
		}

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			InetAddress[] addresses = this.lookup.resolve(host);
			if (addresses == null || addresses.length == 0) {
				throw new UnknownHostException(host);
			}
			for (InetAddress address : addresses) {
				this.addressPolicy.check(host, address);
			}
			return addresses.clone();
		}

		@Override
		public String resolveCanonicalHostname(String host) {
			// only authentication schemes ask, and they are off
			return host.toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * A socket that checks the address it is about to connect to, whatever the way it was
	 * found.
	 */
	static final class CheckedSocket extends Socket {

		private final AddressPolicy addressPolicy;

		CheckedSocket(AddressPolicy addressPolicy, Proxy proxy) throws IOException {
			super(Proxy.NO_PROXY);
			if (proxy != null && proxy.type() != Proxy.Type.DIRECT) {
				// a proxy would hide the address finally reached
				throw new IOException("feeds are fetched without a proxy");
			}
			this.addressPolicy = addressPolicy;
		}

		@Override
		public void connect(SocketAddress endpoint, int timeout) throws IOException {
			if (!(endpoint instanceof InetSocketAddress remote) || remote.getAddress() == null) {
				close();
				throw new RefusedAddressException("the unresolved address " + endpoint + " is refused");
			}
			try {
				this.addressPolicy.check(remote.getHostString(), remote.getAddress());
			}
			catch (RefusedAddressException ex) {
				close();
				throw ex;
			}
			super.connect(endpoint, timeout);
		}

	}

}

package dev.newsmon.ingest.fetcher;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import dev.newsmon.ingest.fetcher.FetchFailure.Kind;

/**
 * Fetches one feed: a conditional GET (RFC 9110 section 13) with redirects followed by
 * hand so that every hop passes the {@link AddressPolicy}, a connect timeout, a deadline
 * for the whole fetch and a body limit counted after decompression.
 */
public final class FeedFetcher implements AutoCloseable {

	private static final Pattern LINK = Pattern.compile("<([^>]*)>([^,<]*)");

	private static final Pattern REL = Pattern.compile("(?i)\\brel\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s,]+))");

	private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
			+ "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";

	/**
	 * The longest Retry-After honoured, so that a typo on a server cannot mute a feed.
	 */
	private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

	private final FetchProperties properties;

	private final AddressPolicy addressPolicy;

	private final Clock clock;

	private final HttpClient client;

	/**
	 * Creates a fetcher with its own HTTP client.
	 * @param properties the limits and the User-Agent
	 * @param addressPolicy which addresses may be reached
	 * @param clock the clock of the deadlines
	 */
	public FeedFetcher(FetchProperties properties, AddressPolicy addressPolicy, Clock clock) {
		this.properties = properties;
		this.addressPolicy = addressPolicy;
		this.clock = clock;
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/**
	 * Fetches a feed.
	 * @param url the feed's URL
	 * @param validators the validators of the last response, or {@link Validators#NONE}
	 * @return what came back; failures are values, never exceptions
	 */
	public FetchResult fetch(URI url, Validators validators) {
		Instant deadline = this.clock.instant().plus(this.properties.totalTimeout());
		URI current = url;
		boolean permanentlyMoved = true;
		for (int redirects = 0;; redirects++) {
			try {
				this.addressPolicy.check(current);
			}
			catch (RefusedAddressException ex) {
				return failed(Kind.REFUSED_ADDRESS, ex.getMessage());
			}
			catch (UnknownHostException ex) {
				return failed(Kind.DNS, "the host '" + current.getHost() + "' does not resolve");
			}
			Duration remaining = Duration.between(this.clock.instant(), deadline);
			if (remaining.isNegative() || remaining.isZero()) {
				return failed(Kind.TIMEOUT, "no answer within " + this.properties.totalTimeout().toSeconds() + " s");
			}
			HttpResponse<byte[]> response;
			try {
				response = send(request(current, validators, remaining), remaining);
			}
			catch (FetchFailedException ex) {
				return new FetchResult.Failed(ex.failure);
			}
			int status = response.statusCode();
			if (isRedirect(status)) {
				String location = response.headers().firstValue("Location").orElse(null);
				if (location == null) {
					return failed(Kind.HTTP_STATUS, "HTTP " + status + " without a Location header");
				}
				if (redirects >= this.properties.maxRedirects()) {
					return failed(Kind.TOO_MANY_REDIRECTS,
							"more than " + this.properties.maxRedirects() + " redirects, the last to " + location);
				}
				try {
					current = current.resolve(location.strip());
				}
				catch (IllegalArgumentException ex) {
					return failed(Kind.HTTP_STATUS, "HTTP " + status + " to an invalid Location '" + location + "'");
				}
				permanentlyMoved &= (status == 301 || status == 308);
				continue;
			}
			if (status == 304) {
				return new FetchResult.NotModified(validators(response.headers(), validators),
						maxAge(response.headers().allValues("Cache-Control")));
			}
			if (status < 200 || status > 299) {
				Instant retryAfter = (status == 429 || status == 503)
						? retryAfter(response.headers().firstValue("Retry-After").orElse(null), this.clock.instant())
						: null;
				return new FetchResult.Failed(new FetchFailure(Kind.HTTP_STATUS, "HTTP " + status, retryAfter));
			}
			try {
				byte[] body = ContentDecoding.decode(response.body(),
						response.headers().firstValue("Content-Encoding").orElse(null), maxBodyBytes());
				return new FetchResult.Fetched(current, redirects > 0 && permanentlyMoved, body,
						response.headers().firstValue("Content-Type").orElse(null),
						validators(response.headers(), Validators.NONE),
						maxAge(response.headers().allValues("Cache-Control")),
						links(response.headers().allValues("Link"), current));
			}
			catch (BodyTooLargeException ex) {
				return failed(Kind.TOO_LARGE, ex.getMessage() + " (after decompression)");
			}
			catch (IOException ex) {
				return failed(Kind.IO, "the body cannot be decoded: " + ex.getMessage());
			}
		}
	}

	private HttpRequest request(URI url, Validators validators, Duration remaining) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.GET()
			.timeout(remaining)
			.header("User-Agent", this.properties.userAgent())
			.header("Accept", ACCEPT)
			.header("Accept-Encoding", "gzip, deflate");
		if (validators.etag() != null) {
			request.header("If-None-Match", validators.etag());
		}
		if (validators.lastModified() != null) {
			request.header("If-Modified-Since", validators.lastModified());
		}
		return request.build();
	}

	private HttpResponse<byte[]> send(HttpRequest request, Duration remaining) throws FetchFailedException {
		CompletableFuture<HttpResponse<byte[]>> response = this.client.sendAsync(request, (info) -> {
			if (info.statusCode() < 200 || info.statusCode() > 299) {
				return BodySubscribers.replacing(new byte[0]);
			}
			return new LimitedBodySubscriber(maxBodyBytes(),
					info.headers().firstValueAsLong("Content-Length").orElse(-1));
		});
		try {
			return response.get(remaining.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			response.cancel(true);
			throw new FetchFailedException(Kind.TIMEOUT,
					"no complete answer within " + this.properties.totalTimeout().toSeconds() + " s");
		}
		catch (InterruptedException ex) {
			response.cancel(true);
			Thread.currentThread().interrupt();
			throw new FetchFailedException(Kind.IO, "interrupted");
		}
		catch (ExecutionException ex) {
			throw classify(ex.getCause(), request.uri());
		}
	}

	private FetchFailedException classify(Throwable failure, URI url) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException) {
				return new FetchFailedException(Kind.TOO_LARGE, cause.getMessage());
			}
			if (cause instanceof HttpConnectTimeoutException) {
				return new FetchFailedException(Kind.TIMEOUT,
						"no connection within " + this.properties.connectTimeout().toSeconds() + " s");
			}
			if (cause instanceof HttpTimeoutException) {
				return new FetchFailedException(Kind.TIMEOUT,
						"no answer within " + this.properties.totalTimeout().toSeconds() + " s");
			}
			if (cause instanceof UnknownHostException) {
				return new FetchFailedException(Kind.DNS, "the host '" + url.getHost() + "' does not resolve");
			}
			if (cause instanceof ConnectException) {
				return new FetchFailedException(Kind.CONNECT, "cannot connect to " + hostAndPort(url));
			}
			if (cause instanceof SSLException) {
				return new FetchFailedException(Kind.TLS,
						"TLS failed with " + url.getHost() + ": " + cause.getMessage());
			}
		}
		String message = (failure != null && failure.getMessage() != null) ? failure.getMessage()
				: String.valueOf(failure);
		return new FetchFailedException(Kind.IO, message);
	}

	private static String hostAndPort(URI url) {
		return url.getHost() + ((url.getPort() != -1) ? ":" + url.getPort() : "");
	}

	private long maxBodyBytes() {
		return this.properties.maxBodyBytes().toBytes();
	}

	private static boolean isRedirect(int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	private static Validators validators(HttpHeaders headers, Validators fallback) {
		String etag = headers.firstValue("ETag").orElse(fallback.etag());
		String lastModified = headers.firstValue("Last-Modified").orElse(fallback.lastModified());
		return new Validators(etag, lastModified);
	}

	/**
	 * Reads {@code Link} headers (RFC 8288): {@code <url>; rel="hub self"}, relative URLs
	 * resolved against the response's URL; the first target of each relation counts.
	 */
	static Map<String, String> links(List<String> headers, URI base) {
		Map<String, String> links = new LinkedHashMap<>();
		for (String header : headers) {
			Matcher link = LINK.matcher(header);
			while (link.find()) {
				String target = link.group(1).strip();
				Matcher rel = REL.matcher(link.group(2));
				if (!rel.find()) {
					continue;
				}
				String rels = (rel.group(1) != null) ? rel.group(1) : rel.group(2);
				for (String name : rels.strip().split("\\s+")) {
					try {
						links.putIfAbsent(name.toLowerCase(Locale.ROOT), base.resolve(target).toString());
					}
					catch (IllegalArgumentException ex) {
						// an unusable target is no link
					}
				}
			}
		}
		return links;
	}

	/**
	 * Reads the {@code max-age} of {@code Cache-Control} (RFC 9111 section 5.2.2.1);
	 * {@code no-cache} and {@code no-store} mean none.
	 */
	static Duration maxAge(List<String> cacheControl) {
		Duration maxAge = null;
		for (String header : cacheControl) {
			for (String directive : header.split(",")) {
				String[] parts = directive.strip().split("=", 2);
				String name = parts[0].strip().toLowerCase(Locale.ROOT);
				if (name.equals("no-cache") || name.equals("no-store")) {
					return null;
				}
				if (name.equals("max-age") && parts.length == 2) {
					String value = parts[1].strip().replace("\"", "");
					if (!value.isEmpty() && value.length() < 11 && value.chars().allMatch(Character::isDigit)) {
						maxAge = Duration.ofSeconds(Long.parseLong(value));
					}
				}
			}
		}
		return maxAge;
	}

	/**
	 * Reads a {@code Retry-After} value: delay seconds or an HTTP date (RFC 9110 section
	 * 10.2.3).
	 */
	static Instant retryAfter(String value, Instant now) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.strip();
		Instant until;
		if (trimmed.chars().allMatch(Character::isDigit)) {
			try {
				until = now.plusSeconds(Long.parseLong(trimmed));
			}
			catch (NumberFormatException | ArithmeticException ex) {
				until = now.plus(MAX_RETRY_AFTER);
			}
		}
		else {
			try {
				until = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		Instant latest = now.plus(MAX_RETRY_AFTER);
		return until.isAfter(latest) ? latest : until;
	}

	private static FetchResult failed(Kind kind, String message) {
		return new FetchResult.Failed(new FetchFailure(kind, message));
	}

	@Override
	public void close() {
		this.client.close();
	}

	private static final class FetchFailedException extends Exception {

		private final transient FetchFailure failure;

		FetchFailedException(Kind kind, String message) {
			super(message, null, false, false);
			this.failure = new FetchFailure(kind, message);
		}

	}

}

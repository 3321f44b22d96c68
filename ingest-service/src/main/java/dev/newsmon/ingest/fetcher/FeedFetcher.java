package dev.newsmon.ingest.fetcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

import dev.newsmon.ingest.fetcher.FetchFailure.Kind;

/**
 * Fetches one feed: a conditional GET (RFC 9110 section 13) with redirects followed by
 * hand, each hop connected only to addresses the {@link AddressPolicy} accepts (checked
 * at connect time by the {@link PinnedHttpClient}), a connect timeout, a deadline for the
 * whole fetch and a body limit counted after decompression.
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

	private static final String ACCEPT_HTML = "text/html, application/xhtml+xml;q=0.9";

	private static final int CHUNK = 8192;

	private final FetchProperties properties;

	private final AddressPolicy addressPolicy;

	private final Clock clock;

	private final PinnedHttpClient client;

	/** Cuts a fetch off at its deadline, however the server trickles its answer. */
	private final ScheduledThreadPoolExecutor deadlines;

	/**
	 * Creates a fetcher with its own HTTP client.
	 * @param properties the limits and the User-Agent
	 * @param addressPolicy which addresses may be reached
	 * @param clock the clock of the deadlines
	 */
	public FeedFetcher(FetchProperties properties, AddressPolicy addressPolicy, Clock clock) {
		this(properties, addressPolicy, SystemDefaultDnsResolver.INSTANCE, clock);
	}

	FeedFetcher(FetchProperties properties, AddressPolicy addressPolicy, DnsResolver lookup, Clock clock) {
		this.properties = properties;
		this.addressPolicy = addressPolicy;
		this.clock = clock;
		this.client = new PinnedHttpClient(properties, addressPolicy, lookup);
		this.deadlines = (ScheduledThreadPoolExecutor) Executors.newScheduledThreadPool(1,
				Thread.ofPlatform().name("feed-fetch-deadline").daemon().factory());
		this.deadlines.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Fetches a feed.
	 * @param url the feed's URL
	 * @param validators the validators of the last response, or {@link Validators#NONE}
	 * @return what came back; failures are values, never exceptions
	 */
	public FetchResult fetch(URI url, Validators validators) {
		return fetch(url, validators, new Limits(ACCEPT, null, this.properties.totalTimeout(), maxBodyBytes()));
	}

	/**
	 * Fetches an article's page, with the rules of a feed fetch (address policy at
	 * connect time, redirect limit, User-Agent, body limit after decompression) and
	 * limits of its own. Anything but HTML is refused before its body is read.
	 * @param url the page's URL
	 * @param timeout the longest the whole fetch may take, redirects and body included
	 * @param maxBodyBytes the largest body accepted, counted after decompression
	 * @return the page, or why there is none ({@link FetchFailure.Kind#NOT_HTML} for
	 * another type); failures are values, never exceptions
	 */
	public FetchResult fetchPage(URI url, Duration timeout, long maxBodyBytes) {
		Duration bounded = (timeout.compareTo(this.properties.totalTimeout()) < 0) ? timeout
				: this.properties.totalTimeout();
		return fetch(url, Validators.NONE,
				new Limits(ACCEPT_HTML, FeedFetcher::isHtml, bounded, Math.min(maxBodyBytes, maxBodyBytes())));
	}

	static boolean isHtml(String contentType) {
		if (contentType == null) {
			return false;
		}
		String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
		return type.equals("text/html") || type.equals("application/xhtml+xml");
	}

	private FetchResult fetch(URI url, Validators validators, Limits limits) {
		Instant deadline = this.clock.instant().plus(limits.timeout());
		URI current = url;
		boolean permanentlyMoved = true;
		for (int redirects = 0;; redirects++) {
			try {
				// the addresses are checked when the connection is made
				this.addressPolicy.checkTarget(current);
			}
			catch (RefusedAddressException ex) {
				return failed(Kind.REFUSED_ADDRESS, ex.getMessage());
			}
			Duration remaining = Duration.between(this.clock.instant(), deadline);
			if (remaining.isNegative() || remaining.isZero()) {
				return failed(Kind.TIMEOUT, "no answer within " + limits.timeout().toSeconds() + " s");
			}
			Answer response;
			try {
				response = send(current, validators, remaining, limits);
			}
			catch (FetchFailedException ex) {
				return new FetchResult.Failed(ex.failure);
			}
			int status = response.status();
			if (isRedirect(status)) {
				String location = response.first("Location");
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
				return new FetchResult.NotModified(validators(response, validators),
						maxAge(response.all("Cache-Control")));
			}
			if (status < 200 || status > 299) {
				Instant retryAfter = (status == 429 || status == 503)
						? retryAfter(response.first("Retry-After"), this.clock.instant()) : null;
				return new FetchResult.Failed(new FetchFailure(Kind.HTTP_STATUS, "HTTP " + status, retryAfter));
			}
			if (limits.contentType() != null && !limits.contentType().test(response.first("Content-Type"))) {
				return failed(Kind.NOT_HTML, "the type is " + response.first("Content-Type") + ", not HTML");
			}
			try {
				byte[] body = ContentDecoding.decode(response.body(), response.first("Content-Encoding"),
						limits.maxBodyBytes());
				return new FetchResult.Fetched(current, redirects > 0 && permanentlyMoved, body,
						response.first("Content-Type"), validators(response, Validators.NONE),
						maxAge(response.all("Cache-Control")), links(response.all("Link"), current));
			}
			catch (BodyTooLargeException ex) {
				return failed(Kind.TOO_LARGE, ex.getMessage() + " (after decompression)");
			}
			catch (IOException ex) {
				return failed(Kind.IO, "the body cannot be decoded: " + ex.getMessage());
			}
		}
	}

	private HttpGet request(URI url, Validators validators, Duration remaining, String accept) {
		HttpGet request = new HttpGet(url);
		request.setConfig(PinnedHttpClient.requestConfig(remaining));
		request.setHeader("User-Agent", this.properties.userAgent());
		request.setHeader("Accept", accept);
		request.setHeader("Accept-Encoding", "gzip, deflate");
		if (validators.etag() != null) {
			request.setHeader("If-None-Match", validators.etag());
		}
		if (validators.lastModified() != null) {
			request.setHeader("If-Modified-Since", validators.lastModified());
		}
		return request;
	}

	/**
	 * Sends one request and reads the answer: the body of a 2xx within the size limit, no
	 * other body.
	 */
	private Answer send(URI url, Validators validators, Duration remaining, Limits limits) throws FetchFailedException {
		HttpGet request = request(url, validators, remaining, limits.accept());
		AtomicBoolean late = new AtomicBoolean();
		ScheduledFuture<?> timer = this.deadlines.schedule(() -> {
			late.set(true);
			request.cancel();
		}, remaining.toMillis(), TimeUnit.MILLISECONDS);
		try {
			ClassicHttpResponse response = this.client.client().executeOpen(null, request, null);
			// a connection is reused only when its answer was read to the end; any other
			// is dropped, never drained
			boolean drained = false;
			try {
				int status = response.getCode();
				HttpEntity entity = response.getEntity();
				byte[] body = new byte[0];
				if (entity == null) {
					drained = true;
				}
				else if (status >= 200 && status <= 299 && (limits.contentType() == null
						|| limits.contentType().test(headerValue(response.getFirstHeader("Content-Type"))))) {
					body = readLimited(entity, limits.maxBodyBytes());
					drained = true;
				}
				return new Answer(status, response.getHeaders(), body);
			}
			finally {
				if (!drained) {
					request.cancel();
				}
				closeQuietly(response);
			}
		}
		catch (IOException | RuntimeException ex) {
			if (late.get()) {
				throw new FetchFailedException(Kind.TIMEOUT,
						"no complete answer within " + limits.timeout().toSeconds() + " s");
			}
			throw classify(ex, url);
		}
		finally {
			timer.cancel(false);
		}
	}

	private static String headerValue(Header header) {
		return (header != null) ? header.getValue() : null;
	}

	private byte[] readLimited(HttpEntity entity, long limit) throws IOException {
		if (entity.getContentLength() > limit) {
			throw new BodyTooLargeException(limit);
		}
		InputStream in = entity.getContent();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] chunk = new byte[CHUNK];
		long total = 0;
		int read;
		while ((read = in.read(chunk)) != -1) {
			total += read;
			if (total > limit) {
				throw new BodyTooLargeException(limit);
			}
			out.write(chunk, 0, read);
		}
		// at the end of the body, closing returns the connection to the pool
		in.close();
		return out.toByteArray();
	}

	private static void closeQuietly(ClassicHttpResponse response) {
		try {
			response.close();
		}
		catch (IOException ex) {
			// the connection is dropped either way
		}
	}

	private FetchFailedException classify(Throwable failure, URI url) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException) {
				return new FetchFailedException(Kind.TOO_LARGE, cause.getMessage());
			}
			if (cause instanceof RefusedAddressException) {
				return new FetchFailedException(Kind.REFUSED_ADDRESS, cause.getMessage());
			}
			if (cause instanceof ConnectTimeoutException) {
				return new FetchFailedException(Kind.TIMEOUT,
						"no connection within " + this.properties.connectTimeout().toSeconds() + " s");
			}
			if (cause instanceof SocketTimeoutException) {
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

	private static Validators validators(Answer response, Validators fallback) {
		String etag = response.first("ETag");
		String lastModified = response.first("Last-Modified");
		return new Validators((etag != null) ? etag : fallback.etag(),
				(lastModified != null) ? lastModified : fallback.lastModified());
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
		this.deadlines.shutdownNow();
		this.client.close();
	}

	/**
	 * What one kind of fetch accepts.
	 *
	 * @param accept the {@code Accept} header
	 * @param contentType the types whose body is read, or {@code null} for any
	 * @param timeout the longest the whole fetch may take
	 * @param maxBodyBytes the largest body, after decompression
	 */
	private record Limits(String accept, Predicate<String> contentType, Duration timeout, long maxBodyBytes) {

	}

	/**
	 * A status, its headers and the body read, if any.
	 */
	private record Answer(int status, Header[] headers, byte[] body) {

		String first(String name) {
			for (Header header : this.headers) {
				if (header.getName().equalsIgnoreCase(name)) {
					return header.getValue();
				}
			}
			return null;
		}

		List<String> all(String name) {
			List<String> values = new ArrayList<>();
			for (Header header : this.headers) {
				if (header.getName().equalsIgnoreCase(name) && header.getValue() != null) {
					values.add(header.getValue());
				}
			}
			return values;
		}

	}

	private static final class FetchFailedException extends Exception {

		private final transient FetchFailure failure;

		FetchFailedException(Kind kind, String message) {
			super(message, null, false, false);
			this.failure = new FetchFailure(kind, message);
		}

	}

}

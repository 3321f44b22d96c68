package dev.newsmon.search.alert.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import dev.newsmon.search.alert.Alert;
import dev.newsmon.search.alert.AlertChannel;
import dev.newsmon.search.alert.Subscription;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends alerts as signed JSON POSTs. {@link #deliver(Alert)} returns at once: attempts
 * run on a small pool of their own, and a failed attempt that may pass later (a
 * connection error, a timeout, 408, 429 or 5xx) is tried again after a backoff until
 * {@code retry-for} has passed since the first. Any other answer ends the delivery.
 * <p>
 * The HTTP client resolves hosts through a {@link CheckedDnsResolver}, so every
 * connection, including each retry's, goes only to an address that passed the
 * private-network rule just before it was made. Redirects are not followed.
 */
@Component
public class WebhookChannel implements AlertChannel, DisposableBean {

	static final String DELIVERY_HEADER = "Newsmon-Delivery";

	static final String EVENT_HEADER = "Newsmon-Event";

	static final String ATTEMPT_HEADER = "Newsmon-Attempt";

	static final String TRACEPARENT_HEADER = "traceparent";

	private static final Log logger = LogFactory.getLog(WebhookChannel.class);

	private static final String USER_AGENT = "newsmon-webhook/1";

	private final WebhookProperties properties;

	private final AddressPolicy addressPolicy;

	private final Clock clock;

	private final Backoff backoff;

	private final JsonMapper json = JsonMapper.builder().build();

	private final CloseableHttpClient client;

	private final ExecutorService senders;

	private final ScheduledExecutorService timer;

	private final Set<Delivery> pending = ConcurrentHashMap.newKeySet();

	private final AtomicInteger pendingCount = new AtomicInteger();

	private final Map<String, Integer> pendingByReceiver = new ConcurrentHashMap<>();

	private final MeterRegistry meters;

	private final Timer.Builder deliveryTimer = Timer.builder("newsmon.alerts.webhook.delivery")
		.description("Time from an alert's hand-over to its final outcome");

	WebhookChannel(WebhookProperties properties, WebhookNetworkProperties network, MeterRegistry meters, Clock clock) {
		this.properties = properties;
		this.addressPolicy = new AddressPolicy(network.allowedNetworks());
		this.meters = meters;
		this.clock = clock;
		this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff(),
				() -> ThreadLocalRandom.current().nextDouble());
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new CheckedDnsResolver(this.addressPolicy))
				.setMaxConnTotal(properties.concurrency())
				.setMaxConnPerRoute(properties.concurrency())
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.of(properties.connectTimeout()))
					.setSocketTimeout(Timeout.of(properties.attemptTimeout()))
					.build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setRedirectsEnabled(false)
				.setResponseTimeout(Timeout.of(properties.attemptTimeout()))
				.setConnectionRequestTimeout(Timeout.of(properties.attemptTimeout()))
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.evictIdleConnections(TimeValue.ofSeconds(30))
			.setUserAgent(USER_AGENT)
			.build();
		this.senders = Executors.newFixedThreadPool(properties.concurrency(),
				Thread.ofPlatform().name("webhook-", 1).daemon().factory());
		this.timer = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("webhook-timer").daemon().factory());
		Gauge.builder("newsmon.alerts.webhook.pending", this.pendingCount, AtomicInteger::get)
			.description("Webhook deliveries sending or waiting for a retry")
			.register(meters);
	}

	@Override
	public Subscription.Channel.Type type() {
		return Subscription.Channel.Type.WEBHOOK;
	}

	@Override
	public CompletableFuture<Outcome> deliver(Alert alert) {
		Subscription.Channel channel = alert.subscription().channel();
		Instant now = this.clock.instant();
		String invalid = invalid(channel);
		if (invalid != null) {
			return CompletableFuture.completedFuture(finished(false, 0, invalid, now, "refused", 0));
		}
		URI url = URI.create(channel.url());
		String receiver = receiver(url);
		if (!admit(receiver)) {
			return CompletableFuture
				.completedFuture(finished(false, 0, "not sent: " + this.properties.maxPendingPerReceiver()
						+ " webhook deliveries to " + receiver + " are already under way", now, "overloaded", 0));
		}
		if (this.pendingCount.incrementAndGet() > this.properties.maxPending()) {
			this.pendingCount.decrementAndGet();
			release(receiver);
			return CompletableFuture.completedFuture(finished(false, 0,
					"not sent: " + this.properties.maxPending() + " webhook deliveries are already under way", now,
					"overloaded", 0));
		}
		byte[] body;
		try {
			body = this.json.writeValueAsBytes(WebhookPayload.of(alert));
		}
		catch (RuntimeException ex) {
			// the future must complete, never throw
			this.pendingCount.decrementAndGet();
			release(receiver);
			return CompletableFuture.completedFuture(finished(false, 0,
					"the alert could not be written as JSON: " + ex.getMessage(), now, "refused", 0));
		}
		Delivery delivery = new Delivery(alert, url, receiver, body, now, now.plus(this.properties.retryFor()),
				System.nanoTime());
		this.pending.add(delivery);
		submit(delivery);
		return delivery.future;
	}

	/** The receiver a URL names: scheme, host and port, lower case. */
	static String receiver(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = (url.getHost() != null) ? url.getHost().toLowerCase(Locale.ROOT) : "";
		return scheme + "://" + host + ((url.getPort() != -1) ? ":" + url.getPort() : "");
	}

	/** Takes one of the receiver's slots, unless it has none left. */
	private boolean admit(String receiver) {
		boolean[] admitted = new boolean[1];
		this.pendingByReceiver.compute(receiver, (key, count) -> {
			int current = (count != null) ? count : 0;
			if (current >= this.properties.maxPendingPerReceiver()) {
				return count;
			}
			admitted[0] = true;
			return current + 1;
		});
		return admitted[0];
	}

	private void release(String receiver) {
		this.pendingByReceiver.computeIfPresent(receiver, (key, count) -> (count > 1) ? count - 1 : null);
	}

	private String invalid(Subscription.Channel channel) {
		if (channel == null || channel.url() == null || channel.url().isBlank()) {
			return "the subscription has no webhook URL";
		}
		if (channel.secret() == null || channel.secret().isEmpty()) {
			return "the subscription has no webhook secret to sign with";
		}
		try {
			URI url = new URI(channel.url());
			this.addressPolicy.checkScheme(url);
			if (url.getHost() == null) {
				return "the webhook URL has no host";
			}
		}
		catch (URISyntaxException | RefusedAddressException ex) {
			return "the webhook URL is not usable: " + ex.getMessage();
		}
		return null;
	}

	private void submit(Delivery delivery) {
		try {
			this.senders.execute(() -> attempt(delivery));
		}
		catch (RejectedExecutionException ex) {
			complete(delivery, false, "the service stopped before the webhook was delivered");
		}
	}

	private void attempt(Delivery delivery) {
		delivery.attempts++;
		AttemptResult result = send(delivery);
		this.meters.counter("newsmon.alerts.webhook.attempts", "result", switch (result) {
			case AttemptResult.Accepted accepted -> "accepted";
			case AttemptResult.Retryable retryable -> "retryable";
			case AttemptResult.Refused refused -> "refused";
		}).increment();
		switch (result) {
			case AttemptResult.Accepted accepted -> complete(delivery, true, accepted.detail());
			case AttemptResult.Refused refused -> complete(delivery, false, refused.detail());
			case AttemptResult.Retryable retryable -> retryLater(delivery, retryable);
		}
	}

	private void retryLater(Delivery delivery, AttemptResult.Retryable result) {
		Instant now = this.clock.instant();
		Duration remaining = Duration.between(now, delivery.deadline);
		if (remaining.isNegative() || remaining.isZero()) {
			complete(delivery, false, result.detail() + "; gave up after " + delivery.attempts + " attempts in "
					+ elapsed(delivery, now));
			return;
		}
		Duration delay;
		if (result.retryAfter() != null) {
			if (result.retryAfter().compareTo(remaining) > 0) {
				complete(delivery, false, result.detail() + "; Retry-After " + result.retryAfter().toSeconds()
						+ "s is past the retry limit of " + this.properties.retryFor());
				return;
			}
			delay = result.retryAfter();
		}
		else {
			delay = this.backoff.delay(delivery.attempts);
		}
		// the last attempt is made at the limit rather than never
		Duration wait = (delay.compareTo(remaining) < 0) ? delay : remaining;
		try {
			this.timer.schedule(() -> submit(delivery), wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			complete(delivery, false, result.detail() + "; the service stopped before the next attempt");
		}
	}

	private AttemptResult send(Delivery delivery) {
		Alert alert = delivery.alert;
		HttpPost post = new HttpPost(delivery.url);
		post.setEntity(new ByteArrayEntity(delivery.body, ContentType.APPLICATION_JSON));
		post.setHeader(WebhookSignature.HEADER, WebhookSignature.header(alert.subscription().channel().secret(),
				this.clock.instant().getEpochSecond(), delivery.body));
		post.setHeader(DELIVERY_HEADER, alert.deliveryId());
		post.setHeader(EVENT_HEADER, WebhookPayload.event(alert));
		post.setHeader(ATTEMPT_HEADER, Integer.toString(delivery.attempts));
		if (alert.traceparent() != null) {
			// the receiver can continue the article's trace (W3C Trace Context)
			post.setHeader(TRACEPARENT_HEADER, alert.traceparent());
		}
		// the socket timeout bounds each read; this bounds a receiver that trickles bytes
		AtomicBoolean timedOut = new AtomicBoolean();
		ScheduledFuture<?> deadline = this.timer.schedule(() -> {
			timedOut.set(true);
			post.cancel();
		}, this.properties.attemptTimeout().toMillis(), TimeUnit.MILLISECONDS);
		try (ClassicHttpResponse response = this.client.executeOpen(null, post, null)) {
			int status = response.getCode();
			Header retryAfter = response.getFirstHeader("Retry-After");
			AttemptResult result = AttemptResult.ofStatus(status,
					(retryAfter != null) ? Backoff.retryAfter(retryAfter.getValue(), this.clock.instant()) : null);
			if (result instanceof AttemptResult.Accepted) {
				return result;
			}
			String excerpt = excerpt(response.getEntity());
			return excerpt.isEmpty() ? result : withDetail(result, result.detail() + ": " + excerpt);
		}
		catch (RefusedAddressException ex) {
			return new AttemptResult.Refused(ex.getMessage());
		}
		catch (SSLPeerUnverifiedException | SSLHandshakeException ex) {
			if (ex instanceof SSLPeerUnverifiedException || hasCause(ex, CertificateException.class)) {
				// a certificate that does not verify will not verify on the next try
				// either
				return new AttemptResult.Refused("TLS: " + ex.getMessage());
			}
			return new AttemptResult.Retryable("TLS: " + ex.getMessage(), null);
		}
		catch (IOException | RuntimeException ex) {
			if (timedOut.get() || ex instanceof InterruptedIOException) {
				return new AttemptResult.Retryable("timed out after " + this.properties.attemptTimeout(), null);
			}
			return new AttemptResult.Retryable(ex.getClass().getSimpleName() + ": " + ex.getMessage(), null);
		}
		finally {
			deadline.cancel(false);
		}
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static AttemptResult withDetail(AttemptResult result, String detail) {
		return switch (result) {
			case AttemptResult.Accepted accepted -> new AttemptResult.Accepted(detail);
			case AttemptResult.Retryable retryable -> new AttemptResult.Retryable(detail, retryable.retryAfter());
			case AttemptResult.Refused refused -> new AttemptResult.Refused(detail);
		};
	}

	/** The start of an error response, for the delivery log; the rest is never read. */
	private String excerpt(HttpEntity entity) {
		if (entity == null) {
			return "";
		}
		try (InputStream in = entity.getContent()) {
			byte[] bytes = in.readNBytes(this.properties.maxResponseBytes());
			String text = new String(bytes, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
			return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
		}
		catch (IOException ex) {
			return "";
		}
	}

	private void complete(Delivery delivery, boolean delivered, String detail) {
		if (!this.pending.remove(delivery)) {
			return;
		}
		this.pendingCount.decrementAndGet();
		release(delivery.receiver);
		Instant now = this.clock.instant();
		Outcome outcome = finished(delivered, delivery.attempts, detail, now, delivered ? "delivered" : "failed",
				System.nanoTime() - delivery.startedNanos);
		if (!delivered) {
			logger.info("Webhook " + delivery.alert.deliveryId() + " failed after " + delivery.attempts
					+ " attempt(s): " + detail);
		}
		delivery.future.complete(outcome);
	}

	private Outcome finished(boolean delivered, int attempts, String detail, Instant at, String result, long nanos) {
		this.meters.counter("newsmon.alerts.webhook.deliveries", "outcome", result).increment();
		this.deliveryTimer.tag("outcome", result).register(this.meters).record(nanos, TimeUnit.NANOSECONDS);
		return new Outcome(delivered, attempts, detail, at);
	}

	private static String elapsed(Delivery delivery, Instant now) {
		return Duration.between(delivery.firstAttempt, now).truncatedTo(ChronoUnit.MILLIS).toString();
	}

	@Override
	public void destroy() throws IOException {
		this.timer.shutdownNow();
		this.senders.shutdownNow();
		for (Delivery delivery : Set.copyOf(this.pending)) {
			complete(delivery, false, "the service stopped before the webhook was delivered");
		}
		this.client.close();
	}

	/** One alert on its way, across attempts. */
	private static final class Delivery {

		private final Alert alert;

		private final URI url;

		private final String receiver;

		private final byte[] body;

		private final Instant firstAttempt;

		private final Instant deadline;

		private final long startedNanos;

		private final CompletableFuture<Outcome> future = new CompletableFuture<>();

		private volatile int attempts;

		Delivery(Alert alert, URI url, String receiver, byte[] body, Instant firstAttempt, Instant deadline,
				long startedNanos) {
			this.alert = alert;
			this.url = url;
			this.receiver = receiver;
			this.body = body;
			this.firstAttempt = firstAttempt;
			this.deadline = deadline;
			this.startedNanos = startedNanos;
		}

	}

}

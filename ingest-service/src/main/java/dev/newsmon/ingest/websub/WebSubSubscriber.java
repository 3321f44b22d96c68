package dev.newsmon.ingest.websub;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.newsmon.ingest.feed.FeedState;
import dev.newsmon.ingest.feed.FeedStore;
import dev.newsmon.ingest.feed.WebSubState;
import dev.newsmon.ingest.fetcher.AddressPolicy;
import dev.newsmon.ingest.fetcher.FetchProperties;
import dev.newsmon.ingest.fetcher.PinnedHttpClient;
import dev.newsmon.ingest.fetcher.RefusedAddressException;
import dev.newsmon.ingest.polling.HubSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Subscribes to a feed's hub (WebSub section 5.1) when a poll discovers it, renews the
 * subscription before its lease ends, and asks again some time after a failure. The
 * pending state, with its secret, is stored before the hub is asked, because the hub may
 * verify the intent before it even answers.
 */
@Component
class WebSubSubscriber implements HubSubscriber, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(WebSubSubscriber.class);

	private final FeedStore store;

	private final AddressPolicy addressPolicy;

	private final WebSubProperties properties;

	private final FetchProperties fetchProperties;

	private final Clock clock;

	private final PinnedHttpClient client;

	private final SecureRandom random = new SecureRandom();

	WebSubSubscriber(FeedStore store, AddressPolicy addressPolicy, WebSubProperties properties,
			FetchProperties fetchProperties, Clock clock) {
		this.store = store;
		this.addressPolicy = addressPolicy;
		this.properties = properties;
		this.fetchProperties = fetchProperties;
		this.clock = clock;
		// the hub's address comes from a feed: it passes the same address rule, at
		// connect
		this.client = new PinnedHttpClient(fetchProperties, addressPolicy);
	}

	@Override
	public void discovered(String feedId, String hub, String topic) {
		if (!this.properties.enabled()) {
			return;
		}
		FeedState state = this.store.findById(feedId).orElse(null);
		if (state == null) {
			return;
		}
		Instant now = this.clock.instant();
		WebSubState current = state.webSub();
		if (!due(current, hub, topic, now)) {
			return;
		}
		boolean same = current != null && hub.equals(current.hub()) && topic.equals(current.topic());
		String secret = (same && current.secret() != null) ? current.secret() : secret();
		WebSubState pending = new WebSubState(hub, topic, secret, WebSubState.PENDING, now,
				same ? current.leaseExpires() : null, null);
		this.store.update(feedId, (feed) -> feed.with(pending));
		String error = subscribe(feedId, hub, topic, secret);
		if (error != null) {
			logger.warn("WebSub subscription of feed '{}' at {} failed: {}", state.feed().name(), hub, error);
			this.store.update(feedId, (feed) -> feed
				.with(new WebSubState(hub, topic, secret, WebSubState.FAILED, now, pending.leaseExpires(), error)));
		}
		else {
			logger.info("Asked {} for WebSub pushes of feed '{}'", hub, state.feed().name());
		}
	}

	private boolean due(WebSubState current, String hub, String topic, Instant now) {
		if (current == null || !hub.equals(current.hub()) || !topic.equals(current.topic())) {
			return true;
		}
		if (current.activeAt(now)) {
			return !current.renewAt(this.properties.renewBefore()).isAfter(now);
		}
		// pending without verification, denied, failed or expired: ask again after a
		// while
		return !current.requestedAt().plus(this.properties.retryAfter()).isAfter(now);
	}

	/** Sends the subscription request; returns why it failed, or null. */
	private String subscribe(String feedId, String hub, String topic, String secret) {
		URI hubUrl;
		try {
			hubUrl = URI.create(hub);
			this.addressPolicy.checkTarget(hubUrl);
		}
		catch (IllegalArgumentException | RefusedAddressException ex) {
			return "hub refused: " + ex.getMessage();
		}
		Map<String, String> form = new LinkedHashMap<>();
		form.put("hub.mode", "subscribe");
		form.put("hub.topic", topic);
		form.put("hub.callback", this.properties.callback(feedId));
		form.put("hub.secret", secret);
		form.put("hub.lease_seconds", Long.toString(this.properties.leaseSeconds()));
		String body = form.entrySet()
			.stream()
			.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		try {
			int status = this.client.postForm(hubUrl, body, this.fetchProperties.userAgent(),
					this.properties.requestTimeout());
			return (status / 100 == 2) ? null : "the hub answered HTTP " + status;
		}
		catch (RefusedAddressException ex) {
			return "hub refused: " + ex.getMessage();
		}
		catch (UnknownHostException ex) {
			return "the hub's host does not resolve";
		}
		catch (IOException ex) {
			return "cannot reach the hub: " + ex.getClass().getSimpleName();
		}
	}

	@Override
	public void close() {
		this.client.close();
	}

	private String secret() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}

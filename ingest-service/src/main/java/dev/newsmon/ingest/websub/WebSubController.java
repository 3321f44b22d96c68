package dev.newsmon.ingest.websub;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import dev.newsmon.ingest.feed.FeedState;
import dev.newsmon.ingest.feed.FeedStore;
import dev.newsmon.ingest.feed.WebSubState;
import dev.newsmon.ingest.fetcher.FetchProperties;
import dev.newsmon.ingest.polling.FeedPoller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The WebSub callback of each feed, {@code /websub/{feedId}}: hubs verify the intent of a
 * subscription with a GET (WebSub section 5.3) and push new content with a signed POST
 * (section 7). No API key: the hub cannot have one; the per-subscription secret
 * authenticates pushes.
 */
@RestController
class WebSubController {

	private static final Logger logger = LoggerFactory.getLogger(WebSubController.class);

	private final FeedStore store;

	private final FeedPoller poller;

	private final FetchProperties fetchProperties;

	private final Clock clock;

	WebSubController(FeedStore store, FeedPoller poller, FetchProperties fetchProperties, Clock clock) {
		this.store = store;
		this.poller = poller;
		this.fetchProperties = fetchProperties;
		this.clock = clock;
	}

	@GetMapping("/websub/{feedId}")
	ResponseEntity<String> verify(@PathVariable String feedId, @RequestParam("hub.mode") String mode,
			@RequestParam("hub.topic") String topic,
			@RequestParam(name = "hub.challenge", required = false) String challenge,
			@RequestParam(name = "hub.lease_seconds", required = false) Long leaseSeconds,
			@RequestParam(name = "hub.reason", required = false) String reason) {
		FeedState state = this.store.findById(feedId).orElse(null);
		WebSubState webSub = (state != null) ? state.webSub() : null;
		boolean ours = webSub != null && topic.equals(webSub.topic());
		Instant now = this.clock.instant();
		switch (mode) {
			case "subscribe" -> {
				if (!ours || challenge == null || WebSubState.DENIED.equals(webSub.status())) {
					return ResponseEntity.notFound().build();
				}
				long lease = (leaseSeconds != null && leaseSeconds > 0) ? leaseSeconds : 0;
				this.store.update(feedId,
						(feed) -> feed
							.with(new WebSubState(webSub.hub(), webSub.topic(), webSub.secret(), WebSubState.ACTIVE,
									webSub.requestedAt(), (lease > 0) ? now.plusSeconds(lease) : null, null)));
				logger.info("WebSub subscription of feed '{}' verified, lease {} s", state.feed().name(), lease);
				return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
			}
			case "unsubscribe" -> {
				// newsmon unsubscribes only from feeds it no longer follows
				if (state != null || challenge == null) {
					return ResponseEntity.notFound().build();
				}
				return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
			}
			case "denied" -> {
				if (ours) {
					this.store
						.update(feedId,
								(feed) -> feed.with(new WebSubState(webSub.hub(), webSub.topic(), webSub.secret(),
										WebSubState.DENIED, webSub.requestedAt(), null,
										(reason != null) ? reason : "denied by the hub")));
				}
				return ResponseEntity.ok().build();
			}
			default -> {
				return ResponseEntity.badRequest().build();
			}
		}
	}

	@PostMapping("/websub/{feedId}")
	ResponseEntity<Void> push(@PathVariable String feedId, HttpServletRequest request) throws IOException {
		FeedState state = this.store.findById(feedId).orElse(null);
		if (state == null) {
			// the hub may end a subscription the subscriber no longer wants
			return ResponseEntity.status(HttpStatus.GONE).build();
		}
		long limit = this.fetchProperties.maxBodyBytes().toBytes();
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, limit + 1));
		}
		if (body.length > limit) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		WebSubState webSub = state.webSub();
		if (webSub == null || !Signature.valid(request.getHeader("X-Hub-Signature"), body, webSub.secret())) {
			// section 8: a push without a valid signature is ignored, yet acknowledged,
			// so
			// that a forger learns nothing
			logger.warn("Ignoring a WebSub push for feed '{}' without a valid signature", state.feed().name());
			return ResponseEntity.accepted().build();
		}
		this.poller.pushed(feedId, body, request.getContentType());
		return ResponseEntity.accepted().build();
	}

}

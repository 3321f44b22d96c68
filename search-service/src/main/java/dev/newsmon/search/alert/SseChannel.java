package dev.newsmon.search.alert;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

/**
 * The {@code sse} channel. Nothing is pushed from here: the event streams of every
 * replica read the delivery log ({@link AlertStreams}), and the alert is in the log once
 * it is dispatched. So the alert counts as delivered, {@code published to the event
 * streams}, as soon as it is logged. Whether a client was connected is not known at that
 * time nor recorded: an open stream on any replica sends it within about a second, and a
 * client that reconnects with {@code Last-Event-ID} gets what it missed.
 */
@Component
class SseChannel implements AlertChannel {

	static final String PUBLISHED = "published to the event streams";

	private final Clock clock;

	SseChannel(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Subscription.Channel.Type type() {
		return Subscription.Channel.Type.SSE;
	}

	@Override
	public CompletableFuture<Outcome> deliver(Alert alert) {
		return CompletableFuture.completedFuture(new Outcome(true, 1, PUBLISHED, this.clock.instant()));
	}

}

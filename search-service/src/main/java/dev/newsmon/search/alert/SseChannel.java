package dev.newsmon.search.alert;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

/**
 * The {@code sse} channel: pushes an alert to the subscription's open event streams on
 * this replica. It counts as delivered when at least one stream took it; with no stream
 * open it is logged as failed with the detail {@code no listener} (the Atom feed and the
 * delivery log still show it).
 */
@Component
class SseChannel implements AlertChannel {

	private final AlertStreams streams;

	private final Clock clock;

	SseChannel(AlertStreams streams, Clock clock) {
		this.streams = streams;
		this.clock = clock;
	}

	@Override
	public Subscription.Channel.Type type() {
		return Subscription.Channel.Type.SSE;
	}

	@Override
	public CompletableFuture<Outcome> deliver(Alert alert) {
		int listeners = this.streams.push(alert);
		Outcome outcome = (listeners > 0) ? new Outcome(true, 1,
				"sent to " + listeners + ((listeners == 1) ? " listener" : " listeners"), this.clock.instant())
				: new Outcome(false, 1, "no listener", this.clock.instant());
		return CompletableFuture.completedFuture(outcome);
	}

}

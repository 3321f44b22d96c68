package dev.newsmon.search.alert;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

/**
 * The {@code atom} channel: nothing is pushed, the subscription's feed reads the delivery
 * log, so an alert is delivered as soon as it is logged.
 */
@Component
class AtomChannel implements AlertChannel {

	private final Clock clock;

	AtomChannel(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Subscription.Channel.Type type() {
		return Subscription.Channel.Type.ATOM;
	}

	@Override
	public CompletableFuture<Outcome> deliver(Alert alert) {
		return CompletableFuture.completedFuture(new Outcome(true, 1, "in the Atom feed", this.clock.instant()));
	}

}

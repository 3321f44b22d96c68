package dev.newsmon.ingest.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When a feed is polled next: its interval with ±10% jitter after a success, so that
 * feeds registered together spread out; after failures an exponential delay, capped, and
 * never before the server's {@code Retry-After} (RFC 9110 section 10.2.3).
 */
final class Backoff {

	private static final double JITTER = 0.10;

	private final Duration firstRetry;

	private final Duration maxBackoff;

	private final RandomGenerator random;

	Backoff(Duration firstRetry, Duration maxBackoff, RandomGenerator random) {
		this.firstRetry = firstRetry;
		this.maxBackoff = maxBackoff;
		this.random = random;
	}

	Instant afterSuccess(Instant now, Duration interval) {
		return now.plus(jitter(interval));
	}

	Instant afterFailure(Instant now, Duration interval, int consecutiveFailures, Instant retryAfter) {
		Duration delay = this.firstRetry;
		for (int i = 1; i < consecutiveFailures && delay.compareTo(this.maxBackoff) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		if (delay.compareTo(this.maxBackoff) > 0) {
			delay = this.maxBackoff;
		}
		// a failing feed is never polled more often than a healthy one
		if (delay.compareTo(interval) < 0) {
			delay = interval;
		}
		Instant next = now.plus(jitter(delay));
		return (retryAfter != null && retryAfter.isAfter(next)) ? retryAfter : next;
	}

	private Duration jitter(Duration delay) {
		double factor = 1 + JITTER * (2 * this.random.nextDouble() - 1);
		return Duration.ofMillis(Math.round(delay.toMillis() * factor));
	}

}

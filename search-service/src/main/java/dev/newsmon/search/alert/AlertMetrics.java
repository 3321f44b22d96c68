package dev.newsmon.search.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The alert meters: how many alerts were offered, logged as new and skipped as logged
 * already, and, per channel and outcome, how long an alert took from the fetch of its
 * article to its delivery outcome ({@code newsmon_alert_latency_seconds} in Prometheus).
 * Alerts whose fetch time is not known (bursts, deliveries resumed from the log) are
 * counted but not timed, so the latency has one meaning only.
 */
@Component
class AlertMetrics {

	static final String LATENCY = "newsmon.alert.latency";

	// from an SSE push right after indexing to a webhook retried for ten minutes
	private static final Duration[] BUCKETS = { Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
			Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
			Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
			Duration.ofMinutes(5), Duration.ofMinutes(10) };

	private final MeterRegistry meters;

	private final Clock clock;

	private final Counter matched;

	private final Counter submitted;

	private final Counter duplicates;

	AlertMetrics(MeterRegistry meters, Clock clock) {
		this.meters = meters;
		this.clock = clock;
		this.matched = Counter.builder("newsmon.alerts.matched")
			.description("Alerts handed to the dispatcher (article matches and bursts)")
			.register(meters);
		this.submitted = Counter.builder("newsmon.alerts.submitted")
			.description("Alerts logged as new and dispatched")
			.register(meters);
		this.duplicates = Counter.builder("newsmon.alerts.duplicates")
			.description("Alerts skipped because their delivery was logged already (a replay)")
			.register(meters);
	}

	/**
	 * Counts a batch handed to the dispatcher.
	 * @param offered the alerts handed over
	 * @param created those that were new
	 */
	void submitted(int offered, int created) {
		this.matched.increment(offered);
		this.submitted.increment(created);
		this.duplicates.increment(offered - created);
	}

	/**
	 * Counts and times an alert whose delivery outcome is known.
	 * @param alert the alert
	 * @param outcome its outcome
	 */
	void finished(Alert alert, AlertChannel.Outcome outcome) {
		String channel = alert.subscription().channel().type().name().toLowerCase(Locale.ROOT);
		String result = outcome.delivered() ? "delivered" : "failed";
		this.meters.counter("newsmon.alerts.finished", "channel", channel, "outcome", result).increment();
		if (alert.fetchedAt() == null) {
			return;
		}
		Instant at = (outcome.at() != null) ? outcome.at() : this.clock.instant();
		Duration latency = Duration.between(alert.fetchedAt(), at);
		Timer.builder(LATENCY)
			.description("Time from the fetch of an article to the outcome of its alert's delivery")
			.tags("channel", channel, "outcome", result)
			.serviceLevelObjectives(BUCKETS)
			.register(this.meters)
			.record(latency.isNegative() ? Duration.ZERO : latency);
	}

}

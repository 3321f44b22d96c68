package dev.newsmon.search.alert.trend;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.newsmon.search.alert.Alert;
import dev.newsmon.search.alert.AlertSink;
import dev.newsmon.search.alert.Subscription;
import dev.newsmon.search.alert.SubscriptionRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Evaluates every trend subscription once: its matches published in the last hour against
 * the hourly mean of the {@code baseline-days} before that hour. A burst goes to the
 * {@link AlertSink} with the delivery id {@code <subscriptionId>:trend:<hour start>}, so
 * however often it is evaluated (and on however many replicas), a subscription gets at
 * most one burst alert per clock hour.
 */
class TrendEvaluator {

	private static final Log logger = LogFactory.getLog(TrendEvaluator.class);

	private static final Duration HOUR = Duration.ofHours(1);

	private final MatchCounter counter;

	private final SubscriptionRegistry registry;

	private final AlertSink sink;

	private final Clock clock;

	private final Duration baseline;

	private final TrendRule rule;

	TrendEvaluator(TrendProperties properties, MatchCounter counter, SubscriptionRegistry registry, AlertSink sink,
			Clock clock) {
		this.counter = counter;
		this.registry = registry;
		this.sink = sink;
		this.clock = clock;
		this.baseline = Duration.ofDays(properties.baselineDays());
		this.rule = new TrendRule(this.baseline.toHours(), properties.baselineFloor());
	}

	/**
	 * Evaluates every trend subscription now.
	 * @return the burst alerts found (each submitted to the sink)
	 */
	List<Alert> evaluate() {
		Instant now = this.clock.instant();
		List<Alert> bursts = new ArrayList<>();
		for (Subscription subscription : this.registry.all()) {
			if (subscription.trend() == null) {
				continue;
			}
			try {
				evaluate(subscription, now).ifPresent((alert) -> {
					bursts.add(alert);
					this.sink.submit(alert);
				});
			}
			catch (IOException | RuntimeException ex) {
				// one subscription's failure (a query Elasticsearch refuses) must not
				// stop
				// the others
				logger.warn("Trend of subscription " + subscription.id() + " not evaluated: " + ex.getMessage());
			}
		}
		return bursts;
	}

	private Optional<Alert> evaluate(Subscription subscription, Instant now) throws IOException {
		Instant hourAgo = now.minus(HOUR);
		MatchCounter.Matches lastHour = this.counter.latest(subscription, hourAgo, now);
		if (lastHour.count() < subscription.trend().minimumMatches() || lastHour.count() == 0) {
			// no burst whatever the baseline: spare the second query
			return Optional.empty();
		}
		long baselineCount = this.counter.count(subscription, hourAgo.minus(this.baseline), hourAgo);
		return this.rule.evaluate(subscription.trend(), lastHour.count(), baselineCount)
			.map((report) -> new Alert(subscription.id() + ":trend:" + now.truncatedTo(ChronoUnit.HOURS), subscription,
					lastHour.latest(), now, report));
	}

}

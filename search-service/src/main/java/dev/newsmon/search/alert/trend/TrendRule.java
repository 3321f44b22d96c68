package dev.newsmon.search.alert.trend;

import java.util.Optional;

import dev.newsmon.search.alert.Alert;
import dev.newsmon.search.alert.Subscription;

/**
 * Decides whether an hour's matches are a burst: at least the subscription's minimum, and
 * more than its factor times the hourly baseline (never less than a small floor).
 *
 * @param baselineHours how many hours the baseline count covers
 * @param floor the smallest hourly baseline a burst is measured against
 */
record TrendRule(long baselineHours, double floor) {

	/**
	 * Evaluates one subscription's counts.
	 * @param trend the subscription's rule
	 * @param lastHour its matches in the last hour
	 * @param baselineCount its matches in the baseline period
	 * @return the report when it is a burst
	 */
	Optional<Alert.TrendReport> evaluate(Subscription.Trend trend, long lastHour, long baselineCount) {
		double baselinePerHour = (double) baselineCount / this.baselineHours;
		boolean burst = lastHour >= trend.minimumMatches()
				&& lastHour > trend.factor() * Math.max(baselinePerHour, this.floor);
		return burst ? Optional.of(new Alert.TrendReport(lastHour, baselinePerHour, trend.factor())) : Optional.empty();
	}

}

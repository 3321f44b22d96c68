package dev.newsmon.search.alert.trend;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How trend subscriptions are evaluated.
 *
 * @param enabled whether trend alerts are evaluated at all
 * @param interval how often every trend subscription is evaluated
 * @param initialDelay the wait after start-up before the first evaluation
 * @param baselineDays how many days before the last hour make the baseline
 * @param baselineFloor the smallest hourly baseline a burst is measured against, so that
 * a subscription with no history does not fire on its first few matches
 */
@ConfigurationProperties("newsmon.search.alert.trend")
public record TrendProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5m") Duration interval,
		@DefaultValue("1m") Duration initialDelay, @DefaultValue("14") int baselineDays,
		@DefaultValue("0.5") double baselineFloor) {

}

package dev.newsmon.search.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertMetricsTests {

	private static final Instant FETCHED = Instant.parse("2026-11-27T04:00:00Z");

	private static final Clock CLOCK = Clock.fixed(FETCHED.plusSeconds(3600), ZoneOffset.UTC);

	@Test
	void timesFromTheFetchToTheOutcomeByChannelAndOutcome() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		AlertMetrics metrics = new AlertMetrics(meters, CLOCK);
		metrics.finished(alert(Subscription.Channel.Type.WEBHOOK, FETCHED), outcome(true, Duration.ofMillis(1200)));
		metrics.finished(alert(Subscription.Channel.Type.WEBHOOK, FETCHED), outcome(false, Duration.ofMinutes(10)));
		metrics.finished(alert(Subscription.Channel.Type.SSE, FETCHED), outcome(true, Duration.ofMillis(40)));

		Timer delivered = meters.get(AlertMetrics.LATENCY).tags("channel", "webhook", "outcome", "delivered").timer();
		assertThat(delivered.count()).isEqualTo(1);
		assertThat(delivered.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1200);
		assertThat(meters.get(AlertMetrics.LATENCY).tags("channel", "webhook", "outcome", "failed").timer().count())
			.isEqualTo(1);
		Timer sse = meters.get(AlertMetrics.LATENCY).tags("channel", "sse", "outcome", "delivered").timer();
		CountAtBucket[] buckets = sse.takeSnapshot().histogramCounts();
		assertThat(buckets[0].bucket(TimeUnit.SECONDS)).isEqualTo(0.05);
		assertThat(buckets[0].count()).isEqualTo(1);
		assertThat(buckets[buckets.length - 1].bucket(TimeUnit.SECONDS)).isEqualTo(600);
		assertThat(
				meters.get("newsmon.alerts.finished").tags("channel", "webhook", "outcome", "failed").counter().count())
			.isEqualTo(1);
	}

	@Test
	void countsButDoesNotTimeAlertsWithoutAFetchTime() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		AlertMetrics metrics = new AlertMetrics(meters, CLOCK);
		metrics.finished(alert(Subscription.Channel.Type.ATOM, null), outcome(true, Duration.ZERO));
		assertThat(meters.find(AlertMetrics.LATENCY).timers()).isEmpty();
		assertThat(
				meters.get("newsmon.alerts.finished").tags("channel", "atom", "outcome", "delivered").counter().count())
			.isEqualTo(1);
	}

	@Test
	void countsOfferedNewAndDuplicateAlerts() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		AlertMetrics metrics = new AlertMetrics(meters, CLOCK);
		metrics.submitted(5, 3);
		metrics.submitted(2, 0);
		assertThat(count(meters, "newsmon.alerts.matched")).isEqualTo(7);
		assertThat(count(meters, "newsmon.alerts.submitted")).isEqualTo(3);
		assertThat(count(meters, "newsmon.alerts.duplicates")).isEqualTo(4);
	}

	@Test
	void prometheusShowsTheLatencyHistogram() {
		PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		AlertMetrics metrics = new AlertMetrics(meters, CLOCK);
		metrics.finished(alert(Subscription.Channel.Type.EMAIL, FETCHED), outcome(true, Duration.ofSeconds(20)));
		String scrape = meters.scrape();
		assertThat(scrape)
			.contains("newsmon_alert_latency_seconds_bucket{channel=\"email\",outcome=\"delivered\",le=\"30.0\"} 1")
			.contains("newsmon_alert_latency_seconds_bucket{channel=\"email\",outcome=\"delivered\",le=\"10.0\"} 0")
			.contains("newsmon_alert_latency_seconds_count{channel=\"email\",outcome=\"delivered\"} 1")
			.contains("newsmon_alert_latency_seconds_sum{channel=\"email\",outcome=\"delivered\"} 20.0")
			.contains("newsmon_alerts_finished_total{channel=\"email\",outcome=\"delivered\"} 1.0")
			.contains("newsmon_alerts_duplicates_total 0.0");
	}

	private static double count(MeterRegistry meters, String name) {
		return meters.get(name).counter().count();
	}

	private static AlertChannel.Outcome outcome(boolean delivered, Duration afterFetch) {
		return new AlertChannel.Outcome(delivered, 1, delivered ? "ok" : "gave up", FETCHED.plus(afterFetch));
	}

	private static Alert alert(Subscription.Channel.Type type, Instant fetchedAt) {
		Subscription subscription = new Subscription("sub-1", "Missiles", "missile", List.of(), List.of(), List.of(),
				new Subscription.Channel(type, null, null, null), false, null, Instant.parse("2026-11-01T00:00:00Z"));
		Alert.AlertArticle article = new Alert.AlertArticle("article-1", "Missile launch reported",
				"https://news.example/missile", "Newsmon Wire", "en", FETCHED, List.of("north-korea"),
				"A launch was reported.", "cluster-1");
		return new Alert("sub-1:article-1", subscription, article, FETCHED.plusSeconds(1), null, fetchedAt,
				"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
	}

}

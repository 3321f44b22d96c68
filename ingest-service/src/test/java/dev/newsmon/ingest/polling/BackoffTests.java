package dev.newsmon.ingest.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	/** nextDouble() = 0.5 means no jitter. */
	private final Backoff noJitter = new Backoff(Duration.ofMinutes(1), Duration.ofHours(6), fixed(0.5));

	@ParameterizedTest(name = "{0} failures, interval {1}: {2}")
	@CsvSource(textBlock = """
			1,  PT1M,  PT1M
			2,  PT1M,  PT2M
			3,  PT1M,  PT4M
			5,  PT1M,  PT16M
			9,  PT1M,  PT4H16M
			10, PT1M,  PT6H
			50, PT1M,  PT6H
			1,  PT15M, PT15M
			5,  PT15M, PT16M
			""")
	void growsExponentiallyUpToTheCapButNeverBelowTheInterval(int failures, Duration interval, Duration delay) {
		assertThat(this.noJitter.afterFailure(NOW, interval, failures, null)).isEqualTo(NOW.plus(delay));
	}

	@Test
	void honoursALaterRetryAfter() {
		Instant retryAfter = NOW.plus(Duration.ofHours(2));
		assertThat(this.noJitter.afterFailure(NOW, Duration.ofMinutes(1), 1, retryAfter)).isEqualTo(retryAfter);
		assertThat(this.noJitter.afterFailure(NOW, Duration.ofMinutes(1), 1, NOW.plusSeconds(5)))
			.isEqualTo(NOW.plus(Duration.ofMinutes(1)));
	}

	@ParameterizedTest
	@CsvSource({ "0.0, PT54M", "0.5, PT1H", "0.9999999, PT1H6M" })
	void jittersTheIntervalByTenPercent(double random, Duration expected) {
		Backoff backoff = new Backoff(Duration.ofMinutes(1), Duration.ofHours(6), fixed(random));
		assertThat(Duration.between(NOW, backoff.afterSuccess(NOW, Duration.ofHours(1))))
			.isBetween(expected.minusSeconds(1), expected.plusSeconds(1));
	}

	private static RandomGenerator fixed(double value) {
		return new RandomGenerator() {

			@Override
			public long nextLong() {
				return 0;
			}

			@Override
			public double nextDouble() {
				return value;
			}

		};
	}

}

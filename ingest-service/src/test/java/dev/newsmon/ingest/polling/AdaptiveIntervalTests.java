package dev.newsmon.ingest.polling;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdaptiveIntervalTests {

	private static final Duration HOUR = Duration.ofHours(1);

	private final AdaptiveInterval intervals = new AdaptiveInterval(Duration.ofMinutes(5), Duration.ofHours(4));

	@Test
	void startsFromTheFeedsInterval() {
		assertThat(this.intervals.next(HOUR, null, true, null)).isEqualTo(HOUR);
	}

	@Test
	void shortensWhenTheFeedChangesDownToAQuarterOfItsInterval() {
		Duration interval = HOUR;
		for (int poll = 0; poll < 10; poll++) {
			interval = this.intervals.next(HOUR, interval, true, null);
		}
		assertThat(interval).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void lengthensWhenItDoesNotUpToTheConfiguredMaximum() {
		assertThat(this.intervals.next(HOUR, HOUR, false, null)).isEqualTo(Duration.ofMinutes(90));
		Duration interval = HOUR;
		for (int poll = 0; poll < 10; poll++) {
			interval = this.intervals.next(HOUR, interval, false, null);
		}
		assertThat(interval).isEqualTo(Duration.ofHours(4));
	}

	@Test
	void neverShorterThanTheConfiguredMinimum() {
		Duration fast = Duration.ofMinutes(10);
		Duration interval = fast;
		for (int poll = 0; poll < 10; poll++) {
			interval = this.intervals.next(fast, interval, true, null);
		}
		assertThat(interval).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void serverFreshnessIsALowerBoundCappedAtTheUpperBound() {
		assertThat(this.intervals.next(HOUR, HOUR, true, Duration.ofHours(2))).isEqualTo(Duration.ofHours(2));
		assertThat(this.intervals.next(HOUR, HOUR, true, Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(30));
		assertThat(this.intervals.next(HOUR, HOUR, true, Duration.ofDays(1))).isEqualTo(Duration.ofHours(4));
	}

}

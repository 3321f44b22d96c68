package dev.newsmon.search.alert.webhook;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	private final Backoff lowest = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.0);

	private final Backoff highest = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.999999);

	@Test
	void doublesEachTimeWithHalfOfItRandom() {
		assertThat(this.lowest.delay(1)).isEqualTo(Duration.ofMillis(500));
		assertThat(this.highest.delay(1)).isBetween(Duration.ofMillis(999), Duration.ofSeconds(1));
		assertThat(this.lowest.delay(2)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.lowest.delay(3)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.highest.delay(4)).isBetween(Duration.ofMillis(7999), Duration.ofSeconds(8));
	}

	@Test
	void staysUnderTheMaximum() {
		assertThat(this.highest.delay(7)).isBetween(Duration.ofMillis(59999), Duration.ofSeconds(60));
		assertThat(this.lowest.delay(7)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.highest.delay(1000)).isBetween(Duration.ofMillis(59999), Duration.ofSeconds(60));
	}

	@Test
	void readsRetryAfterInSeconds() {
		assertThat(Backoff.retryAfter("120", Instant.EPOCH)).isEqualTo(Duration.ofSeconds(120));
		assertThat(Backoff.retryAfter(" 0 ", Instant.EPOCH)).isEqualTo(Duration.ZERO);
	}

	@Test
	void readsRetryAfterAsHttpDate() {
		Instant now = Instant.parse("2015-10-21T07:27:00Z");
		assertThat(Backoff.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now)).isEqualTo(Duration.ofMinutes(1));
		assertThat(Backoff.retryAfter("Wed, 21 Oct 2015 07:20:00 GMT", now)).isEqualTo(Duration.ZERO);
	}

	@Test
	void ignoresRetryAfterItCannotRead() {
		assertThat(Backoff.retryAfter(null, Instant.EPOCH)).isNull();
		assertThat(Backoff.retryAfter("soon", Instant.EPOCH)).isNull();
		assertThat(Backoff.retryAfter("-5", Instant.EPOCH)).isNull();
	}

}

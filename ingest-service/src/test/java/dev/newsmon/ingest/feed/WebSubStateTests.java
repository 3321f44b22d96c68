package dev.newsmon.ingest.feed;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebSubStateTests {

	private static final Instant REQUESTED = Instant.parse("2026-11-27T00:00:00Z");

	@Test
	void renewsALongLeaseTheConfiguredTimeBeforeItEnds() {
		WebSubState state = active(Duration.ofDays(10));
		assertThat(state.renewAt(Duration.ofDays(1))).isEqualTo(REQUESTED.plus(Duration.ofDays(9)));
	}

	@Test
	void renewsAShortLeaseHalfway() {
		WebSubState state = active(Duration.ofHours(1));
		assertThat(state.renewAt(Duration.ofDays(1))).isEqualTo(REQUESTED.plus(Duration.ofMinutes(30)));
	}

	@Test
	void isActiveOnlyWhileVerifiedAndLeased() {
		WebSubState state = active(Duration.ofHours(1));
		assertThat(state.activeAt(REQUESTED.plusSeconds(60))).isTrue();
		assertThat(state.activeAt(REQUESTED.plus(Duration.ofHours(2)))).isFalse();
		WebSubState pending = new WebSubState("https://hub.example", "https://feed.example", "s", WebSubState.PENDING,
				REQUESTED, null, null);
		assertThat(pending.activeAt(REQUESTED)).isFalse();
	}

	private static WebSubState active(Duration lease) {
		return new WebSubState("https://hub.example", "https://feed.example", "s", WebSubState.ACTIVE, REQUESTED,
				REQUESTED.plus(lease), null);
	}

}

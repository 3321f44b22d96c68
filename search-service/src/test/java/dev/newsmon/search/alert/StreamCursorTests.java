package dev.newsmon.search.alert;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event stream sends each delivery once although it reads the log again from a little
 * before the newest delivery it sent.
 */
class StreamCursorTests {

	private static final Instant OPENED = Instant.parse("2026-11-27T06:00:00.123456789Z");

	private static final Duration OVERLAP = Duration.ofSeconds(30);

	@Test
	void sendsEachDeliveryOnceWhenTheLogIsReadAgain() {
		StreamCursor cursor = new StreamCursor(OPENED, OVERLAP);
		assertThat(cursor.take("s:a", OPENED.plusSeconds(1))).isTrue();
		assertThat(cursor.take("s:b", OPENED.plusSeconds(2))).isTrue();
		// the next poll reads both again
		assertThat(cursor.take("s:a", OPENED.plusSeconds(1))).isFalse();
		assertThat(cursor.take("s:b", OPENED.plusSeconds(2))).isFalse();
	}

	@Test
	void sendsNothingMatchedBeforeTheStreamOpened() {
		StreamCursor cursor = new StreamCursor(OPENED, OVERLAP);
		assertThat(cursor.take("s:old", OPENED.minusNanos(1))).isFalse();
		assertThat(cursor.take("s:now", OPENED)).isTrue();
		assertThat(cursor.floor()).isEqualTo(OPENED);
	}

	@Test
	void sendsADeliveryThatBecameVisibleLateWithinTheOverlap() {
		StreamCursor cursor = new StreamCursor(OPENED, OVERLAP);
		assertThat(cursor.take("s:later", OPENED.plusSeconds(40))).isTrue();
		assertThat(cursor.floor()).isEqualTo(OPENED.plusSeconds(10));
		// matched earlier on another replica, visible only now
		assertThat(cursor.take("s:earlier", OPENED.plusSeconds(15))).isTrue();
		assertThat(cursor.take("s:too-late", OPENED.plusSeconds(5))).isFalse();
	}

	@Test
	void forgetsDeliveriesBelowTheFloor() {
		StreamCursor cursor = new StreamCursor(OPENED, OVERLAP);
		for (int i = 0; i < 100; i++) {
			assertThat(cursor.take("s:" + i, OPENED.plusSeconds(i))).isTrue();
		}
		// those matched in the last 30 s are kept for the next read, the rest forgotten
		assertThat(cursor.remembered()).isEqualTo(31);
		assertThat(cursor.take("s:50", OPENED.plusSeconds(50))).isFalse();
		assertThat(cursor.take("s:80", OPENED.plusSeconds(80))).isFalse();
	}

	@Test
	void resumesAfterTheLastEventTheClientReceived() {
		Instant last = OPENED.minus(Duration.ofMinutes(5));
		StreamCursor cursor = StreamCursor.after("s:last", last, OVERLAP);
		assertThat(cursor.take("s:last", last)).isFalse();
		assertThat(cursor.take("s:missed", last.plusSeconds(60))).isTrue();
		assertThat(cursor.take("s:before", last.minusSeconds(1))).isFalse();
	}

}

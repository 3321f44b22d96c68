package dev.newsmon.ingest.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostPermitsTests {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T10:00:00Z"));

	private final HostPermits permits = new HostPermits(Duration.ofSeconds(2), new Clock() {

		@Override
		public Instant instant() {
			return HostPermitsTests.this.now.get();
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	});

	@Test
	void oneRequestPerHostAtATime() {
		assertThat(this.permits.tryAcquire("a.example")).isTrue();
		assertThat(this.permits.tryAcquire("a.example")).isFalse();
		assertThat(this.permits.tryAcquire("b.example")).isTrue();
	}

	@Test
	void aMinimumGapBetweenTheStartsOfTwoRequests() {
		assertThat(this.permits.tryAcquire("a.example")).isTrue();
		this.permits.release("a.example");
		this.now.set(this.now.get().plusSeconds(1));
		assertThat(this.permits.tryAcquire("a.example")).isFalse();
		this.now.set(this.now.get().plusSeconds(1));
		assertThat(this.permits.tryAcquire("a.example")).isTrue();
	}

}

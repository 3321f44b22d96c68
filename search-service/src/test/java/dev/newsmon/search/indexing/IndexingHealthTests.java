package dev.newsmon.search.indexing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class IndexingHealthTests {

	private static final Instant NOW = Instant.parse("2026-11-27T04:00:00Z");

	private final IndexingHealth health = new IndexingHealth(new IndexProperties("news-articles", 1, 0, false, 3),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void upUntilTheThresholdOfFailuresInARow() {
		this.health.failed("Elasticsearch did not take the bulk request: connection refused");
		this.health.failed("Elasticsearch did not take the bulk request: connection refused");
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
		this.health.failed("2 of 500 articles could not be indexed now");
		Health down = this.health.health();
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("consecutiveFailures", 3)
			.containsEntry("failingSince", NOW.toString())
			.containsEntry("lastError", "2 of 500 articles could not be indexed now");
	}

	@Test
	void anAcknowledgedBatchMakesItHealthyAgain() {
		for (int i = 0; i < 5; i++) {
			this.health.failed("connection refused");
		}
		this.health.succeeded();
		Health up = this.health.health();
		assertThat(up.getStatus()).isEqualTo(Status.UP);
		assertThat(up.getDetails()).containsEntry("consecutiveFailures", 0).doesNotContainKey("lastError");
		assertThat(this.health.consecutiveFailures()).isZero();
	}

}

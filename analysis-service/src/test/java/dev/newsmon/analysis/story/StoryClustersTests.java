package dev.newsmon.analysis.story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StoryClusters}.
 */
class StoryClustersTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

	private final StoryClusters clusters = new StoryClusters(this.clock, Duration.ofHours(48), 3, 3);

	@Test
	void aNewArticleStartsItsOwnStory() {
		assertThat(this.clusters.clusterOf("a", 0b1111L)).isEqualTo("a");
	}

	@Test
	void aNearDuplicateJoinsTheFirstArticlesStory() {
		this.clusters.clusterOf("a", 0b1111L);
		assertThat(this.clusters.clusterOf("b", 0b1000L)).isEqualTo("a");
		assertThat(this.clusters.clusterOf("c", 0b0111_0000L)).isEqualTo("c");
	}

	@Test
	void seeingAnArticleAgainGivesTheSameStory() {
		this.clusters.clusterOf("a", 0L);
		this.clusters.clusterOf("b", 1L);
		assertThat(this.clusters.clusterOf("b", 1L)).isEqualTo("a");
	}

	@Test
	void articlesLeaveTheWindowWithTime() {
		this.clusters.clusterOf("a", 0L);
		this.clock.advance(Duration.ofHours(49));
		assertThat(this.clusters.clusterOf("b", 0L)).isEqualTo("b");
	}

	@Test
	void theOldestArticlesLeaveAFullWindow() {
		this.clusters.clusterOf("a", 0L);
		this.clusters.clusterOf("b", -1L);
		this.clusters.clusterOf("c", 0xff00ff00L);
		this.clusters.clusterOf("d", 0x00ff00ffL);
		assertThat(this.clusters.clusterOf("e", 0L)).isEqualTo("e");
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}

package dev.newsmon.search.timeline;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RisingTopicsTests {

	private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

	@Test
	void aTopicWellAboveItsMeanDailyCountRises() {
		// 14 a day before, 40 today: 40 / 14 = 2.86
		RisingTopics rising = RisingTopics.of(NOW, List.of(new RisingTopics.Counts("north-korea", 40, 196)), 14, 2.0,
				3);
		assertThat(rising.topics()).singleElement().satisfies((topic) -> {
			assertThat(topic.topic()).isEqualTo("north-korea");
			assertThat(topic.baselineDailyMean()).isEqualTo(14.0);
			assertThat(topic.ratio()).isEqualTo(2.86);
		});
	}

	@Test
	void aTopicAtItsUsualVolumeDoesNotRise() {
		RisingTopics rising = RisingTopics.of(NOW, List.of(new RisingTopics.Counts("north-korea", 20, 196)), 14, 2.0,
				3);
		assertThat(rising.topics()).isEmpty();
	}

	@Test
	void fewArticlesOnAQuietTopicAreNotARise() {
		RisingTopics rising = RisingTopics.of(NOW, List.of(new RisingTopics.Counts("cyber-security", 2, 0)), 14, 2.0,
				3);
		assertThat(rising.topics()).isEmpty();
	}

	@Test
	void aTopicNewToTheNewsGetsAFiniteRatio() {
		RisingTopics rising = RisingTopics.of(NOW, List.of(new RisingTopics.Counts("cyber-security", 5, 0)), 14, 2.0,
				3);
		assertThat(rising.topics()).singleElement().satisfies((topic) -> {
			assertThat(topic.baselineDailyMean()).isZero();
			assertThat(topic.ratio()).isEqualTo(70.0);
		});
	}

	@Test
	void theSteepestRiseComesFirst() {
		RisingTopics rising = RisingTopics.of(NOW, List.of(new RisingTopics.Counts("a", 10, 28),
				new RisingTopics.Counts("b", 10, 14), new RisingTopics.Counts("c", 30, 140)), 14, 2.0, 3);
		assertThat(rising.topics()).extracting(RisingTopics.Rising::topic).containsExactly("b", "a", "c");
	}

}

package dev.newsmon.search.timeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.newsmon.search.indexing.IndexProperties;
import dev.newsmon.search.query.InvalidParameterException;
import dev.newsmon.search.query.SearchCriteria;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TimelineControllerTests {

	private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

	private final RecordingVolumes volumes = new RecordingVolumes();

	private final TimelineController controller = new TimelineController(this.volumes,
			new TimelineProperties(Duration.ofDays(30), 400, 14, 2.0, 3), Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void withoutARangeTheTimelineCoversTheLast30DaysToday() {
		Timeline timeline = this.controller.timeline(null, List.of("north-korea"), null, null, null, null);
		assertThat(timeline.from()).isEqualTo(LocalDate.parse("2026-10-28"));
		assertThat(timeline.to()).isEqualTo(LocalDate.parse("2026-11-27"));
		assertThat(timeline.dates()).hasSize(31);
		assertThat(this.volumes.criteria.from()).isEqualTo(Instant.parse("2026-10-28T00:00:00Z"));
		assertThat(this.volumes.criteria.topics()).containsExactly("north-korea");
		assertThat(timeline.series()).singleElement()
			.satisfies((series) -> assertThat(series.counts().get(30)).isEqualTo(4L));
	}

	@Test
	void aDateRangeIncludesItsLastDay() {
		Timeline timeline = this.controller.timeline("missile", List.of(), "en", null, "2026-11-01", "2026-11-07");
		assertThat(timeline.dates()).first().isEqualTo("2026-11-01");
		assertThat(timeline.dates()).last().isEqualTo("2026-11-07");
		assertThat(this.volumes.criteria.q()).isEqualTo("missile");
		assertThat(this.volumes.criteria.language()).isEqualTo("en");
		// with no topic named, the busiest are drawn
		assertThat(this.volumes.topicCount).isEqualTo(5);
		assertThat(timeline.series()).extracting(Timeline.Series::topic).containsExactly("north-korea");
	}

	@Test
	void refusesAnUnknownTopicAndAnOverlongRange() {
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.controller.timeline(null, List.of("weather"), null, null, null, null))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("topic"));
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.controller.timeline(null, null, null, null, "2020-01-01", "2026-01-01"))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("from"));
	}

	@Test
	void risingTopicsAreJudgedAgainstTheConfiguredBaseline() {
		RisingTopics rising = this.controller.rising();
		assertThat(this.volumes.asOf).isEqualTo(NOW);
		assertThat(rising.baselineDays()).isEqualTo(14);
		assertThat(rising.topics()).extracting(RisingTopics.Rising::topic).containsExactly("north-korea");
	}

	/**
	 * Answers with fixed counts and records what it was asked.
	 */
	static class RecordingVolumes extends TopicVolumes {

		SearchCriteria criteria;

		int topicCount;

		Instant asOf;

		RecordingVolumes() {
			super(null, new IndexProperties("unused", 1, 0, false, 5), null);
		}

		@Override
		Map<String, Map<LocalDate, Long>> daily(SearchCriteria criteria, int topicCount) {
			this.criteria = criteria;
			this.topicCount = topicCount;
			return Map.of("north-korea", Map.of(LocalDate.parse("2026-11-27"), 4L, LocalDate.parse("2026-11-02"), 1L));
		}

		@Override
		List<RisingTopics.Counts> recent(Instant asOf, int baselineDays) {
			this.asOf = asOf;
			return List.of(new RisingTopics.Counts("north-korea", 9, 14),
					new RisingTopics.Counts("taiwan-strait", 2, 28));
		}

	}

}

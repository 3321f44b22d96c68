package dev.newsmon.search.timeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTests {

	private static final LocalDate FIRST = LocalDate.parse("2026-11-01");

	@Test
	void everySeriesHasACountForEveryDayOfTheRange() {
		Timeline timeline = Timeline.of(FIRST, LocalDate.parse("2026-11-04"), List.of("north-korea", "taiwan-strait"),
				Map.of("north-korea", Map.of(LocalDate.parse("2026-11-02"), 3L, LocalDate.parse("2026-11-04"), 1L)));
		assertThat(timeline.dates()).containsExactly("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04");
		assertThat(timeline.series()).extracting(Timeline.Series::topic)
			.containsExactly("north-korea", "taiwan-strait");
		assertThat(timeline.series().get(0).counts()).containsExactly(0L, 3L, 0L, 1L);
		assertThat(timeline.series().get(0).total()).isEqualTo(4);
		assertThat(timeline.series().get(1).counts()).containsExactly(0L, 0L, 0L, 0L);
	}

	@Test
	void daysOutsideTheRangeAreLeftOut() {
		Timeline timeline = Timeline.of(FIRST, FIRST, List.of("north-korea"),
				Map.of("north-korea", Map.of(LocalDate.parse("2026-10-31"), 5L, FIRST, 2L)));
		assertThat(timeline.series().get(0).counts()).containsExactly(2L);
		assertThat(timeline.series().get(0).total()).isEqualTo(2);
	}

	@Test
	void theBusiestTopicComesFirst() {
		Timeline timeline = Timeline.of(FIRST, FIRST, List.of("a", "b", "c"),
				Map.of("a", Map.of(FIRST, 1L), "b", Map.of(FIRST, 7L), "c", Map.of(FIRST, 1L)));
		assertThat(timeline.series()).extracting(Timeline.Series::topic).containsExactly("b", "a", "c");
	}

}

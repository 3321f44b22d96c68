package dev.newsmon.search.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /api/timeline}: one count per day and topic, every series on the
 * same days so that a chart can draw them on one axis.
 *
 * @param from the first day (UTC)
 * @param to the last day (UTC), inclusive
 * @param dates every day from {@code from} to {@code to}, {@code yyyy-MM-dd}
 * @param series one series per topic, the busiest first
 */
record Timeline(LocalDate from, LocalDate to, List<String> dates, List<Series> series) {

	/**
	 * The daily counts of one topic.
	 *
	 * @param topic the topic id
	 * @param total the sum of the counts
	 * @param counts the count of each day of {@link Timeline#dates()}
	 */
	record Series(String topic, long total, List<Long> counts) {

	}

	/**
	 * Lays counts out on every day of the range, zero where a topic had no article.
	 * @param from the first day
	 * @param to the last day, inclusive
	 * @param topics the topics to draw, each with a series even when it has no article
	 * @param counts the counts per topic and day; days outside the range are ignored
	 * @return the timeline
	 */
	static Timeline of(LocalDate from, LocalDate to, List<String> topics, Map<String, Map<LocalDate, Long>> counts) {
		List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
		List<Series> series = new ArrayList<>();
		for (String topic : topics) {
			Map<LocalDate, Long> perDay = counts.getOrDefault(topic, Map.of());
			List<Long> values = days.stream().map((day) -> perDay.getOrDefault(day, 0L)).toList();
			series.add(new Series(topic, values.stream().mapToLong(Long::longValue).sum(), values));
		}
		series.sort(Comparator.comparingLong(Series::total).reversed().thenComparing(Series::topic));
		return new Timeline(from, to, days.stream().map(LocalDate::toString).toList(), series);
	}

}

package dev.newsmon.search.timeline;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The body of {@code GET /api/rising}: topics whose count in the last 24 hours is well
 * above their mean daily count over the days before.
 *
 * @param asOf the end of the last 24 hours
 * @param baselineDays how many days before the last 24 hours make the baseline
 * @param factor how many times its baseline a topic reached to be listed
 * @param minimum the fewest articles in the last 24 hours of a listed topic
 * @param topics the rising topics, the steepest rise first
 */
record RisingTopics(Instant asOf, int baselineDays, double factor, int minimum, List<Rising> topics) {

	/**
	 * A rising topic and its figures.
	 *
	 * @param topic the topic id
	 * @param last24h its articles in the last 24 hours
	 * @param baselineTotal its articles in the baseline days
	 * @param baselineDailyMean its mean articles per baseline day
	 * @param ratio {@code last24h} over the mean (the mean taken as at least one article
	 * every baseline period, so a topic new to the news gets a finite ratio)
	 */
	record Rising(String topic, long last24h, long baselineTotal, double baselineDailyMean, double ratio) {

	}

	/**
	 * One topic's counts in the two windows.
	 *
	 * @param topic the topic id
	 * @param last24h articles in the last 24 hours
	 * @param baseline articles in the baseline days
	 */
	record Counts(String topic, long last24h, long baseline) {

	}

	/**
	 * Picks the rising topics.
	 * @param asOf the end of the last 24 hours
	 * @param counts every topic's counts
	 * @param baselineDays the length of the baseline in days
	 * @param factor the rise a topic must reach
	 * @param minimum the fewest articles in the last 24 hours
	 * @return the rising topics, steepest first
	 */
	static RisingTopics of(Instant asOf, List<Counts> counts, int baselineDays, double factor, int minimum) {
		double floor = 1.0 / baselineDays;
		List<Rising> rising = counts.stream().map((count) -> {
			double mean = (double) count.baseline() / baselineDays;
			double ratio = count.last24h() / Math.max(mean, floor);
			return new Rising(count.topic(), count.last24h(), count.baseline(), round(mean), round(ratio));
		})
			.filter((topic) -> topic.last24h() >= minimum && topic.ratio() >= factor)
			.sorted(Comparator.comparingDouble(Rising::ratio)
				.reversed()
				.thenComparing(Comparator.comparingLong(Rising::last24h).reversed())
				.thenComparing(Rising::topic))
			.toList();
		return new RisingTopics(asOf, baselineDays, factor, minimum, rising);
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}

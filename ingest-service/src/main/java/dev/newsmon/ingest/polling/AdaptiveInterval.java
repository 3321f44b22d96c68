package dev.newsmon.ingest.polling;

import java.time.Duration;

/**
 * The interval between two polls of a feed, adapted to how often it changes: halved after
 * a poll that brought something new, grown by half after one that did not, within the
 * configured bounds and within a quarter to four times the feed's own interval. The
 * server's freshness ({@code Cache-Control: max-age}, RSS {@code <ttl>}) is a lower
 * bound: polling before it ends would only fetch the same document again.
 */
final class AdaptiveInterval {

	private final Duration min;

	private final Duration max;

	AdaptiveInterval(Duration min, Duration max) {
		this.min = min;
		this.max = max;
	}

	/**
	 * Returns the next interval.
	 * @param configured the feed's own interval
	 * @param current the interval adapted to so far, or {@code null} before the first
	 * successful poll
	 * @param changed whether the last poll brought new or changed articles
	 * @param freshFor how long the server says the feed stays fresh, or {@code null}
	 * @return the interval, before jitter
	 */
	Duration next(Duration configured, Duration current, boolean changed, Duration freshFor) {
		Duration lower = longest(this.min, configured.dividedBy(4));
		Duration upper = shortest(this.max, configured.multipliedBy(4));
		if (upper.compareTo(lower) < 0) {
			upper = lower;
		}
		Duration next = configured;
		if (current != null && !current.isZero()) {
			// the first poll finds everything new: adapt from the second on
			next = changed ? current.dividedBy(2) : current.multipliedBy(3).dividedBy(2);
			next = shortest(upper, longest(lower, next));
		}
		if (freshFor != null) {
			// never beyond the upper bound: a day-long max-age must not mute a news feed
			next = longest(next, shortest(freshFor, upper));
		}
		return next;
	}

	private static Duration longest(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static Duration shortest(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}

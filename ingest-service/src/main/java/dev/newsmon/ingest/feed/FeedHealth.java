package dev.newsmon.ingest.feed;

import java.time.Duration;
import java.time.Instant;

/**
 * How polling a feed goes.
 *
 * @param lastAttempt when it was last polled, or {@code null}
 * @param lastSuccess when a poll last succeeded, or {@code null}
 * @param lastErrorAt when a poll last failed, or {@code null}
 * @param lastError why the last failed poll failed, or {@code null}
 * @param lastErrorClass the class of that failure, such as {@code timeout}, or
 * {@code null}
 * @param consecutiveFailures how many polls failed since the last success
 * @param nextPoll when it is polled next
 * @param itemsSeen how many distinct articles it has brought
 * @param pollIntervalSeconds the interval polling has adapted to, within the configured
 * bounds; {@code 0} until the first successful poll
 */
public record FeedHealth(Instant lastAttempt, Instant lastSuccess, Instant lastErrorAt, String lastError,
		String lastErrorClass, int consecutiveFailures, Instant nextPoll, long itemsSeen, int pollIntervalSeconds) {

	/**
	 * The health of a feed never polled.
	 * @param nextPoll when to poll it first
	 * @return the health
	 */
	public static FeedHealth unpolled(Instant nextPoll) {
		return new FeedHealth(null, null, null, null, null, 0, nextPoll, 0, 0);
	}

	/**
	 * Returns this health after a successful poll.
	 * @param at when the poll happened
	 * @param newItems how many new articles it brought
	 * @param next when to poll next
	 * @param interval the interval polling has adapted to
	 * @return the new health
	 */
	public FeedHealth succeeded(Instant at, int newItems, Instant next, Duration interval) {
		return new FeedHealth(at, at, this.lastErrorAt, this.lastError, this.lastErrorClass, 0, next,
				this.itemsSeen + newItems, (int) interval.toSeconds());
	}

	/**
	 * Returns this health after a failed poll.
	 * @param at when the poll happened
	 * @param errorClass the class of the failure
	 * @param error why it failed
	 * @param next when to poll next
	 * @return the new health
	 */
	public FeedHealth failed(Instant at, String errorClass, String error, Instant next) {
		return new FeedHealth(at, this.lastSuccess, at, error, errorClass, this.consecutiveFailures + 1, next,
				this.itemsSeen, this.pollIntervalSeconds);
	}

}

package dev.newsmon.search.alert.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next attempt: exponential, capped, with "equal jitter"
 * (half the delay fixed, half random) so that the retries of many deliveries that failed
 * together do not arrive together.
 *
 * @param initial the delay after the first failed attempt, before jitter
 * @param max the longest delay
 * @param random a source of numbers in [0, 1)
 */
record Backoff(Duration initial, Duration max, DoubleSupplier random) {

	/**
	 * The delay after a failed attempt.
	 * @param failedAttempts how many attempts have failed so far (1 or more)
	 * @return the delay
	 */
	Duration delay(int failedAttempts) {
		long initialMillis = Math.max(1, this.initial.toMillis());
		long maxMillis = Math.max(initialMillis, this.max.toMillis());
		int doublings = Math.min(Math.max(0, failedAttempts - 1), 30);
		long exponential = Math.min(maxMillis, initialMillis << doublings);
		long half = exponential / 2;
		return Duration.ofMillis(exponential - half + (long) (half * this.random.getAsDouble()));
	}

	/**
	 * Reads a {@code Retry-After} value (RFC 9110, section 10.2.3): seconds or an HTTP
	 * date.
	 * @param value the header value, or {@code null}
	 * @param now the current time, for a date
	 * @return how long the server asked to wait, or {@code null} if it did not say
	 * (legibly)
	 */
	static Duration retryAfter(String value, Instant now) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		try {
			long seconds = Long.parseLong(text);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			// an HTTP date then
		}
		try {
			Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}

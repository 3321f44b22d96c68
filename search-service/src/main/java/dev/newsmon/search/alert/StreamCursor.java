package dev.newsmon.search.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Where one event stream is in the delivery log: which deliveries it sent, so that each
 * is sent once although the log is read again from a little before the newest one sent.
 * The log is read by match time, and an entry becomes visible up to a refresh after it
 * was matched, so an entry matched up to {@code overlap} before the newest one sent is
 * still sent; older entries are never sent, and they are forgotten.
 */
final class StreamCursor {

	private final Duration overlap;

	private final Map<String, Instant> sent = new HashMap<>();

	private Instant floor;

	private Instant newest;

	/**
	 * A cursor that starts at a time.
	 * @param from the earliest match time to send
	 * @param overlap how far before the newest match sent the log is read again
	 */
	StreamCursor(Instant from, Duration overlap) {
		this.floor = from;
		this.newest = from;
		this.overlap = overlap;
	}

	/**
	 * A cursor that resumes after a delivery, as given by {@code Last-Event-ID}.
	 * @param deliveryId the last delivery the client received
	 * @param matchedAt its match time
	 * @param overlap how far before the newest match sent the log is read again
	 * @return the cursor
	 */
	static StreamCursor after(String deliveryId, Instant matchedAt, Duration overlap) {
		StreamCursor cursor = new StreamCursor(matchedAt, overlap);
		cursor.sent.put(deliveryId, matchedAt);
		return cursor;
	}

	/**
	 * The earliest match time this stream still takes: the log is read from here.
	 * @return the time
	 */
	Instant floor() {
		return this.floor;
	}

	/**
	 * Takes a delivery read from the log, if the stream has not sent it.
	 * @param deliveryId the delivery
	 * @param matchedAt its match time
	 * @return whether to send it now
	 */
	boolean take(String deliveryId, Instant matchedAt) {
		if (matchedAt.isBefore(this.floor) || this.sent.containsKey(deliveryId)) {
			return false;
		}
		this.sent.put(deliveryId, matchedAt);
		if (matchedAt.isAfter(this.newest)) {
			this.newest = matchedAt;
			Instant reread = matchedAt.minus(this.overlap);
			if (reread.isAfter(this.floor)) {
				this.floor = reread;
				// below the floor nothing is sent anyway
				this.sent.values().removeIf((at) -> at.isBefore(reread));
			}
		}
		return true;
	}

	/**
	 * How many sent deliveries are remembered.
	 * @return the count
	 */
	int remembered() {
		return this.sent.size();
	}

}

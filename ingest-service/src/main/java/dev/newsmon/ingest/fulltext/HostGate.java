package dev.newsmon.ingest.fulltext;

import java.time.Duration;

/**
 * Per-host politeness for page fetches, kept by the poller: at most one request to a host
 * at a time and a gap between two.
 */
public interface HostGate {

	/**
	 * Waits until a request to the host may start.
	 * @param host the host, lower case
	 * @param timeout the longest wait
	 * @return whether the request may start; {@link #leave(String)} follows if so
	 * @throws InterruptedException if the wait is interrupted
	 */
	boolean enter(String host, Duration timeout) throws InterruptedException;

	/**
	 * Ends a request that {@link #enter(String, Duration)} let start.
	 * @param host the host
	 */
	void leave(String host);

}

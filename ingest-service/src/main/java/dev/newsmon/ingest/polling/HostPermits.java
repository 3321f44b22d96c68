package dev.newsmon.ingest.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Politeness per host: one request at a time, and a minimum gap between the starts of two
 * requests, so that a site with many feeds is not hit by a burst of polls.
 */
final class HostPermits {

	private final ConcurrentMap<String, Host> hosts = new ConcurrentHashMap<>();

	private final Duration gap;

	private final Clock clock;

	HostPermits(Duration gap, Clock clock) {
		this.gap = gap;
		this.clock = clock;
	}

	/**
	 * Takes a host's permit unless a request to it runs or the gap since the last one has
	 * not passed.
	 */
	boolean tryAcquire(String host) {
		Host permits = host(host);
		if (!permits.semaphore.tryAcquire()) {
			return false;
		}
		Instant now = this.clock.instant();
		if (now.isBefore(permits.lastStart.plus(this.gap))) {
			permits.semaphore.release();
			return false;
		}
		permits.lastStart = now;
		return true;
	}

	/** Takes a host's permit, waiting for a running request and then for the gap. */
	boolean acquire(String host, Duration timeout) throws InterruptedException {
		Host permits = host(host);
		if (!permits.semaphore.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			return false;
		}
		Duration wait = Duration.between(this.clock.instant(), permits.lastStart.plus(this.gap));
		if (wait.isPositive()) {
			Thread.sleep(wait);
		}
		permits.lastStart = this.clock.instant();
		return true;
	}

	/**
	 * Waits out the gap for a further request to a host whose permit the caller holds.
	 * @return whether the gap passed within the timeout
	 */
	boolean awaitGap(String host, Duration timeout) throws InterruptedException {
		Host permits = host(host);
		Duration wait = Duration.between(this.clock.instant(), permits.lastStart.plus(this.gap));
		if (wait.compareTo(timeout) > 0) {
			return false;
		}
		if (wait.isPositive()) {
			Thread.sleep(wait);
		}
		permits.lastStart = this.clock.instant();
		return true;
	}

	void release(String host) {
		host(host).semaphore.release();
	}

	private Host host(String host) {
		return this.hosts.computeIfAbsent(host, (key) -> new Host());
	}

	private static final class Host {

		private final Semaphore semaphore = new Semaphore(1);

		/** Written only by the holder of the semaphore. */
		private volatile Instant lastStart = Instant.MIN;

	}

}

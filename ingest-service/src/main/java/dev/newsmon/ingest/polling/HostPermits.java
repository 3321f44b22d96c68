package dev.newsmon.ingest.polling;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One request at a time per host, so that a site with many feeds is not hit by several
 * polls at once.
 */
final class HostPermits {

	private final ConcurrentMap<String, Semaphore> hosts = new ConcurrentHashMap<>();

	boolean tryAcquire(String host) {
		return semaphore(host).tryAcquire();
	}

	boolean acquire(String host, Duration timeout) throws InterruptedException {
		return semaphore(host).tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	void release(String host) {
		semaphore(host).release();
	}

	private Semaphore semaphore(String host) {
		return this.hosts.computeIfAbsent(host, (key) -> new Semaphore(1));
	}

}

package dev.newsmon.system.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the article index for articles fetched since a moment, and notes for each the
 * time it first became visible to a search: latency is that time minus its
 * {@code fetchedAt}. The resolution is the polling interval (the visibility time noted is
 * when the search answered, an upper bound).
 */
final class Visibility implements AutoCloseable {

	private final Elastic elastic;

	private final long fetchedFromMs;

	private final long intervalMs;

	private final long lookBackMs;

	private final Map<String, Long> latencies = new ConcurrentHashMap<>();

	private final Map<String, Long> fetchedAt = new ConcurrentHashMap<>();

	private final Thread thread;

	private volatile long fetchedUntilMs = Long.MAX_VALUE;

	private volatile long lastNewMs = System.currentTimeMillis();

	private volatile boolean running = true;

	private volatile long errors;

	Visibility(Elastic elastic, long fetchedFromMs, long intervalMs, long lookBackMs) {
		this.elastic = elastic;
		this.fetchedFromMs = fetchedFromMs;
		this.intervalMs = intervalMs;
		this.lookBackMs = lookBackMs;
		this.thread = Thread.ofPlatform().daemon().name("visibility").start(this::watch);
	}

	private void watch() {
		while (this.running) {
			long sent = System.currentTimeMillis();
			try {
				Map<String, Long> visible = this.elastic.visibleSince(sent - this.lookBackMs);
				long answered = System.currentTimeMillis();
				visible.forEach((id, fetchedAt) -> {
					if (fetchedAt >= this.fetchedFromMs && fetchedAt <= this.fetchedUntilMs
							&& this.latencies.putIfAbsent(id, answered - fetchedAt) == null) {
						this.fetchedAt.put(id, fetchedAt);
						this.lastNewMs = answered;
					}
				});
				Thread.sleep(Math.max(0, this.intervalMs - (answered - sent)));
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (Exception ex) {
				this.errors++;
			}
		}
	}

	/** Articles fetched after this moment are not counted (the driver has stopped). */
	void fetchedUntil(long ms) {
		this.fetchedUntilMs = ms;
		this.lastNewMs = Math.max(this.lastNewMs, ms);
	}

	/**
	 * Waits until no new article showed up for {@code quietMs}, or {@code maxMs} passed.
	 */
	void awaitQuiet(long quietMs, long maxMs) throws InterruptedException {
		long deadline = System.currentTimeMillis() + maxMs;
		while (System.currentTimeMillis() < deadline && System.currentTimeMillis() - this.lastNewMs < quietMs) {
			Thread.sleep(200);
		}
	}

	/** The fetch time (epoch ms) of the version of each article first seen. */
	Map<String, Long> fetchedAt() {
		return this.fetchedAt;
	}

	int count() {
		return this.latencies.size();
	}

	long lastNewMs() {
		return this.lastNewMs;
	}

	long errors() {
		return this.errors;
	}

	/** The latency (ms) at quantile {@code q}, or -1 with no article seen. */
	long quantile(double q) {
		return quantile(this.latencies.values(), q);
	}

	static long quantile(Collection<Long> values, double q) {
		List<Long> sorted = new ArrayList<>(values);
		if (sorted.isEmpty()) {
			return -1;
		}
		Collections.sort(sorted);
		return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
		try {
			this.thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

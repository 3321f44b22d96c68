package dev.newsmon.ingest.polling;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.newsmon.ingest.feed.FeedState;
import dev.newsmon.ingest.feed.FeedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts the polls of the due feeds this replica owns: at most {@code concurrency} at
 * once and one per host, the most overdue first, so that a slow feed occupies one worker
 * and delays no other.
 */
@Component
class PollScheduler implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PollScheduler.class);

	private final FeedStore store;

	private final FeedPoller poller;

	private final PollProperties properties;

	private final Clock clock;

	private final Semaphore workers;

	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

	private volatile ScheduledExecutorService ticker;

	private volatile ExecutorService pool;

	PollScheduler(FeedStore store, FeedPoller poller, PollProperties properties, Clock clock) {
		this.store = store;
		this.poller = poller;
		this.properties = properties;
		this.clock = clock;
		this.workers = new Semaphore(Math.max(1, properties.concurrency()));
	}

	@Override
	public void start() {
		if (!this.properties.enabled()) {
			logger.info("Scheduled polling is off (newsmon.ingest.poll.enabled=false)");
			return;
		}
		this.pool = Executors.newFixedThreadPool(Math.max(1, this.properties.concurrency()),
				Thread.ofPlatform().name("feed-poll-", 1).daemon().factory());
		this.ticker = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("feed-schedule").daemon().factory());
		long tick = this.properties.tick().toMillis();
		this.ticker.scheduleWithFixedDelay(this::startDuePolls, tick, tick, TimeUnit.MILLISECONDS);
	}

	void startDuePolls() {
		try {
			Instant now = this.clock.instant();
			List<FeedState> due = this.store.findAll()
				.stream()
				.filter((state) -> !state.health().nextPoll().isAfter(now))
				.filter((state) -> this.store.owns(state.feed().id()))
				.sorted(Comparator.comparing((FeedState state) -> state.health().nextPoll()))
				.toList();
			for (FeedState state : due) {
				if (!startPoll(state)) {
					break;
				}
			}
		}
		catch (RuntimeException ex) {
			// the ticker must survive anything, or polling would stop for good
			logger.error("Cannot start due polls", ex);
		}
	}

	/** Starts a poll when a worker is free; returns false when none is. */
	private boolean startPoll(FeedState state) {
		String feedId = state.feed().id();
		if (this.inFlight.contains(feedId)) {
			return true;
		}
		// A poll that ended since the list was read has moved the feed's next poll, and
		// it did so before leaving inFlight: read again so that it does not run twice.
		Instant now = this.clock.instant();
		boolean stillDue = this.store.findById(feedId)
			.map((current) -> !current.health().nextPoll().isAfter(now))
			.orElse(false);
		if (!stillDue) {
			return true;
		}
		if (!this.workers.tryAcquire()) {
			return false;
		}
		String host = FeedPoller.host(state.feed());
		if (!this.poller.tryAcquireHost(host)) {
			this.workers.release();
			return true;
		}
		this.inFlight.add(feedId);
		try {
			this.pool.execute(() -> {
				try {
					this.poller.poll(feedId);
				}
				catch (RuntimeException ex) {
					logger.error("Poll of feed '{}' failed unexpectedly", state.feed().name(), ex);
				}
				finally {
					this.inFlight.remove(feedId);
					this.poller.releaseHost(host);
					this.workers.release();
					startDuePollsSoon();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.inFlight.remove(feedId);
			this.poller.releaseHost(host);
			this.workers.release();
			return false;
		}
		return true;
	}

	/** A worker is free: look for due feeds now rather than at the next tick. */
	private void startDuePollsSoon() {
		ScheduledExecutorService ticker = this.ticker;
		if (ticker != null) {
			try {
				ticker.execute(this::startDuePolls);
			}
			catch (RejectedExecutionException ex) {
				// stopping
			}
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService ticker = this.ticker;
		ExecutorService pool = this.pool;
		if (ticker != null) {
			ticker.shutdownNow();
		}
		if (pool != null) {
			pool.shutdownNow();
			try {
				pool.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.ticker = null;
		this.pool = null;
	}

	@Override
	public boolean isRunning() {
		return this.ticker != null;
	}

}

package dev.newsmon.system.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks ingest-service to poll the farm's feeds, one after the other, either at a fixed
 * number of polls a second or as fast as it answers, with at most {@code workers} polls
 * under way.
 */
final class PollPump implements AutoCloseable {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final ServiceJvm ingest;

	private final List<String> feedIds;

	private final String apiKey;

	private final int workers;

	private final ExecutorService executor;

	private final Semaphore inFlight;

	private final AtomicLong next = new AtomicLong();

	private final AtomicLong succeeded = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicLong skipped = new AtomicLong();

	private volatile boolean running;

	private Thread pacer;

	PollPump(ServiceJvm ingest, List<String> feedIds, String apiKey, int workers) {
		this.ingest = ingest;
		this.feedIds = List.copyOf(feedIds);
		this.apiKey = apiKey;
		this.workers = workers;
		this.executor = Executors.newFixedThreadPool(workers, Thread.ofPlatform().daemon().name("poll-", 0).factory());
		this.inFlight = new Semaphore(workers);
	}

	/**
	 * Polls at {@code pollsPerSecond}; a poll due while all workers are busy is skipped.
	 */
	void startPaced(double pollsPerSecond) {
		this.running = true;
		this.pacer = Thread.ofPlatform().daemon().name("poll-pacer").start(() -> {
			long start = System.nanoTime();
			long issued = 0;
			while (this.running) {
				long due = (long) ((System.nanoTime() - start) / 1e9 * pollsPerSecond);
				for (; issued < due; issued++) {
					if (this.inFlight.tryAcquire()) {
						this.executor.execute(() -> {
							try {
								pollNext();
							}
							finally {
								this.inFlight.release();
							}
						});
					}
					else {
						this.skipped.incrementAndGet();
					}
				}
				sleep(5);
			}
		});
	}

	/** Polls back to back on every worker. */
	void startFlat() {
		this.running = true;
		for (int i = 0; i < this.workers; i++) {
			this.executor.execute(() -> {
				while (this.running) {
					pollNext();
				}
			});
		}
	}

	void stop() throws InterruptedException {
		this.running = false;
		if (this.pacer != null) {
			this.pacer.join();
			this.pacer = null;
		}
		this.inFlight.acquire(this.workers);
		this.inFlight.release(this.workers);
	}

	private void pollNext() {
		String feedId = this.feedIds.get(Math.floorMod(this.next.getAndIncrement(), this.feedIds.size()));
		try {
			HttpResponse<Void> response = this.http
				.send(HttpRequest.newBuilder(this.ingest.uri("/api/feeds/" + feedId + "/poll"))
					.header("Authorization", "Bearer " + this.apiKey)
					.timeout(Duration.ofSeconds(30))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.discarding());
			((response.statusCode() == 200) ? this.succeeded : this.failed).incrementAndGet();
		}
		catch (IOException ex) {
			this.failed.incrementAndGet();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	long succeeded() {
		return this.succeeded.get();
	}

	long failed() {
		return this.failed.get();
	}

	long skipped() {
		return this.skipped.get();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

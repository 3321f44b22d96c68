package dev.newsmon.system;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps articles flowing: asks ingest-service to poll the next feed, one after the other,
 * as fast as it answers. While ingest-service or the broker is down a request fails and
 * the next one is tried a moment later: a failure test never waits for the driver.
 */
final class PollDriver implements AutoCloseable {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final ServiceProcess ingest;

	private final List<String> feedIds;

	private final String apiKey;

	private final ScheduledExecutorService executor = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("poll-driver").daemon().factory());

	/** Held while a poll request is under way: {@link #pause()} waits for it. */
	private final ReentrantLock polling = new ReentrantLock();

	private final AtomicInteger next = new AtomicInteger();

	private final AtomicInteger succeeded = new AtomicInteger();

	private final AtomicInteger failed = new AtomicInteger();

	private volatile boolean paused;

	PollDriver(ServiceProcess ingest, List<String> feedIds, String apiKey) {
		this.ingest = ingest;
		this.feedIds = List.copyOf(feedIds);
		this.apiKey = apiKey;
	}

	void start() {
		this.executor.scheduleWithFixedDelay(this::pollNext, 0, 200, TimeUnit.MILLISECONDS);
	}

	private void pollNext() {
		if (this.paused) {
			return;
		}
		this.polling.lock();
		try {
			if (this.paused) {
				return;
			}
			String feedId = this.feedIds.get(Math.floorMod(this.next.getAndIncrement(), this.feedIds.size()));
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
		finally {
			this.polling.unlock();
		}
	}

	/** Stops asking for polls, once the poll under way has ended. */
	void pause() {
		this.paused = true;
		this.polling.lock();
		this.polling.unlock();
	}

	void resume() {
		this.paused = false;
	}

	int succeeded() {
		return this.succeeded.get();
	}

	int failed() {
		return this.failed.get();
	}

	@Override
	public void close() {
		this.paused = true;
		this.executor.shutdownNow();
	}

}

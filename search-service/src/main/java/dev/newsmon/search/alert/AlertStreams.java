package dev.newsmon.search.alert;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent event streams of each subscription on this replica. The streams
 * read the delivery log, so that a stream sees every alert of its subscription whichever
 * replica matched it: while any stream is open, one search every poll interval reads the
 * entries of the subscriptions with open streams that are newer than what each stream
 * sent, and each stream sends those it has not sent, in match order. Idle streams get a
 * comment every heartbeat so that proxies keep them open. Polls and heartbeats run on one
 * thread, so a stream is written by one thread at a time. On shutdown the streams are
 * ended before the web server's graceful shutdown waits for open requests: clients
 * reconnect, to another replica, with {@code Last-Event-ID}.
 */
@Component
class AlertStreams implements SmartLifecycle, DisposableBean {

	private static final Log logger = LogFactory.getLog(AlertStreams.class);

	private static final int PAGE_SIZE = 200;

	private final Map<String, Set<Stream>> bySubscription = new ConcurrentHashMap<>();

	private final AlertProperties properties;

	private final DeliveryLog log;

	private final Clock clock;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "alert-streams");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean failing;

	private volatile boolean running;

	AlertStreams(AlertProperties properties, Subscriptions subscriptions, DeliveryLog log, Clock clock) {
		this.properties = properties;
		this.log = log;
		this.clock = clock;
		subscriptions.listen((put, removed) -> removed.forEach(this::close));
		long every = properties.heartbeat().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
		long poll = properties.streamPoll().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
	}

	/**
	 * Opens a stream of the alerts matched from now on, or, when the client reconnects
	 * with the id of the last event it received, of those after that one.
	 * @param subscriptionId the subscription
	 * @param lastEventId the {@code Last-Event-ID} the client sent, or {@code null}
	 * @return the emitter
	 */
	SseEmitter open(String subscriptionId, String lastEventId) {
		Stream stream = new Stream(new SseEmitter(this.properties.streamTimeout().toMillis()),
				cursor(subscriptionId, lastEventId));
		SseEmitter emitter = stream.emitter();
		Runnable remove = () -> remove(subscriptionId, stream);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError((ex) -> remove.run());
		try {
			// tells the client at once that the stream is open
			emitter.send(SseEmitter.event().comment("open"));
		}
		catch (IOException ex) {
			return emitter;
		}
		this.bySubscription.computeIfAbsent(subscriptionId, (id) -> ConcurrentHashMap.newKeySet()).add(stream);
		return emitter;
	}

	/**
	 * Closes the streams of a subscription, when it is deleted.
	 * @param subscriptionId the subscription
	 */
	void close(String subscriptionId) {
		Set<Stream> streams = this.bySubscription.remove(subscriptionId);
		if (streams != null) {
			streams.forEach((stream) -> stream.emitter().complete());
		}
	}

	/**
	 * How many streams are open on this replica.
	 * @return the count
	 */
	int open() {
		return this.bySubscription.values().stream().mapToInt(Set::size).sum();
	}

	private StreamCursor cursor(String subscriptionId, String lastEventId) {
		Duration overlap = this.properties.streamOverlap();
		if (lastEventId != null && !lastEventId.isBlank()) {
			try {
				Delivery last = this.log.find(lastEventId.strip());
				if (last != null && subscriptionId.equals(last.subscriptionId()) && last.matchedAt() != null) {
					return StreamCursor.after(last.deliveryId(), last.matchedAt(), overlap);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("The last event of a reconnecting stream could not be read; it starts from now", ex);
			}
		}
		return new StreamCursor(this.clock.instant(), overlap);
	}

	void poll() {
		if (this.bySubscription.isEmpty()) {
			return;
		}
		try {
			Map<String, Instant> since = new HashMap<>();
			this.bySubscription.forEach((subscriptionId, streams) -> streams.stream()
				.map((stream) -> stream.cursor().floor())
				.min(Instant::compareTo)
				.ifPresent((floor) -> since.put(subscriptionId, floor)));
			List<FieldValue> after = null;
			DeliveryLog.Page page;
			do {
				page = this.log.tail(since, after, PAGE_SIZE);
				page.deliveries().forEach(this::send);
				after = page.next();
			}
			while (page.deliveries().size() == PAGE_SIZE);
			if (this.failing) {
				this.failing = false;
				logger.info("The event streams read the delivery log again");
			}
		}
		catch (RuntimeException ex) {
			// the next poll reads from the same place
			if (!this.failing) {
				this.failing = true;
				logger.warn("The event streams could not read the delivery log", ex);
			}
		}
	}

	private void send(Delivery delivery) {
		Set<Stream> streams = this.bySubscription.get(delivery.subscriptionId());
		if (streams == null || delivery.matchedAt() == null) {
			return;
		}
		AlertEvent event = AlertEvent.of(delivery);
		for (Stream stream : List.copyOf(streams)) {
			if (!stream.cursor().take(delivery.deliveryId(), delivery.matchedAt())) {
				continue;
			}
			try {
				stream.emitter()
					.send(SseEmitter.event()
						.name("alert")
						.id(delivery.deliveryId())
						.data(event, MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException ex) {
				remove(delivery.subscriptionId(), stream);
			}
		}
	}

	private void heartbeat() {
		this.bySubscription.forEach((subscriptionId, streams) -> {
			for (Stream stream : List.copyOf(streams)) {
				try {
					stream.emitter().send(SseEmitter.event().comment("keep-alive"));
				}
				catch (IOException | IllegalStateException ex) {
					remove(subscriptionId, stream);
				}
			}
		});
	}

	private void remove(String subscriptionId, Stream stream) {
		this.bySubscription.computeIfPresent(subscriptionId, (id, streams) -> {
			streams.remove(stream);
			return streams.isEmpty() ? null : streams;
		});
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	// the default phase stops before the web server's graceful shutdown
	@Override
	public void stop() {
		this.running = false;
		completeAll();
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
		completeAll();
	}

	private void completeAll() {
		List.copyOf(this.bySubscription.keySet()).forEach(this::close);
	}

	/**
	 * An open stream: identity matters, two streams of one client are two streams.
	 */
	private static final class Stream {

		private final SseEmitter emitter;

		private final StreamCursor cursor;

		Stream(SseEmitter emitter, StreamCursor cursor) {
			this.emitter = emitter;
			this.cursor = cursor;
		}

		SseEmitter emitter() {
			return this.emitter;
		}

		StreamCursor cursor() {
			return this.cursor;
		}

	}

}

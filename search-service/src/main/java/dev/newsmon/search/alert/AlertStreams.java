package dev.newsmon.search.alert;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent event streams of each subscription on this replica. Every alert of
 * a subscription is pushed to its streams, whatever its channel; idle streams get a
 * comment every heartbeat so that proxies keep them open.
 */
@Component
class AlertStreams implements DisposableBean {

	private final Map<String, Set<SseEmitter>> bySubscription = new ConcurrentHashMap<>();

	private final AlertProperties properties;

	private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "alert-stream-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	AlertStreams(AlertProperties properties, Subscriptions subscriptions) {
		this.properties = properties;
		subscriptions.listen((put, removed) -> removed.forEach(this::close));
		long every = properties.heartbeat().toMillis();
		this.heartbeats.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * Opens a stream.
	 * @param subscriptionId the subscription
	 * @return the emitter
	 */
	SseEmitter open(String subscriptionId) {
		SseEmitter emitter = new SseEmitter(this.properties.streamTimeout().toMillis());
		Set<SseEmitter> emitters = this.bySubscription.computeIfAbsent(subscriptionId,
				(id) -> ConcurrentHashMap.newKeySet());
		emitters.add(emitter);
		Runnable remove = () -> remove(subscriptionId, emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError((ex) -> remove.run());
		try {
			// tells the client at once that the stream is open
			emitter.send(SseEmitter.event().comment("open"));
		}
		catch (IOException ex) {
			remove.run();
		}
		return emitter;
	}

	/**
	 * Pushes an alert to the open streams of its subscription.
	 * @param alert the alert
	 * @return how many streams took it
	 */
	int push(Alert alert) {
		Set<SseEmitter> emitters = this.bySubscription.get(alert.subscription().id());
		if (emitters == null || emitters.isEmpty()) {
			return 0;
		}
		AlertEvent event = AlertEvent.of(alert);
		int sent = 0;
		for (SseEmitter emitter : List.copyOf(emitters)) {
			try {
				emitter.send(SseEmitter.event()
					.name("alert")
					.id(alert.deliveryId())
					.data(event, MediaType.APPLICATION_JSON));
				sent++;
			}
			catch (IOException | IllegalStateException ex) {
				remove(alert.subscription().id(), emitter);
			}
		}
		return sent;
	}

	/**
	 * Closes the streams of a subscription, when it is deleted.
	 * @param subscriptionId the subscription
	 */
	void close(String subscriptionId) {
		Set<SseEmitter> emitters = this.bySubscription.remove(subscriptionId);
		if (emitters != null) {
			emitters.forEach(SseEmitter::complete);
		}
	}

	private void heartbeat() {
		this.bySubscription.forEach((subscriptionId, emitters) -> {
			for (SseEmitter emitter : List.copyOf(emitters)) {
				try {
					emitter.send(SseEmitter.event().comment("keep-alive"));
				}
				catch (IOException | IllegalStateException ex) {
					remove(subscriptionId, emitter);
				}
			}
		});
	}

	private void remove(String subscriptionId, SseEmitter emitter) {
		this.bySubscription.computeIfPresent(subscriptionId, (id, emitters) -> {
			emitters.remove(emitter);
			return emitters.isEmpty() ? null : emitters;
		});
	}

	@Override
	public void destroy() {
		this.heartbeats.shutdownNow();
		this.bySubscription.values().forEach((emitters) -> emitters.forEach(SseEmitter::complete));
		this.bySubscription.clear();
	}

}

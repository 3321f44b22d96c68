package dev.newsmon.search.alert;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The {@link AlertSink}: logs each alert as pending with create semantics, and dispatches
 * only those that were new, asynchronously, to the {@link AlertChannel} bean of the
 * subscription's channel type; the outcome goes back into the log. The subscription's
 * event streams, on any replica, read every alert from the log ({@link AlertStreams}).
 */
@Component
class AlertDispatcher implements AlertSink, DisposableBean {

	private static final Log logger = LogFactory.getLog(AlertDispatcher.class);

	private final DeliveryLog log;

	private final ObjectProvider<AlertChannel> channels;

	private final Clock clock;

	private final AlertMetrics metrics;

	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

	// channels may block (an SSE write to a slow client); the indexing thread must not
	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	AlertDispatcher(DeliveryLog log, ObjectProvider<AlertChannel> channels, Clock clock, AlertMetrics metrics) {
		this.log = log;
		this.channels = channels;
		this.clock = clock;
		this.metrics = metrics;
	}

	@Override
	public boolean submit(Alert alert) {
		return !submitAll(List.of(alert)).isEmpty();
	}

	/**
	 * Logs and dispatches alerts, skipping those whose delivery id is logged already.
	 * @param alerts the alerts
	 * @return the alerts that were new, and so dispatched
	 * @throws DeliveryLogException when the log could not be written; nothing of the
	 * batch was dispatched then, and it may be submitted again
	 */
	List<Alert> submitAll(List<Alert> alerts) {
		Map<String, Alert> byId = new LinkedHashMap<>();
		for (Alert alert : alerts) {
			byId.putIfAbsent(alert.deliveryId(), alert);
		}
		List<Delivery> pending = new ArrayList<>(byId.size());
		for (Alert alert : byId.values()) {
			pending.add(pending(alert));
		}
		List<Alert> created = new ArrayList<>();
		for (Delivery delivery : this.log.createAll(pending)) {
			Alert alert = byId.get(delivery.deliveryId());
			created.add(alert);
			dispatch(alert);
		}
		this.metrics.submitted(alerts.size(), created.size());
		return created;
	}

	/**
	 * Dispatches an alert that is logged as pending.
	 * @param alert the alert
	 */
	void dispatch(Alert alert) {
		if (!this.inFlight.add(alert.deliveryId())) {
			return;
		}
		Subscription.Channel.Type type = alert.subscription().channel().type();
		CompletableFuture.supplyAsync(() -> {
			AlertChannel channel = channel(type);
			if (channel == null) {
				return CompletableFuture.completedFuture(new AlertChannel.Outcome(false, 0,
						"no channel of type " + type.name().toLowerCase(Locale.ROOT), this.clock.instant()));
			}
			return channel.deliver(alert);
		}, this.executor)
			.thenCompose((outcome) -> outcome)
			// the channel's own thread completes the outcome: logging it there would hold
			// that thread (a webhook sender) for an Elasticsearch request per delivery
			.whenCompleteAsync((outcome, ex) -> {
				try {
					AlertChannel.Outcome result = (outcome != null) ? outcome
							: new AlertChannel.Outcome(false, 1, "the channel failed: " + ex, this.clock.instant());
					this.metrics.finished(alert, result);
					this.log.finish(alert.deliveryId(), result);
				}
				catch (RuntimeException failure) {
					// stays pending; the next sweep dispatches it again
					logger.warn("The outcome of delivery " + alert.deliveryId() + " could not be logged", failure);
				}
				finally {
					this.inFlight.remove(alert.deliveryId());
				}
			}, this::logOutcome);
	}

	/**
	 * Runs the logging of an outcome on a thread of its own; inline once the service is
	 * stopping, so outcomes of deliveries that channels end at shutdown are still logged.
	 */
	private void logOutcome(Runnable task) {
		try {
			this.executor.execute(task);
		}
		catch (RejectedExecutionException ex) {
			task.run();
		}
	}

	/**
	 * The deliveries this replica is working on.
	 * @return their ids
	 */
	List<String> inFlight() {
		return List.copyOf(this.inFlight);
	}

	private AlertChannel channel(Subscription.Channel.Type type) {
		return this.channels.orderedStream().filter((channel) -> channel.type() == type).findFirst().orElse(null);
	}

	private Delivery pending(Alert alert) {
		return new Delivery(alert.deliveryId(), alert.subscription().id(), alert.article().id(),
				alert.subscription().channel().type().name().toLowerCase(Locale.ROOT), Delivery.PENDING, 0, null,
				alert.matchedAt(), null, this.clock.instant(), alert.article(), alert.trend());
	}

	@Override
	public void destroy() {
		this.executor.shutdown();
	}

}

package dev.newsmon.search.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.core.search.Hit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Dispatches again the deliveries that were logged but never finished: a replica stopped
 * between logging an alert and recording its outcome. At start and then periodically it
 * looks for pending deliveries that nobody has claimed for a while, claims each with
 * optimistic concurrency (so only one replica takes it) and dispatches it. It also renews
 * the claims of the deliveries this replica is still working on.
 */
@Component
class PendingDeliveries implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(PendingDeliveries.class);

	private static final int BATCH = 100;

	private final DeliveryLog log;

	private final AlertDispatcher dispatcher;

	private final Subscriptions subscriptions;

	private final AlertProperties properties;

	private final Clock clock;

	private volatile ScheduledExecutorService scheduler;

	PendingDeliveries(DeliveryLog log, AlertDispatcher dispatcher, Subscriptions subscriptions,
			AlertProperties properties, Clock clock) {
		this.log = log;
		this.dispatcher = dispatcher;
		this.subscriptions = subscriptions;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "pending-deliveries");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.properties.redispatchEvery().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::sweep, 0, every, TimeUnit.MILLISECONDS);
	}

	void sweep() {
		try {
			if (!this.subscriptions.isCaughtUp()) {
				return;
			}
			Instant now = this.clock.instant();
			this.log.renew(this.dispatcher.inFlight(), now);
			Instant before = now.minus(this.properties.redispatchAfter());
			List<String> inFlight = this.dispatcher.inFlight();
			for (Hit<Delivery> hit : this.log.stalePending(before, BATCH)) {
				Delivery delivery = hit.source();
				if (delivery == null || inFlight.contains(delivery.deliveryId()) || !this.log.claim(hit, now)) {
					continue;
				}
				redispatch(delivery, now);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Pending deliveries could not be swept; trying again later", ex);
		}
	}

	private void redispatch(Delivery delivery, Instant now) {
		Subscription subscription = this.subscriptions.find(delivery.subscriptionId()).orElse(null);
		if (subscription == null) {
			this.log.finish(delivery.deliveryId(), new AlertChannel.Outcome(false, delivery.attempts(),
					"the subscription was deleted before delivery", now));
			return;
		}
		if (!subscription.channel().type().name().toLowerCase(Locale.ROOT).equals(delivery.channel())) {
			logger.info("Delivery " + delivery.deliveryId() + " goes to the subscription's current channel");
		}
		logger.info("Dispatching the pending delivery " + delivery.deliveryId() + " again");
		this.dispatcher.dispatch(new Alert(delivery.deliveryId(), subscription, delivery.article(),
				delivery.matchedAt(), delivery.trend()));
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.scheduler;
		if (running != null) {
			running.shutdownNow();
		}
		this.scheduler = null;
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}

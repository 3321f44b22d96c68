package dev.newsmon.search.alert;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Pushes alerts of one channel type. Delivery is asynchronous: the future completes once
 * the alert was delivered or given up on, and never exceptionally; the outcome is written
 * to the delivery log.
 */
public interface AlertChannel {

	/**
	 * The channel type this pushes.
	 * @return the type
	 */
	Subscription.Channel.Type type();

	/**
	 * Starts delivering an alert.
	 * @param alert the alert
	 * @return the outcome, once known
	 */
	CompletableFuture<Outcome> deliver(Alert alert);

	/**
	 * How a delivery ended.
	 *
	 * @param delivered whether the receiver accepted it
	 * @param attempts how many attempts were made
	 * @param detail what happened last (a status code, an error), for the delivery log
	 * @param at when it ended
	 */
	record Outcome(boolean delivered, int attempts, String detail, Instant at) {

	}

}

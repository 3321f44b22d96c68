package dev.newsmon.search.alert;

/**
 * This replica has not read the subscriptions topic to its end yet, so matching now could
 * miss subscriptions that exist. Nothing of the batch was matched; retrying later is the
 * answer, as for an outage of the delivery log.
 */
public class SubscriptionsNotReadException extends RuntimeException {

	public SubscriptionsNotReadException(String message) {
		super(message);
	}

}

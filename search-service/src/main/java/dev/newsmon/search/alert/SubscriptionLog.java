package dev.newsmon.search.alert;

/**
 * Where subscriptions are written: the compacted subscriptions topic. Each method returns
 * once the broker acknowledged the write; the registry learns of it when it reads the
 * record back.
 */
public interface SubscriptionLog {

	/**
	 * Writes a subscription.
	 * @param subscription the subscription
	 * @throws SubscriptionLogException when the broker did not acknowledge it
	 */
	void write(Subscription subscription);

	/**
	 * Deletes a subscription (a tombstone).
	 * @param id its id
	 * @throws SubscriptionLogException when the broker did not acknowledge it
	 */
	void delete(String id);

	/**
	 * The broker did not acknowledge a write in time.
	 */
	class SubscriptionLogException extends RuntimeException {

		/**
		 * Creates the exception.
		 * @param message what failed
		 * @param cause why
		 */
		public SubscriptionLogException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}

package dev.newsmon.search.alert;

/**
 * The delivery log could not be written now: Elasticsearch is down, overloaded or its
 * cluster is unhealthy. Nothing of the batch was dispatched; retrying later with backoff
 * is the answer, skipping would lose alerts.
 */
public class DeliveryLogException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what could not be written
	 * @param cause the failure of the client, or {@code null}
	 */
	public DeliveryLogException(String message, Throwable cause) {
		super(message, cause);
	}

}

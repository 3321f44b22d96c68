package dev.newsmon.search.alert;

/**
 * A subscription that cannot be taken, with the field that is wrong.
 */
class InvalidSubscriptionException extends RuntimeException {

	private final String field;

	InvalidSubscriptionException(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}

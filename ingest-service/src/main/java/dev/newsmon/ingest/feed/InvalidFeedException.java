package dev.newsmon.ingest.feed;

/**
 * A feed cannot be registered because one of its fields is wrong.
 */
public class InvalidFeedException extends RuntimeException {

	private final String field;

	InvalidFeedException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * Returns the field at fault.
	 * @return the field's name
	 */
	public String getField() {
		return this.field;
	}

}

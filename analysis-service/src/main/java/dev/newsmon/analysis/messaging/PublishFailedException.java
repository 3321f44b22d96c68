package dev.newsmon.analysis.messaging;

/**
 * The broker did not acknowledge an analysed article in time; worth retrying.
 */
class PublishFailedException extends RuntimeException {

	PublishFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}

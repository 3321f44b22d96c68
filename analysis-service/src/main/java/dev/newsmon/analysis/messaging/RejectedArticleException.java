package dev.newsmon.analysis.messaging;

/**
 * A record that can never be analysed as it is; its message, the reason, travels to the
 * dead-letter topic in the {@code kafka_dlt-exception-message} header.
 */
class RejectedArticleException extends RuntimeException {

	RejectedArticleException(String reason) {
		super(reason);
	}

}

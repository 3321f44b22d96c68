package dev.newsmon.search.alert.webhook;

import java.time.Duration;

/**
 * What one POST to a webhook came to, and so what happens next.
 */
sealed interface AttemptResult {

	String detail();

	/**
	 * Classifies an HTTP status: 2xx is accepted; 408, 429 and 5xx may pass, so they are
	 * retried; any other status (a 4xx, a redirect, which is not followed) will not
	 * change by asking again.
	 * @param status the status code
	 * @param retryAfter the delay the server asked for, or {@code null}
	 * @return the result
	 */
	static AttemptResult ofStatus(int status, Duration retryAfter) {
		String detail = "HTTP " + status;
		if (status >= 200 && status < 300) {
			return new Accepted(detail);
		}
		if (status == 408 || status == 429 || status >= 500) {
			return new Retryable(detail, retryAfter);
		}
		if (status >= 300 && status < 400) {
			return new Refused(detail + " (redirects are not followed)");
		}
		return new Refused(detail);
	}

	/** The receiver took the alert. */
	record Accepted(String detail) implements AttemptResult {

	}

	/**
	 * It may work later.
	 *
	 * @param detail what happened
	 * @param retryAfter the delay the server asked for, or {@code null}
	 */
	record Retryable(String detail, Duration retryAfter) implements AttemptResult {

	}

	/** It will not work by asking again. */
	record Refused(String detail) implements AttemptResult {

	}

}

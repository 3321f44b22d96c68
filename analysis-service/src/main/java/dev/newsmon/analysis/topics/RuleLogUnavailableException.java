package dev.newsmon.analysis.topics;

/**
 * The rule log could not store a change; nothing was applied.
 */
public class RuleLogUnavailableException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what failed
	 * @param cause why
	 */
	public RuleLogUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}

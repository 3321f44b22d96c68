package dev.newsmon.ingest.polling;

import java.util.List;

import dev.newsmon.events.ArticleFetched;

/**
 * Where new articles go.
 */
public interface ArticleSink {

	/**
	 * Publishes articles and waits until all of them are acknowledged.
	 * @param articles the articles
	 * @throws PublishFailedException if any was not acknowledged; all are then published
	 * again on the next poll
	 */
	void publish(List<ArticleFetched> articles);

	/**
	 * Articles could not be published.
	 */
	class PublishFailedException extends RuntimeException {

		/**
		 * Creates an exception.
		 * @param message what failed
		 * @param cause why
		 */
		public PublishFailedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}

package dev.newsmon.search.query;

/**
 * Elasticsearch could not answer; answered with a 503 problem, never with its message.
 */
class SearchUnavailableException extends RuntimeException {

	SearchUnavailableException(Throwable cause) {
		super("Elasticsearch could not answer", cause);
	}

}

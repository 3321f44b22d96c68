package dev.newsmon.search.timeline;

/**
 * Elasticsearch could not answer; answered with a 503 problem.
 */
class TimelineUnavailableException extends RuntimeException {

	TimelineUnavailableException(Throwable cause) {
		super(cause);
	}

}

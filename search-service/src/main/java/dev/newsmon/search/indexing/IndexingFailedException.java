package dev.newsmon.search.indexing;

/**
 * Elasticsearch could not take articles now: it is down, overloaded or its cluster is
 * unhealthy. Retrying later with backoff is the answer; skipping is not.
 */
public class IndexingFailedException extends RuntimeException {

	IndexingFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}

package dev.newsmon.ingest.parser;

/**
 * A document could not be read as a feed.
 */
public class FeedParseException extends Exception {

	FeedParseException(String message, Throwable cause) {
		super(message, cause);
	}

}

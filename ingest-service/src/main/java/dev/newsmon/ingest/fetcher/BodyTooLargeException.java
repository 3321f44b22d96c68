package dev.newsmon.ingest.fetcher;

import java.io.IOException;

/**
 * A body went past the size limit.
 */
class BodyTooLargeException extends IOException {

	BodyTooLargeException(long limit) {
		super("the body is larger than " + limit + " bytes");
	}

}

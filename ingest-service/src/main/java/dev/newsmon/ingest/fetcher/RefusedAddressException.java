package dev.newsmon.ingest.fetcher;

/**
 * A URL was refused because of its scheme or the addresses its host resolves to.
 */
public class RefusedAddressException extends RuntimeException {

	RefusedAddressException(String message) {
		super(message);
	}

}

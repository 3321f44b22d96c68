package dev.newsmon.ingest.fetcher;

import java.net.URI;

/**
 * The outcome of one fetch.
 */
public sealed interface FetchResult {

	/**
	 * The feed answered with a body.
	 *
	 * @param url the URL the body came from, after redirects
	 * @param permanentlyMoved whether every redirect followed was permanent (301, 308)
	 * @param body the body, decompressed
	 * @param contentType the {@code Content-Type}, or {@code null}
	 * @param validators the cache validators to send next time
	 */
	record Fetched(URI url, boolean permanentlyMoved, byte[] body, String contentType,
			Validators validators) implements FetchResult {

	}

	/**
	 * The feed has not changed since the validators sent (304).
	 *
	 * @param validators the cache validators to send next time
	 */
	record NotModified(Validators validators) implements FetchResult {

	}

	/**
	 * The fetch failed.
	 *
	 * @param failure why
	 */
	record Failed(FetchFailure failure) implements FetchResult {

	}

}

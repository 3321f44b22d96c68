package dev.newsmon.ingest.fetcher;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

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
	 * @param maxAge how long the server says the response stays fresh
	 * ({@code Cache-Control: max-age}), or {@code null}
	 * @param links the {@code Link} header's targets by relation (RFC 8288), such as
	 * {@code hub} and {@code self} for WebSub
	 */
	record Fetched(URI url, boolean permanentlyMoved, byte[] body, String contentType, Validators validators,
			Duration maxAge, Map<String, String> links) implements FetchResult {

	}

	/**
	 * The feed has not changed since the validators sent (304).
	 *
	 * @param validators the cache validators to send next time
	 * @param maxAge how long the server says the response stays fresh
	 * ({@code Cache-Control: max-age}), or {@code null}
	 */
	record NotModified(Validators validators, Duration maxAge) implements FetchResult {

	}

	/**
	 * The fetch failed.
	 *
	 * @param failure why
	 */
	record Failed(FetchFailure failure) implements FetchResult {

	}

}

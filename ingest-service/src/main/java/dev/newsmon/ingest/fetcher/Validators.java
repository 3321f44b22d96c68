package dev.newsmon.ingest.fetcher;

/**
 * The cache validators of a feed's last response, sent back in a conditional request (RFC
 * 9110 section 13.1) so that an unchanged feed costs a 304 and no body.
 *
 * @param etag the last {@code ETag}, or {@code null}
 * @param lastModified the last {@code Last-Modified}, or {@code null}
 */
public record Validators(String etag, String lastModified) {

	/** No validators: the first fetch of a feed. */
	public static final Validators NONE = new Validators(null, null);

}

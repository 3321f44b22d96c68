package dev.newsmon.ingest.fetcher;

import java.time.Instant;

/**
 * Why a poll of a feed failed, classified so that a user sees at a glance whether the
 * site, the network, the feed or newsmon is at fault.
 *
 * @param kind the class of the failure
 * @param message what went wrong, for people
 * @param retryAfter when the server asked to be polled again at the earliest
 * ({@code Retry-After}), or {@code null}
 */
public record FetchFailure(Kind kind, String message, Instant retryAfter) {

	public FetchFailure(Kind kind, String message) {
		this(kind, message, null);
	}

	/**
	 * The classes of failure.
	 */
	public enum Kind {

		/** The host name did not resolve. */
		DNS("dns"),

		/** No connection could be made. */
		CONNECT("connect"),

		/** The TLS handshake failed. */
		TLS("tls"),

		/** The connection, the response or the whole fetch took too long. */
		TIMEOUT("timeout"),

		/** The server answered with an error status. */
		HTTP_STATUS("http-status"),

		/** Redirects went on beyond the limit. */
		TOO_MANY_REDIRECTS("too-many-redirects"),

		/** The body was larger than the limit, after decompression. */
		TOO_LARGE("too-large"),

		/** The URL or a redirect target is not public, or not http(s). */
		REFUSED_ADDRESS("refused-address"),

		/** An article page is not HTML. */
		NOT_HTML("not-html"),

		/** The body is not a feed that can be read. */
		PARSE("parse"),

		/** The articles could not be published; they are retried on the next poll. */
		PUBLISH("publish"),

		/** Any other input or output error. */
		IO("io");

		private final String id;

		Kind(String id) {
			this.id = id;
		}

		/**
		 * Returns the id shown in the feed's health.
		 * @return a short lower-case id
		 */
		public String id() {
			return this.id;
		}

	}

}

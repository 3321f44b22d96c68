package dev.newsmon.ingest.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The id of an article: the first 32 hex characters (128 bits) of the SHA-256 of its
 * canonical URL. Every later hop (Kafka key, Elasticsearch {@code _id}, alert delivery
 * key) uses it, which makes each of them idempotent.
 */
public final class ArticleId {

	private ArticleId() {
	}

	/**
	 * Returns the article id of a canonical URL.
	 * @param canonicalUrl a URL in the form {@link CanonicalUrl#of(String)} returns
	 * @return 32 lower-case hex characters
	 */
	public static String of(String canonicalUrl) {
		return sha256Hex(canonicalUrl).substring(0, 32);
	}

	/**
	 * Returns the article id of any URL, canonicalising it first.
	 * @param url an absolute http or https URL
	 * @return 32 lower-case hex characters
	 */
	public static String ofUrl(String url) {
		return of(CanonicalUrl.of(url));
	}

	static String sha256Hex(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}

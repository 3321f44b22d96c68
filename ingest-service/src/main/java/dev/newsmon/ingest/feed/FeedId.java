package dev.newsmon.ingest.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.newsmon.ingest.article.CanonicalUrl;

/**
 * The id of a feed: the first 16 hex characters of the SHA-256 of its canonical URL, so
 * the same feed registered twice, or by two replicas, is one feed.
 */
final class FeedId {

	private FeedId() {
	}

	static String of(String url) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] hash = digest.digest(CanonicalUrl.of(url).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}

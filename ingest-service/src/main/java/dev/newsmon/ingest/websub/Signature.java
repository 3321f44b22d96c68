package dev.newsmon.ingest.websub;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code X-Hub-Signature} of a content push (WebSub section 8): {@code
 * method=hex}, the HMAC of the body with the subscription's secret.
 */
final class Signature {

	private static final Map<String, String> METHODS = Map.of("sha1", "HmacSHA1", "sha256", "HmacSHA256", "sha384",
			"HmacSHA384", "sha512", "HmacSHA512");

	private Signature() {
	}

	static boolean valid(String header, byte[] body, String secret) {
		if (header == null || secret == null) {
			return false;
		}
		int equals = header.indexOf('=');
		if (equals < 0) {
			return false;
		}
		String algorithm = METHODS.get(header.substring(0, equals).strip().toLowerCase(Locale.ROOT));
		if (algorithm == null) {
			return false;
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(header.substring(equals + 1).strip().toLowerCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(hmac(algorithm, secret, body), given);
	}

	static String sign(String method, byte[] body, String secret) {
		return method + "=" + HexFormat.of().formatHex(hmac(METHODS.get(method), secret, body));
	}

	private static byte[] hmac(String algorithm, String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("every Java platform has " + algorithm, ex);
		}
	}

}

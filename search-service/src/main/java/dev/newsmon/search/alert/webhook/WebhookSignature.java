package dev.newsmon.search.alert.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Newsmon-Signature} header: an HMAC-SHA256, keyed with the subscription's
 * secret, over {@code <timestamp>.<body>}. The timestamp is signed with the body so that
 * a receiver can refuse old, replayed requests.
 */
final class WebhookSignature {

	static final String HEADER = "Newsmon-Signature";

	private WebhookSignature() {
	}

	/**
	 * The header value.
	 * @param secret the subscription's secret
	 * @param timestamp the time of the attempt, in Unix seconds
	 * @param body the exact bytes of the request body
	 * @return {@code t=<timestamp>,v1=<lower-case hex HMAC>}
	 */
	static String header(String secret, long timestamp, byte[] body) {
		return "t=" + timestamp + ",v1=" + sign(secret, timestamp, body);
	}

	static String sign(String secret, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			// every JDK has HmacSHA256
			throw new IllegalStateException(ex);
		}
	}

}

package dev.newsmon.ingest.websub;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureTests {

	private static final byte[] BODY = "<rss version=\"2.0\"/>".getBytes(StandardCharsets.UTF_8);

	@Test
	void acceptsEveryMethodOfTheSpecification() {
		for (String method : new String[] { "sha1", "sha256", "sha384", "sha512" }) {
			assertThat(Signature.valid(Signature.sign(method, BODY, "s3cret"), BODY, "s3cret")).as(method).isTrue();
		}
		assertThat(Signature.valid(Signature.sign("sha256", BODY, "s3cret").toUpperCase(), BODY, "s3cret")).isTrue();
	}

	@Test
	void refusesWrongSecretsBodiesAndMalformedHeaders() {
		String signature = Signature.sign("sha256", BODY, "s3cret");
		assertThat(Signature.valid(signature, BODY, "other")).isFalse();
		assertThat(Signature.valid(signature, "<rss/>".getBytes(StandardCharsets.UTF_8), "s3cret")).isFalse();
		assertThat(Signature.valid(null, BODY, "s3cret")).isFalse();
		assertThat(Signature.valid("sha256", BODY, "s3cret")).isFalse();
		assertThat(Signature.valid("md5=abcd", BODY, "s3cret")).isFalse();
		assertThat(Signature.valid("sha256=not-hex", BODY, "s3cret")).isFalse();
		assertThat(Signature.valid(signature, BODY, null)).isFalse();
	}

}

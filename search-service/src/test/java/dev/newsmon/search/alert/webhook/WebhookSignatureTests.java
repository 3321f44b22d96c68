package dev.newsmon.search.alert.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTests {

	private static final byte[] BODY = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void signsTimestampDotBodyWithHmacSha256() {
		// printf '%s' '1700000000.{"hello":"world"}' | openssl dgst -sha256 -hmac
		// 'whsec_test'
		assertThat(WebhookSignature.sign("whsec_test", 1700000000L, BODY))
			.isEqualTo("f592bbf3951cfc94e560eecfb5d9dd4da6b0fff2e626235f8ab4b54860925d0b");
	}

	@Test
	void headerCarriesTimestampAndSignature() {
		assertThat(WebhookSignature.header("whsec_test", 1700000000L, BODY))
			.isEqualTo("t=1700000000,v1=f592bbf3951cfc94e560eecfb5d9dd4da6b0fff2e626235f8ab4b54860925d0b");
	}

	@Test
	void anotherTimestampGivesAnotherSignature() {
		assertThat(WebhookSignature.sign("whsec_test", 1700000001L, BODY))
			.isNotEqualTo(WebhookSignature.sign("whsec_test", 1700000000L, BODY));
	}

}

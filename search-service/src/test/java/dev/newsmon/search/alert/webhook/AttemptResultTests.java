package dev.newsmon.search.alert.webhook;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptResultTests {

	@ParameterizedTest(name = "HTTP {0} is {1}")
	@CsvSource({ "200, Accepted", "202, Accepted", "204, Accepted", "301, Refused", "302, Refused", "400, Refused",
			"401, Refused", "403, Refused", "404, Refused", "408, Retryable", "410, Refused", "413, Refused",
			"429, Retryable", "500, Retryable", "502, Retryable", "503, Retryable", "504, Retryable" })
	void classifiesStatus(int status, String kind) {
		assertThat(AttemptResult.ofStatus(status, null).getClass().getSimpleName()).isEqualTo(kind);
	}

	@ParameterizedTest
	@CsvSource({ "429", "503" })
	void keepsRetryAfter(int status) {
		AttemptResult result = AttemptResult.ofStatus(status, Duration.ofSeconds(7));
		assertThat(result).isEqualTo(new AttemptResult.Retryable("HTTP " + status, Duration.ofSeconds(7)));
	}

}

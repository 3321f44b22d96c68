package dev.newsmon.ingest.feed;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FeedHostTests {

	@ParameterizedTest
	@ValueSource(strings = { "2130706433", "0x7f000001", "0X7F000001", "0177.0.0.1", "017700000001", "127.1",
			"0x7f.0.0.1", "10.1", "1.2.3.4.5", "256.0.0.1", "127.0.0.01", "example.123" })
	void numericHostsOtherThanDottedQuadsAreRecognised(String host) {
		assertThat(FeedHost.isOtherNumericForm(host)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "8.8.8.8", "0.0.0.0", "255.255.255.255", "example.com", "news.example",
			"[::1]", "[::ffff:10.0.0.1]", "1password.com", "123.example.org", "" })
	void dottedQuadsNamesAndIpv6LiteralsAreNot(String host) {
		assertThat(FeedHost.isOtherNumericForm(host)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost.", "localhost..", "localhost" })
	void trailingDotsAreDropped(String host) {
		assertThat(FeedHost.withoutTrailingDot(host)).isEqualTo("localhost");
	}

}

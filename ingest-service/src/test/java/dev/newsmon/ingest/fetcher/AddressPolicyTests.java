package dev.newsmon.ingest.fetcher;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AddressPolicyTests {

	@ParameterizedTest(name = "{0} public: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			127.0.0.1         | false
			127.8.9.10        | false
			10.1.2.3          | false
			172.16.0.1        | false
			172.31.255.255    | false
			172.32.0.1        | true
			192.168.1.1       | false
			169.254.169.254   | false
			100.64.0.1        | false
			100.127.255.254   | false
			100.128.0.1       | true
			0.0.0.0           | false
			224.0.0.1         | false
			8.8.8.8           | true
			93.184.216.34     | true
			::1               | false
			::                | false
			fe80::1           | false
			fc00::1           | false
			fd12:3456::1      | false
			ff02::1           | false
			::ffff:10.0.0.1   | false
			::ffff:8.8.8.8    | true
			2001:4860:4860::8888 | true
			""")
	void classifiesAddresses(String address, boolean expectedPublic) throws Exception {
		assertThat(AddressPolicy.isPublic(InetAddress.getByName(address))).isEqualTo(expectedPublic);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1/feed", "http://localhost:8080/feed", "http://10.0.0.1/feed",
			"http://169.254.169.254/latest/meta-data/", "http://[::1]/feed", "http://100.64.1.1/feed",
			"https://192.168.0.10/rss" })
	void refusesNonPublicHostsWithAnEmptyAllowList(String url) {
		AddressPolicy policy = new AddressPolicy(List.of());
		assertThatExceptionOfType(RefusedAddressException.class).isThrownBy(() -> policy.check(URI.create(url)))
			.withMessageContaining("non-public address");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://8.8.8.8/feed", "file:///etc/passwd", "gopher://8.8.8.8/" })
	void refusesOtherSchemes(String url) {
		AddressPolicy policy = new AddressPolicy(List.of());
		assertThatExceptionOfType(RefusedAddressException.class).isThrownBy(() -> policy.check(URI.create(url)))
			.withMessageContaining("only http and https");
	}

	@Test
	void allowListExemptsOnlyItsNetworks() throws Exception {
		AddressPolicy policy = new AddressPolicy(List.of("127.0.0.0/8", " 10.20.0.0/16 ", ""));
		assertThatNoException().isThrownBy(() -> policy.check(URI.create("http://127.0.0.1:8080/feed")));
		assertThatNoException().isThrownBy(() -> policy.check(URI.create("http://10.20.30.40/feed")));
		assertThatExceptionOfType(RefusedAddressException.class)
			.isThrownBy(() -> policy.check(URI.create("http://10.21.0.1/feed")));
		assertThatExceptionOfType(RefusedAddressException.class)
			.isThrownBy(() -> policy.check(URI.create("http://169.254.169.254/")));
		assertThat(policy.isAllowed(InetAddress.getByName("192.168.1.1"))).isFalse();
	}

	@ParameterizedTest(name = "{0} stays refused when only loopback is allowed")
	@ValueSource(strings = { "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/feed",
			"http://172.16.0.1/feed", "http://192.168.0.1/feed", "http://100.64.0.1/feed", "http://[fd00::1]/feed",
			"http://[::1]/feed", "http://0.0.0.0/feed" })
	void privateRangesStayRefusedWhenLoopbackIsAllowed(String url) {
		AddressPolicy policy = new AddressPolicy(List.of("127.0.0.0/8"));
		assertThatExceptionOfType(RefusedAddressException.class).isThrownBy(() -> policy.check(URI.create(url)));
	}

	@Test
	void publicAddressesPass() {
		AddressPolicy policy = new AddressPolicy(List.of());
		assertThatNoException().isThrownBy(() -> policy.check(URI.create("https://8.8.8.8/feed.xml")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost/8", "10.0.0.0/33", "10.0.0.0/x", "::/129" })
	void refusesBadBlocks(String block) {
		assertThatIllegalArgumentException().isThrownBy(() -> new AddressPolicy(List.of(block)));
	}

	@ParameterizedTest(name = "{0} contains {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			10.0.0.0/8      | 10.255.0.1    | true
			10.0.0.0/8      | 11.0.0.1      | false
			100.64.0.0/10   | 100.127.0.1   | true
			100.64.0.0/10   | 100.128.0.1   | false
			192.168.1.7     | 192.168.1.7   | true
			192.168.1.7     | 192.168.1.8   | false
			fc00::/7        | fdff::1       | true
			fc00::/7        | fe00::1       | false
			0.0.0.0/0       | 8.8.8.8       | true
			10.0.0.0/8      | ::1           | false
			""")
	void cidrContains(String block, String address, boolean contains) throws Exception {
		assertThat(Cidr.parse(block).contains(InetAddress.getByName(address))).isEqualTo(contains);
	}

}

package dev.newsmon.search.alert.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class AddressPolicyTests {

	private final AddressPolicy policy = new AddressPolicy(List.of());

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
			"0.0.0.0", "198.18.0.1", "240.0.0.1", "224.0.0.1", "::1", "::", "fe80::1", "fd00::1", "::ffff:10.0.0.1",
			"::ffff:127.0.0.1", "64:ff9b:1::a00:1" })
	void refusesNonPublicAddresses(String address) throws Exception {
		assertThat(AddressPolicy.isPublic(InetAddress.getByName(address))).isFalse();
		assertThatExceptionOfType(RefusedAddressException.class).isThrownBy(() -> this.policy.resolve(address));
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.215.14", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8" })
	void acceptsPublicAddresses(String address) throws Exception {
		assertThat(AddressPolicy.isPublic(InetAddress.getByName(address))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "[::1]" })
	void allowsListedNetworks(String host) {
		AddressPolicy allowing = new AddressPolicy(List.of("127.0.0.0/8", " ::1/128"));
		assertThatNoException().isThrownBy(() -> allowing.resolve(host));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://example.com/hook", "file:///etc/passwd", "gopher://example.com/" })
	void refusesOtherSchemes(String url) {
		assertThatExceptionOfType(RefusedAddressException.class).isThrownBy(() -> this.policy.check(URI.create(url)));
	}

}

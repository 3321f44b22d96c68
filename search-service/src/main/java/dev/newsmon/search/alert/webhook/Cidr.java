package dev.newsmon.search.alert.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A block of IPv4 or IPv6 addresses in CIDR notation (RFC 4632).
 *
 * @param network the network address
 * @param prefixLength the number of leading bits that every address in the block shares
 */
record Cidr(byte[] network, int prefixLength) {

	static Cidr parse(String text) {
		String trimmed = text.strip();
		int slash = trimmed.indexOf('/');
		String address = (slash >= 0) ? trimmed.substring(0, slash) : trimmed;
		if (!address.matches("[0-9a-fA-F:.]+")) {
			throw new IllegalArgumentException("not a CIDR block (an IP address is expected): " + text);
		}
		byte[] network;
		try {
			// only literals get here, so no name is looked up
			network = InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("not a CIDR block: " + text, ex);
		}
		int prefixLength = network.length * 8;
		if (slash >= 0) {
			try {
				prefixLength = Integer.parseInt(trimmed.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("not a CIDR prefix length: " + text, ex);
			}
		}
		if (prefixLength < 0 || prefixLength > network.length * 8) {
			throw new IllegalArgumentException("CIDR prefix length out of range: " + text);
		}
		return new Cidr(network, prefixLength);
	}

	boolean contains(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length != this.network.length) {
			return false;
		}
		int fullBytes = this.prefixLength / 8;
		for (int i = 0; i < fullBytes; i++) {
			if (bytes[i] != this.network[i]) {
				return false;
			}
		}
		int remainingBits = this.prefixLength % 8;
		if (remainingBits == 0) {
			return true;
		}
		int mask = (0xff << (8 - remainingBits)) & 0xff;
		return (bytes[fullBytes] & mask) == (this.network[fullBytes] & mask);
	}

}

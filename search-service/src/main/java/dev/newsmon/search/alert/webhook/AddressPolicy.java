package dev.newsmon.search.alert.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Which addresses webhooks may be sent to: http and https URLs whose host has only public
 * addresses, so that a subscription cannot make the service reach into its own network
 * (server side request forgery). Networks listed in {@code NEWSMON_ALLOWED_NETWORKS} are
 * exempt. The same rule as the feed fetcher's, kept here because services share
 * contracts, not code (ADR 0011).
 */
public final class AddressPolicy {

	/** Special-purpose blocks of RFC 6890 that the JDK's own checks do not cover. */
	private static final List<Cidr> NON_PUBLIC = List.of(Cidr.parse("0.0.0.0/8"), Cidr.parse("100.64.0.0/10"),
			Cidr.parse("192.0.0.0/24"), Cidr.parse("198.18.0.0/15"), Cidr.parse("240.0.0.0/4"), Cidr.parse("fc00::/7"),
			Cidr.parse("64:ff9b:1::/48"));

	private final List<Cidr> allowed;

	/**
	 * Creates a policy.
	 * @param allowedNetworks CIDR blocks exempt from the private-address rule
	 * @throws IllegalArgumentException if a block cannot be parsed
	 */
	public AddressPolicy(Collection<String> allowedNetworks) {
		List<Cidr> blocks = new ArrayList<>();
		for (String network : allowedNetworks) {
			if (!network.isBlank()) {
				blocks.add(Cidr.parse(network));
			}
		}
		this.allowed = List.copyOf(blocks);
	}

	/**
	 * Checks a webhook URL when a subscription is created: its scheme, and every address
	 * its host resolves to now. Sending checks the addresses again, at connect time.
	 * @param url the URL
	 * @throws RefusedAddressException if the URL may not be used
	 * @throws UnknownHostException if its host does not resolve
	 */
	public void check(URI url) throws UnknownHostException {
		checkScheme(url);
		String host = url.getHost();
		if (host == null || host.isEmpty()) {
			throw new RefusedAddressException("the URL '" + url + "' has no host");
		}
		resolve(host);
	}

	/**
	 * Checks the scheme of a URL.
	 * @param url the URL
	 * @throws RefusedAddressException unless it is http or https
	 */
	void checkScheme(URI url) throws RefusedAddressException {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new RefusedAddressException("only http and https webhook URLs are allowed, not '" + url + "'");
		}
	}

	/**
	 * Resolves a host and checks every address.
	 * @param host the host name or address literal
	 * @return its addresses, all of them allowed
	 * @throws RefusedAddressException if any address may not be reached
	 * @throws UnknownHostException if the host does not resolve
	 */
	InetAddress[] resolve(String host) throws UnknownHostException {
		// a bracketed IPv6 literal comes through as the URI spells it
		String name = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		InetAddress[] addresses = InetAddress.getAllByName(name);
		for (InetAddress address : addresses) {
			check(host, address);
		}
		return addresses;
	}

	private void check(String host, InetAddress address) throws RefusedAddressException {
		if (!isPublic(address) && !isAllowed(address)) {
			throw new RefusedAddressException("the host '" + host + "' resolves to the non-public address "
					+ address.getHostAddress() + ", which is refused (NEWSMON_ALLOWED_NETWORKS lists exceptions)");
		}
	}

	boolean isAllowed(InetAddress address) {
		for (Cidr cidr : this.allowed) {
			if (cidr.contains(address)) {
				return true;
			}
		}
		return false;
	}

	static boolean isPublic(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		InetAddress embedded = embeddedIpv4(address);
		if (embedded != null) {
			return isPublic(embedded);
		}
		for (Cidr cidr : NON_PUBLIC) {
			if (cidr.contains(address)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), which would
	 * otherwise slip past the IPv4 checks.
	 */
	private static InetAddress embeddedIpv4(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length != 16) {
			return null;
		}
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return null;
			}
		}
		if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
			return null;
		}
		try {
			return InetAddress.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] });
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}

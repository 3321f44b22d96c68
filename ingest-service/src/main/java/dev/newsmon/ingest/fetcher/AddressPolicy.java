package dev.newsmon.ingest.fetcher;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs newsmon may fetch: http and https only, and only hosts whose every address
 * is public, so that a feed URL cannot make the service reach into its own network
 * (server side request forgery); fetches check the addresses where the connection is made
 * ({@link PinnedHttpClient}). Networks listed in {@code NEWSMON_ALLOWED_NETWORKS} are
 * exempt; the local run lists 127.0.0.0/8 for its demo feeds.
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
	 * Checks a URL before it is fetched: its scheme, and every address its host resolves
	 * to.
	 * @param url the URL to fetch
	 * @throws RefusedAddressException if the URL may not be fetched
	 * @throws UnknownHostException if its host does not resolve
	 */
	public void check(URI url) throws UnknownHostException {
		checkTarget(url);
		String host = url.getHost();
		for (InetAddress address : InetAddress.getAllByName(host)) {
			check(host, address);
		}
	}

	/**
	 * Checks what a URL says without resolving it: its scheme, and that it has a host.
	 * The addresses are checked when a connection is made ({@link PinnedHttpClient}).
	 * @param url the URL to fetch
	 * @throws RefusedAddressException if the URL may not be fetched
	 */
	public void checkTarget(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new RefusedAddressException("only http and https URLs are fetched, not '" + url + "'");
		}
		String host = url.getHost();
		if (host == null || host.isEmpty()) {
			throw new RefusedAddressException("the URL '" + url + "' has no host");
		}
	}

	/**
	 * Checks one address, for example the one a connection was made to.
	 * @param host the host name the address belongs to, for the message
	 * @param address the address
	 * @throws RefusedAddressException if the address may not be reached
	 */
	public void check(String host, InetAddress address) {
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

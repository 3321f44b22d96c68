package dev.newsmon.search.alert;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a webhook may point: http and https only, and only hosts whose every address is
 * public, so that a subscription cannot make the service post into its own network
 * (server side request forgery). The same rule as ingest-service's feed addresses, kept
 * here as its own copy (ADR 0011). Networks listed in {@code NEWSMON_ALLOWED_NETWORKS}
 * are exempt. A channel checks the address it connects to again, as a name may resolve
 * differently later.
 */
public final class WebhookAddresses {

	/** Special-purpose blocks of RFC 6890 that the JDK's own checks do not cover. */
	private static final List<Cidr> NON_PUBLIC = List.of(Cidr.parse("0.0.0.0/8"), Cidr.parse("100.64.0.0/10"),
			Cidr.parse("192.0.0.0/24"), Cidr.parse("198.18.0.0/15"), Cidr.parse("240.0.0.0/4"), Cidr.parse("fc00::/7"),
			Cidr.parse("64:ff9b:1::/48"));

	/**
	 * Hosts written as one number, in hex or octal, or with fewer than four parts
	 * ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}, {@code 127.1}): resolvers
	 * read them differently, so they are refused whatever they stand for.
	 */
	private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*");

	private static final Pattern DOTTED_QUAD = Pattern
		.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

	private final List<Cidr> allowed;

	/**
	 * Creates the rule.
	 * @param allowedNetworks CIDR blocks exempt from the private-address rule
	 * @throws IllegalArgumentException if a block cannot be parsed
	 */
	public WebhookAddresses(Collection<String> allowedNetworks) {
		List<Cidr> blocks = new ArrayList<>();
		for (String network : allowedNetworks) {
			if (!network.isBlank()) {
				blocks.add(Cidr.parse(network));
			}
		}
		this.allowed = List.copyOf(blocks);
	}

	/**
	 * Checks a webhook URL: its scheme, the form of its host, and every address the host
	 * resolves to.
	 * @param url the URL
	 * @return why it is refused, or {@code null} when it may be used
	 */
	public String problem(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return "must be an http or https URL";
		}
		String host = url.getHost();
		if (host == null || host.isEmpty()) {
			return "has no host";
		}
		if (url.getUserInfo() != null) {
			return "must not carry a user name or password";
		}
		if (NUMERIC_HOST.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches()) {
			return "has a numeric host that is not a dotted IPv4 address";
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			return "has a host that does not resolve: " + host;
		}
		for (InetAddress address : addresses) {
			String problem = problem(host, address);
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	/**
	 * Checks one address, for example the one a connection was made to.
	 * @param host the host name the address belongs to, for the message
	 * @param address the address
	 * @return why it is refused, or {@code null} when it may be reached
	 */
	public String problem(String host, InetAddress address) {
		if (!isPublic(address) && !isAllowed(address)) {
			return "has a host '" + host + "' that resolves to the non-public address " + address.getHostAddress()
					+ ", which is refused (NEWSMON_ALLOWED_NETWORKS lists exceptions)";
		}
		return null;
	}

	boolean isAllowed(InetAddress address) {
		for (Cidr cidr : this.allowed) {
			if (cidr.contains(address)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether an address is public: not loopback, private, link-local, multicast, CGNAT,
	 * unique-local or another special-purpose block, also when written IPv4-mapped.
	 * @param address the address
	 * @return whether it is public
	 */
	public static boolean isPublic(InetAddress address) {
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
	 * The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible
	 * (::a.b.c.d) IPv6 address, which would otherwise slip past the IPv4 checks.
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
		boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
		boolean compatible = bytes[10] == 0 && bytes[11] == 0;
		if (!mapped && !compatible) {
			return null;
		}
		try {
			return InetAddress.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] });
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * A block of IPv4 or IPv6 addresses in CIDR notation (RFC 4632).
	 *
	 * @param network the network address
	 * @param prefixLength the number of leading bits every address in the block shares
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

}

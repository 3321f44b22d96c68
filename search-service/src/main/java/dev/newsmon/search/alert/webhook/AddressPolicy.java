package dev.newsmon.search.alert.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;

import dev.newsmon.search.alert.WebhookAddresses;

/**
 * Which addresses webhooks may be sent to: http and https URLs whose host has only public
 * addresses, so that a subscription cannot make the service reach into its own network
 * (server side request forgery). Networks listed in {@code NEWSMON_ALLOWED_NETWORKS} are
 * exempt. The rule itself is {@link WebhookAddresses}, which also checks URLs when a
 * subscription is created; this applies it to every address a delivery connects to.
 */
public final class AddressPolicy {

	private final WebhookAddresses rule;

	/**
	 * Creates a policy.
	 * @param allowedNetworks CIDR blocks exempt from the private-address rule
	 * @throws IllegalArgumentException if a block cannot be parsed
	 */
	public AddressPolicy(Collection<String> allowedNetworks) {
		this.rule = new WebhookAddresses(allowedNetworks);
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
		String problem = this.rule.problem(host, address);
		if (problem != null) {
			throw new RefusedAddressException("the webhook URL " + problem);
		}
	}

	static boolean isPublic(InetAddress address) {
		return WebhookAddresses.isPublic(address);
	}

}

package dev.newsmon.search.alert.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves webhook hosts for the HTTP client and hands it only addresses that passed the
 * {@link AddressPolicy}: the connection goes to exactly the address that was checked, so
 * a host whose DNS answer changes between a check and the connect (DNS rebinding) cannot
 * lead it into the private network.
 */
class CheckedDnsResolver implements DnsResolver {

	private final AddressPolicy policy;

	CheckedDnsResolver(AddressPolicy policy) {
		this.policy = policy;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		return this.policy.resolve(host);
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		// only used for SPNEGO, which webhooks never do: no second lookup
		return host;
	}

}

package dev.newsmon.search.alert.webhook;

import java.net.UnknownHostException;

/**
 * A host resolved to an address that webhooks may not reach. It is an
 * {@link UnknownHostException} so that a DNS resolver may throw it: to the HTTP client
 * the host then has no address at all, and no connection is attempted.
 */
public class RefusedAddressException extends UnknownHostException {

	RefusedAddressException(String message) {
		super(message);
	}

}

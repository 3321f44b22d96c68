package dev.newsmon.ingest.websub;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * WebSub settings.
 *
 * @param callbackBaseUrl the public base URL at which hubs reach this service, such as
 * {@code https://ingest.example.org}; empty turns WebSub off (hubs cannot push to a
 * service they cannot reach)
 * @param leaseSeconds the lease asked of hubs
 * @param renewBefore how long before a lease ends it is renewed; longer than the longest
 * poll interval, since polls renew leases
 * @param retryAfter how long after a failed, denied or unverified request the hub is
 * asked again
 * @param requestTimeout the longest a subscription request may take
 */
@ConfigurationProperties("newsmon.ingest.websub")
record WebSubProperties(@DefaultValue("") String callbackBaseUrl, @DefaultValue("864000") long leaseSeconds,
		@DefaultValue("1d") Duration renewBefore, @DefaultValue("1h") Duration retryAfter,
		@DefaultValue("10s") Duration requestTimeout) {

	boolean enabled() {
		return !this.callbackBaseUrl.isBlank();
	}

	String callback(String feedId) {
		String base = this.callbackBaseUrl.endsWith("/") ? this.callbackBaseUrl : this.callbackBaseUrl + "/";
		return base + "websub/" + feedId;
	}

}

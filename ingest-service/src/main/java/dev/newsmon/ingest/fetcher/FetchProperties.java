package dev.newsmon.ingest.fetcher;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How feeds are fetched.
 *
 * @param connectTimeout the longest wait for a TCP (and TLS) connection
 * @param totalTimeout the longest a whole fetch may take, redirects and body included
 * @param maxBodyBytes the largest body accepted, counted after decompression
 * @param maxItemsPerFetch the most items taken from one fetch of a feed
 * @param maxRedirects the most redirects followed for one fetch
 * @param contactUrl where site owners learn who fetches their feeds; part of the
 * User-Agent
 */
@ConfigurationProperties("newsmon.ingest.fetch")
public record FetchProperties(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("20s") Duration totalTimeout,
		@DefaultValue("5MB") DataSize maxBodyBytes, @DefaultValue("200") int maxItemsPerFetch,
		@DefaultValue("5") int maxRedirects, @DefaultValue("https://newsmon.invalid/fetcher") String contactUrl) {

	/**
	 * Returns the User-Agent header value, which names newsmon and how to reach its
	 * operator.
	 * @return the User-Agent
	 */
	public String userAgent() {
		return "newsmon/0.1 (+" + this.contactUrl + ")";
	}

}

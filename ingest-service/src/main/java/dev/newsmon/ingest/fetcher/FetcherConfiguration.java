package dev.newsmon.ingest.fetcher;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fetcher and the address policy it shares with the feed registry.
 */
@Configuration(proxyBeanMethods = false)
class FetcherConfiguration {

	@Bean
	AddressPolicy addressPolicy(NetworkProperties properties) {
		return new AddressPolicy(properties.allowedNetworks());
	}

	@Bean
	FeedFetcher feedFetcher(FetchProperties properties, AddressPolicy addressPolicy, Clock clock) {
		return new FeedFetcher(properties, addressPolicy, clock);
	}

}

package dev.newsmon.ingest.feed;

import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.newsmon.ingest.article.CanonicalUrl;
import dev.newsmon.ingest.fetcher.AddressPolicy;
import dev.newsmon.ingest.fetcher.RefusedAddressException;

import org.springframework.stereotype.Service;

/**
 * Registers and removes feeds, refusing URLs that newsmon may not fetch.
 */
@Service
public class FeedRegistry {

	private final FeedStore store;

	private final AddressPolicy addressPolicy;

	private final FeedsProperties properties;

	private final Clock clock;

	FeedRegistry(FeedStore store, AddressPolicy addressPolicy, FeedsProperties properties, Clock clock) {
		this.store = store;
		this.addressPolicy = addressPolicy;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Registers a feed, or returns the feed already registered with the same URL.
	 * @param request the feed
	 * @param checkAddress whether to resolve the host now and refuse non-public addresses
	 * (every fetch checks again anyway)
	 * @return the registration
	 * @throws InvalidFeedException if the URL is not an http(s) URL or not public
	 */
	public Registration register(NewFeed request, boolean checkAddress) {
		URI url = parseUrl(request.url());
		if (checkAddress) {
			checkAddress(url);
		}
		String urlText = url.toString();
		String name = (request.name() != null && !request.name().isBlank()) ? request.name().strip() : url.getHost();
		int interval = (request.intervalSeconds() != null) ? request.intervalSeconds()
				: this.properties.defaultIntervalSeconds();
		String language = (request.language() != null && !request.language().isBlank()) ? request.language() : null;
		Feed feed = new Feed(FeedId.of(urlText), urlText, name, language, interval);
		FeedState candidate = FeedState.registered(feed, this.clock.instant());
		FeedState stored = this.store.addIfAbsent(candidate);
		return new Registration(stored, stored == candidate);
	}

	private void checkAddress(URI url) {
		String host = FeedHost.withoutTrailingDot((url.getHost() != null) ? url.getHost() : "");
		if (FeedHost.isOtherNumericForm(host)) {
			throw new InvalidFeedException("url", "the host '" + url.getHost()
					+ "' is a numeric address written other than as a dotted quad, which is refused");
		}
		try {
			this.addressPolicy
				.check(host.equals(url.getHost()) ? url : URI.create(url.getScheme() + "://" + host + "/"));
		}
		catch (RefusedAddressException ex) {
			throw new InvalidFeedException("url", ex.getMessage());
		}
		catch (UnknownHostException | IllegalArgumentException ex) {
			// A name that does not resolve now may resolve later: the feed's health shows
			// the DNS failure until it does. An address literal never will.
			if (host.startsWith("[") || ex instanceof IllegalArgumentException) {
				throw new InvalidFeedException("url", "the host '" + url.getHost() + "' is not a usable address");
			}
		}
	}

	private static URI parseUrl(String text) {
		try {
			CanonicalUrl.of(text);
			URI url = URI.create(text.strip());
			if (url.getRawUserInfo() != null) {
				throw new InvalidFeedException("url", "must not carry user information");
			}
			return url;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFeedException("url", "must be an absolute http or https URL, not '" + text + "'");
		}
	}

	/**
	 * Returns every feed with its health.
	 * @return the feeds
	 */
	public List<FeedState> feeds() {
		return this.store.findAll();
	}

	/**
	 * Returns a feed with its health.
	 * @param id the feed's id
	 * @return the feed, if registered
	 */
	public Optional<FeedState> feed(String id) {
		return this.store.findById(id);
	}

	/**
	 * Stops following a feed.
	 * @param id the feed's id
	 * @return whether it was registered
	 */
	public boolean remove(String id) {
		return this.store.delete(id);
	}

	/**
	 * The outcome of a registration.
	 *
	 * @param state the feed as stored
	 * @param created whether the registration added it (rather than finding it)
	 */
	public record Registration(FeedState state, boolean created) {

	}

}

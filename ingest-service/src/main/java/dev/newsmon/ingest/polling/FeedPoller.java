package dev.newsmon.ingest.polling;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import dev.newsmon.events.ArticleFetched;
import dev.newsmon.ingest.feed.Feed;
import dev.newsmon.ingest.feed.FeedHealth;
import dev.newsmon.ingest.feed.FeedState;
import dev.newsmon.ingest.feed.FeedStore;
import dev.newsmon.ingest.fetcher.FeedFetcher;
import dev.newsmon.ingest.fetcher.FetchFailure;
import dev.newsmon.ingest.fetcher.FetchFailure.Kind;
import dev.newsmon.ingest.fetcher.FetchProperties;
import dev.newsmon.ingest.fetcher.FetchResult;
import dev.newsmon.ingest.fetcher.Validators;
import dev.newsmon.ingest.fulltext.ArticlePages;
import dev.newsmon.ingest.fulltext.HostGate;
import dev.newsmon.ingest.parser.FeedParseException;
import dev.newsmon.ingest.parser.FeedParser;
import dev.newsmon.ingest.parser.ParsedFeed;
import dev.newsmon.ingest.processor.ArticleProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Polls one feed: fetch, parse, clean, drop the articles already seen with the same
 * content, publish the new ones and the new versions, and record the outcome on the
 * feed's health. Failures are values here: each is logged as one line and the feed backs
 * off.
 */
@Component
public class FeedPoller {

	private static final Logger logger = LoggerFactory.getLogger(FeedPoller.class);

	/** How long publishing a poll's articles may take, on top of the fetch. */
	private static final Duration PUBLISH_ALLOWANCE = Duration.ofSeconds(60);

	private final FeedStore store;

	private final FeedFetcher fetcher;

	private final FeedParser parser = new FeedParser();

	private final ArticleSink sink;

	private final FetchProperties fetchProperties;

	private final Clock clock;

	private final Backoff backoff;

	private final int seenPerFeed;

	private final HostPermits hostPermits;

	private final AdaptiveInterval intervals;

	private final PollMetrics metrics;

	private final HubSubscriber hubSubscriber;

	private final Duration maxInterval;

	private final ArticlePages articlePages;

	FeedPoller(FeedStore store, FeedFetcher fetcher, ArticleSink sink, FetchProperties fetchProperties,
			PollProperties properties, Clock clock, MeterRegistry meterRegistry,
			ObjectProvider<HubSubscriber> hubSubscriber, ArticlePages articlePages) {
		this.articlePages = articlePages;
		this.hubSubscriber = hubSubscriber.getIfAvailable(() -> (feedId, hub, topic) -> {
		});
		this.maxInterval = properties.maxInterval();
		this.metrics = new PollMetrics(meterRegistry);
		this.store = store;
		this.fetcher = fetcher;
		this.sink = sink;
		this.fetchProperties = fetchProperties;
		this.clock = clock;
		this.backoff = new Backoff(properties.firstRetry(), properties.maxBackoff(), RandomGenerator.getDefault());
		this.seenPerFeed = properties.seenPerFeed();
		this.hostPermits = new HostPermits(properties.hostGap(), clock);
		this.intervals = new AdaptiveInterval(properties.minInterval(), properties.maxInterval());
	}

	/**
	 * Polls a feed now, waiting while another poll of the same host runs.
	 * @param feedId the feed's id
	 * @return what the poll did, or empty if no such feed is registered
	 */
	public Optional<PollOutcome> pollNow(String feedId) {
		Optional<FeedState> state = this.store.findById(feedId);
		if (state.isEmpty()) {
			return Optional.empty();
		}
		String host = host(state.get().feed());
		Duration wait = this.fetchProperties.totalTimeout().plus(PUBLISH_ALLOWANCE);
		try {
			if (!this.hostPermits.acquire(host, wait)) {
				Instant now = this.clock.instant();
				return Optional.of(new PollOutcome(feedId, "busy", 0, 0, null,
						"another poll of " + host + " is still running", now, state.get().health().nextPoll()));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		try {
			return poll(feedId);
		}
		finally {
			this.hostPermits.release(host);
		}
	}

	/**
	 * Takes a host's permit unless another poll of the host runs, for the scheduler.
	 * @param host the host
	 * @return whether the permit was taken
	 */
	boolean tryAcquireHost(String host) {
		return this.hostPermits.tryAcquire(host);
	}

	void releaseHost(String host) {
		this.hostPermits.release(host);
	}

	static String host(Feed feed) {
		try {
			String host = URI.create(feed.url()).getHost();
			return (host != null) ? host.toLowerCase(Locale.ROOT) : "";
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

	/**
	 * Polls a feed; the caller holds its host's permit.
	 * @param feedId the feed's id
	 * @return what the poll did, or empty if no such feed is registered
	 */
	Optional<PollOutcome> poll(String feedId) {
		Optional<FeedState> found = this.store.findById(feedId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		if (!this.store.claim(feedId)) {
			Instant now = this.clock.instant();
			return Optional.of(new PollOutcome(feedId, "not-owned", 0, 0, null, "another replica polls this feed", now,
					found.get().health().nextPoll()));
		}
		try {
			// read again: the state may have moved on while this replica took the feed
			return this.store.findById(feedId).map(this::poll);
		}
		finally {
			this.store.release(feedId);
		}
	}

	private PollOutcome poll(FeedState state) {
		Feed feed = state.feed();
		Instant polledAt = this.clock.instant();
		FetchResult result = this.fetcher.fetch(URI.create(feed.url()),
				new Validators(state.etag(), state.lastModified()));
		return switch (result) {
			case FetchResult.NotModified notModified -> succeeded(state, polledAt, "not-modified", 0, 0, 0, null,
					notModified.validators(), notModified.maxAge());
			case FetchResult.Failed failed -> failed(feed, polledAt, failed.failure());
			case FetchResult.Fetched fetched -> fetched(state, polledAt, fetched);
		};
	}

	private PollOutcome fetched(FeedState state, Instant polledAt, FetchResult.Fetched fetched) {
		Feed feed = state.feed();
		ParsedFeed parsed;
		try {
			parsed = this.parser.parse(fetched.body(), fetched.contentType(), fetched.url());
		}
		catch (FeedParseException ex) {
			return failed(feed, polledAt, new FetchFailure(Kind.PARSE, ex.getMessage()));
		}
		List<ArticleFetched> articles = process(feed, parsed, polledAt);
		ContentDedupe.Decision decision = fullText(state, decide(state, articles), host(feed));
		FetchFailure failure = publish(decision);
		if (failure != null) {
			return failed(feed, polledAt, failure);
		}
		if (fetched.permanentlyMoved() && !fetched.url().toString().equals(feed.url())) {
			moved(feed, fetched.url().toString());
		}
		PollOutcome outcome = succeeded(state, polledAt, "fetched", articles.size(), decision.publish().size(),
				decision.newToFeed(), decision.seen(), fetched.validators(), longest(fetched.maxAge(), parsed.ttl()));
		// WebSub section 4: the Link header first, then the feed's own links
		String hub = fetched.links().getOrDefault("hub", parsed.hub());
		if (hub != null) {
			String self = fetched.links().getOrDefault("self", parsed.self());
			this.hubSubscriber.discovered(feed.id(), hub, (self != null) ? self : fetched.url().toString());
		}
		return outcome;
	}

	/**
	 * Takes content a WebSub hub pushed for a feed through the same pipeline as a polled
	 * document: same parsing, cleaning, dedupe and publication. The feed's poll schedule
	 * stays as it is.
	 * @param feedId the feed's id
	 * @param body the pushed document
	 * @param contentType its {@code Content-Type}, or {@code null}
	 * @return what the push did, or empty if no such feed is registered
	 */
	public Optional<PollOutcome> pushed(String feedId, byte[] body, String contentType) {
		Optional<FeedState> found = this.store.findById(feedId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		FeedState state = found.get();
		Feed feed = state.feed();
		Instant at = this.clock.instant();
		ParsedFeed parsed;
		try {
			parsed = this.parser.parse(body, contentType, URI.create(feed.url()));
		}
		catch (FeedParseException ex) {
			logger.warn("Feed '{}': pushed content is not a feed: {}", feed.name(), ex.getMessage());
			return Optional.of(new PollOutcome(feedId, "failed", 0, 0, Kind.PARSE.id(), ex.getMessage(), at,
					state.health().nextPoll()));
		}
		List<ArticleFetched> articles = process(feed, parsed, at);
		ContentDedupe.Decision decision = fullText(state, decide(state, articles), null);
		FetchFailure failure = publish(decision);
		if (failure != null) {
			// the next poll fetches the same items and publishes them
			logger.warn("Feed '{}': pushed articles not published: {}", feed.name(), failure.message());
			return Optional.of(new PollOutcome(feedId, "failed", articles.size(), 0, failure.kind().id(),
					failure.message(), at, state.health().nextPoll()));
		}
		this.metrics.fetched("pushed");
		this.store.update(feedId, (current) -> {
			FeedHealth health = current.health();
			int interval = (health.pollIntervalSeconds() > 0) ? health.pollIntervalSeconds() : feed.intervalSeconds();
			return current
				.with(health.succeeded(at, decision.newToFeed(), health.nextPoll(), Duration.ofSeconds(interval)),
						current.etag(), current.lastModified())
				.withSeen(decision.seen());
		});
		logger.info("Feed '{}': pushed {} articles, {} published", feed.name(), articles.size(),
				decision.publish().size());
		return Optional.of(new PollOutcome(feedId, "pushed", articles.size(), decision.publish().size(), null, null, at,
				state.health().nextPoll()));
	}

	private List<ArticleFetched> process(Feed feed, ParsedFeed parsed, Instant at) {
		return ArticleProcessor.process(parsed.items(),
				new ArticleProcessor.Source(feed.id(), feed.name(), feed.language()), at,
				this.fetchProperties.maxItemsPerFetch());
	}

	private ContentDedupe.Decision decide(FeedState state, List<ArticleFetched> articles) {
		ContentDedupe.Decision decision = ContentDedupe.decide(articles, state.seen(), this.store::contentHash,
				this.seenPerFeed);
		this.metrics.items("published", decision.publish().size());
		this.metrics.items("duplicate", decision.fromOtherFeeds());
		this.metrics.items("unchanged", articles.size() - decision.publish().size() - decision.fromOtherFeeds());
		if (decision.fromOtherFeeds() > 0) {
			logger.debug("Feed '{}' brought {} articles another feed already published", state.feed().name(),
					decision.fromOtherFeeds());
		}
		return decision;
	}

	/**
	 * Gives the articles new to a full-text feed the text of their pages. Articles the
	 * feed brought before (new versions) keep the feed's text: their pages are never
	 * fetched again. The content hashes that dedupe remembers stay those of the feed's
	 * text, so a page that changes does not make an item new.
	 * @param heldHost the host whose permit this poll holds, or {@code null}
	 */
	private ContentDedupe.Decision fullText(FeedState state, ContentDedupe.Decision decision, String heldHost) {
		if (!state.feed().fullText() || decision.publish().isEmpty()) {
			return decision;
		}
		List<ArticleFetched> completed = this.articlePages.complete(decision.publish(),
				(article) -> !state.seen().containsKey(article.articleId()), hostGate(heldHost));
		return new ContentDedupe.Decision(completed, decision.newToFeed(), decision.changed(),
				decision.fromOtherFeeds(), decision.seen());
	}

	/**
	 * Page requests take turns per host with feed polls; the host this poll already holds
	 * only waits for its gap.
	 */
	private HostGate hostGate(String heldHost) {
		return new HostGate() {

			@Override
			public boolean enter(String host, Duration timeout) throws InterruptedException {
				return host.equals(heldHost) ? FeedPoller.this.hostPermits.awaitGap(host, timeout)
						: FeedPoller.this.hostPermits.acquire(host, timeout);
			}

			@Override
			public void leave(String host) {
				if (!host.equals(heldHost)) {
					FeedPoller.this.hostPermits.release(host);
				}
			}

		};
	}

	/**
	 * Publishes the decided articles; a failure leaves them unseen, for the next poll.
	 */
	private FetchFailure publish(ContentDedupe.Decision decision) {
		if (decision.publish().isEmpty()) {
			return null;
		}
		long start = System.nanoTime();
		try {
			this.sink.publish(decision.publish());
			this.metrics.published(Duration.ofNanos(System.nanoTime() - start));
			return null;
		}
		catch (ArticleSink.PublishFailedException ex) {
			return new FetchFailure(Kind.PUBLISH, ex.getMessage());
		}
	}

	/**
	 * Follows a permanent redirect (RFC 9110 sections 15.4.2 and 15.4.9): later polls go
	 * to the new URL; the feed keeps its id, so its history and state stay with it.
	 */
	private void moved(Feed feed, String url) {
		this.store.update(feed.id(), (state) -> state.with(new Feed(feed.id(), url, state.feed().name(),
				state.feed().language(), state.feed().intervalSeconds(), state.feed().fullText())));
		logger.info("Feed '{}' moved permanently from {} to {}", feed.name(), feed.url(), url);
	}

	private static Duration longest(Duration a, Duration b) {
		if (a == null || b == null) {
			return (a != null) ? a : b;
		}
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private PollOutcome succeeded(FeedState before, Instant polledAt, String status, int found, int published,
			int newToFeed, Map<String, String> seen, Validators validators, Duration freshFor) {
		this.metrics.fetched(status);
		Feed feed = before.feed();
		int current = before.health().pollIntervalSeconds();
		Duration interval = this.intervals.next(Duration.ofSeconds(feed.intervalSeconds()),
				(current > 0) ? Duration.ofSeconds(current) : null, published > 0, freshFor);
		if (before.webSub() != null && before.webSub().activeAt(polledAt)) {
			// the hub pushes: polling is only the safety net, and renews the lease in
			// time
			Duration untilRenewal = Duration.between(polledAt,
					before.webSub().renewAt(ChronoUnit.FOREVER.getDuration()));
			Duration safetyNet = (untilRenewal.compareTo(this.maxInterval) < 0) ? untilRenewal : this.maxInterval;
			interval = longest(interval, safetyNet);
		}
		Duration adapted = interval;
		Instant next = this.backoff.afterSuccess(polledAt, interval);
		this.store.update(feed.id(), (state) -> {
			FeedState polled = state.with(state.health().succeeded(polledAt, newToFeed, next, adapted),
					validators.etag(), validators.lastModified());
			return (seen != null) ? polled.withSeen(seen) : polled;
		});
		if (published > 0) {
			logger.info("Feed '{}' brought {} new of {} articles", feed.name(), published, found);
		}
		else {
			logger.debug("Feed '{}': {} ({} articles, none new)", feed.name(), status, found);
		}
		return new PollOutcome(feed.id(), status, found, published, null, null, polledAt, next);
	}

	private PollOutcome failed(Feed feed, Instant polledAt, FetchFailure failure) {
		this.metrics.fetched("failed");
		this.metrics.failed(failure.kind().id());
		Duration interval = Duration.ofSeconds(feed.intervalSeconds());
		FeedHealth health = this.store
			.update(feed.id(),
					(state) -> state.with(failedHealth(state.health(), polledAt, failure, interval), state.etag(),
							state.lastModified()))
			.map(FeedState::health)
			.orElseGet(() -> failedHealth(FeedHealth.unpolled(polledAt), polledAt, failure, interval));
		logger.warn("Feed '{}' ({}) failed: {}: {}; {} failure(s) in a row, next poll at {}", feed.name(), feed.url(),
				failure.kind().id(), failure.message(), health.consecutiveFailures(), health.nextPoll());
		return new PollOutcome(feed.id(), "failed", 0, 0, failure.kind().id(), failure.message(), polledAt,
				health.nextPoll());
	}

	private FeedHealth failedHealth(FeedHealth health, Instant polledAt, FetchFailure failure, Duration interval) {
		Instant next = this.backoff.afterFailure(polledAt, interval, health.consecutiveFailures() + 1,
				failure.retryAfter());
		return health.failed(polledAt, failure.kind().id(), failure.message(), next);
	}

}

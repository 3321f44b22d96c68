package dev.newsmon.ingest.fulltext;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import dev.newsmon.events.ArticleFetched;
import dev.newsmon.ingest.fetcher.FeedFetcher;
import dev.newsmon.ingest.fetcher.FetchResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Gives new articles of a summary-only feed the main text of their pages: each page is
 * fetched under the feed fetch's rules, one after another, within a number of pages and a
 * time budget per poll. The page's text becomes the body when it is longer than the
 * feed's own; on any failure the feed's text stays, and the failure is counted by class.
 */
@Component
public class ArticlePages {

	private static final Logger logger = LoggerFactory.getLogger(ArticlePages.class);

	private final FeedFetcher fetcher;

	private final FullTextProperties properties;

	private final Clock clock;

	private final MeterRegistry registry;

	/**
	 * Creates the page fetching of full-text feeds.
	 * @param fetcher the fetcher, whose rules pages follow
	 * @param properties the limits per poll
	 * @param clock the clock of the budget
	 * @param registry where failures are counted
	 */
	public ArticlePages(FeedFetcher fetcher, FullTextProperties properties, Clock clock, MeterRegistry registry) {
		this.fetcher = fetcher;
		this.properties = properties;
		this.clock = clock;
		this.registry = registry;
	}

	/**
	 * Completes the text of the articles the predicate picks, in order, while the poll's
	 * page count and time budget last; the others are returned as they are.
	 * @param articles the articles about to be published
	 * @param fetchPage which articles to fetch the page of (those new to the feed)
	 * @param gate the per-host politeness
	 * @return the articles, in the same order, some with a longer body
	 */
	public List<ArticleFetched> complete(List<ArticleFetched> articles, Predicate<ArticleFetched> fetchPage,
			HostGate gate) {
		Instant deadline = this.clock.instant().plus(this.properties.pollBudget());
		List<ArticleFetched> completed = new ArrayList<>(articles.size());
		int pages = 0;
		for (ArticleFetched article : articles) {
			if (!fetchPage.test(article)) {
				completed.add(article);
			}
			else if (pages >= this.properties.maxPagesPerPoll() || !this.clock.instant().isBefore(deadline)) {
				count("skipped");
				completed.add(article);
			}
			else {
				pages++;
				completed.add(complete(article, deadline, gate));
			}
		}
		return completed;
	}

	private ArticleFetched complete(ArticleFetched article, Instant deadline, HostGate gate) {
		URI url;
		try {
			url = URI.create(article.url());
		}
		catch (IllegalArgumentException ex) {
			return failed(article, "io", "the URL cannot be fetched");
		}
		String host = (url.getHost() != null) ? url.getHost().toLowerCase(Locale.ROOT) : "";
		FetchResult result;
		try {
			if (!gate.enter(host, remaining(deadline))) {
				return failed(article, "busy-host", "no turn at " + host + " within the poll's budget");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return article;
		}
		try {
			Duration remaining = remaining(deadline);
			if (remaining.isZero()) {
				return failed(article, "timeout", "the poll's budget for pages is spent");
			}
			result = this.fetcher.fetchPage(url, remaining, this.properties.maxPageBytes().toBytes());
		}
		finally {
			gate.leave(host);
		}
		return switch (result) {
			case FetchResult.Failed failed -> failed(article, failed.failure().kind().id(), failed.failure().message());
			case FetchResult.NotModified notModified -> failed(article, "http-status", "HTTP 304");
			case FetchResult.Fetched fetched -> extracted(article, fetched);
		};
	}

	private ArticleFetched extracted(ArticleFetched article, FetchResult.Fetched page) {
		String text = MainText.of(page.body(), page.contentType(), page.url().toString());
		if (text.isEmpty()) {
			return failed(article, "empty", "no article text on the page");
		}
		String own = (article.body() != null && !article.body().isEmpty()) ? article.body() : article.summary();
		if (own != null && text.length() <= own.length()) {
			count("feed-text-longer");
			return article;
		}
		count("extracted");
		return new ArticleFetched(article.schemaVersion(), article.articleId(), article.url(), article.feedId(),
				article.source(), article.title(), article.summary(), text, article.author(), article.categories(),
				article.languageHint(), article.publishedAt(), article.fetchedAt(), article.summaryHtml(),
				article.enclosures());
	}

	private Duration remaining(Instant deadline) {
		Duration remaining = Duration.between(this.clock.instant(), deadline);
		if (remaining.isNegative()) {
			return Duration.ZERO;
		}
		return (remaining.compareTo(this.properties.pageTimeout()) < 0) ? remaining : this.properties.pageTimeout();
	}

	private ArticleFetched failed(ArticleFetched article, String failureClass, String message) {
		count("failed");
		Counter.builder("newsmon.ingest.fulltext.failures")
			.description("Article pages whose text could not be used, by class of failure")
			.tag("class", failureClass)
			.register(this.registry)
			.increment();
		logger.debug("Full text of {} not used: {}: {}", article.url(), failureClass, message);
		return article;
	}

	private void count(String result) {
		Counter.builder("newsmon.ingest.fulltext.pages")
			.description("Article pages of full-text feeds: extracted, feed-text-longer, failed, or skipped "
					+ "(beyond the poll's page count or time budget)")
			.tag("result", result)
			.register(this.registry)
			.increment();
	}

}

package dev.newsmon.ingest.processor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.newsmon.events.ArticleFetched;
import dev.newsmon.ingest.article.ArticleId;
import dev.newsmon.ingest.article.CanonicalUrl;
import dev.newsmon.ingest.parser.ParsedItem;

/**
 * Turns the items of one fetch into {@link ArticleFetched} events: plain text, canonical
 * URL and article id, and a publication time that is never missing, never before the web
 * and never in the future.
 */
public final class ArticleProcessor {

	/** Dates before this are placeholders (1970 and friends), not publication times. */
	private static final Instant EARLIEST = LocalDate.of(1995, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

	private ArticleProcessor() {
	}

	/**
	 * Processes the items of one fetch. Items without a usable link are left out; an
	 * article linked twice in one fetch is kept once.
	 * @param items the parsed items
	 * @param source where they come from
	 * @param fetchedAt when they were fetched
	 * @param maxItems the most items taken, in document order
	 * @return the articles
	 */
	public static List<ArticleFetched> process(List<ParsedItem> items, Source source, Instant fetchedAt, int maxItems) {
		List<ArticleFetched> articles = new ArrayList<>();
		Set<String> ids = new LinkedHashSet<>();
		for (ParsedItem item : items) {
			if (articles.size() >= maxItems) {
				break;
			}
			ArticleFetched article = article(item, source, fetchedAt);
			if (article != null && ids.add(article.articleId())) {
				articles.add(article);
			}
		}
		return articles;
	}

	static ArticleFetched article(ParsedItem item, Source source, Instant fetchedAt) {
		if (item.link() == null) {
			return null;
		}
		String url;
		try {
			url = CanonicalUrl.of(item.link());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		String title = HtmlText.of(item.title());
		String summary = HtmlText.of(item.summary());
		String body = HtmlText.of(item.content());
		if (title.isEmpty()) {
			title = firstWords(summary.isEmpty() ? body : summary);
		}
		String author = HtmlText.of(item.author());
		// categories are feed text like any other: markup in them is not kept
		List<String> categories = (item.categories() != null) ? item.categories()
			.stream()
			.map(HtmlText::of)
			.filter((category) -> !category.isEmpty())
			.distinct()
			.toList() : List.of();
		return new ArticleFetched(ArticleFetched.SCHEMA_VERSION, ArticleId.of(url), url, source.feedId(), source.name(),
				title, summary, body, author.isEmpty() ? null : author, categories, source.language(),
				publishedAt(item, fetchedAt), fetchedAt, HtmlText.snippet(item.summary(), url), item.enclosures());
	}

	/**
	 * The item's publication time; the update time when it has none (Atom items may carry
	 * only {@code <updated>}); the fetch time when both are missing or implausible.
	 */
	static Instant publishedAt(ParsedItem item, Instant fetchedAt) {
		for (Instant candidate : new Instant[] { item.published(), item.updated() }) {
			if (candidate != null && !candidate.isBefore(EARLIEST) && !candidate.isAfter(fetchedAt)) {
				return candidate;
			}
		}
		return fetchedAt;
	}

	private static String firstWords(String text) {
		if (text.length() <= 120) {
			return text;
		}
		int cut = text.lastIndexOf(' ', 120);
		return text.substring(0, (cut > 40) ? cut : 120) + "…";
	}

	/**
	 * Where a fetch's items come from.
	 *
	 * @param feedId the feed's id
	 * @param name the feed's name, shown as the article's source
	 * @param language the feed's language, a hint for analysis, or {@code null}
	 */
	public record Source(String feedId, String name, String language) {

	}

}

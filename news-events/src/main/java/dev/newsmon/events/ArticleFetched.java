package dev.newsmon.events;

import java.time.Instant;
import java.util.List;

/**
 * An article was fetched from a feed, parsed and cleaned. Published by ingest-service on
 * {@link Topics#ARTICLES_FETCHED}, keyed by {@code articleId}.
 *
 * @param schemaVersion the version of this record's shape, {@link #SCHEMA_VERSION} when
 * written
 * @param articleId a stable hash of the canonical URL: the key of every later hop
 * @param url the canonical URL of the article
 * @param feedId the id of the feed the article came from
 * @param source the human-readable name of the feed or outlet
 * @param title the title as plain text
 * @param summary the summary or description as plain text, possibly empty
 * @param body the full text as plain text when the feed carries it, possibly empty
 * @param author the author, or {@code null}
 * @param categories the feed's own categories for the item
 * @param languageHint the language the feed declares (BCP 47), or {@code null}; a hint
 * only
 * @param publishedAt when the article was published, as the feed says, or the fetch time
 * @param fetchedAt when ingest-service fetched it
 * @param summaryHtml the summary as sanitized HTML (only formatting and http/https links,
 * no scripts, styles or event handlers), possibly empty
 * @param enclosures the absolute http(s) URLs of the item's enclosures and media,
 * possibly empty
 */
public record ArticleFetched(int schemaVersion, String articleId, String url, String feedId, String source,
		String title, String summary, String body, String author, List<String> categories, String languageHint,
		Instant publishedAt, Instant fetchedAt, String summaryHtml, List<String> enclosures) {

	/** The schema version that this code writes. */
	public static final int SCHEMA_VERSION = 1;

}

package dev.newsmon.ingest.parser;

import java.time.Instant;
import java.util.List;

/**
 * One item of a feed as read: texts may still hold HTML.
 *
 * @param title the title, or {@code null}
 * @param link the absolute link to the article, or {@code null} when the item has none
 * @param summary the description or summary, or {@code null}
 * @param content the full content ({@code content:encoded}, Atom content), or
 * {@code null}
 * @param author the author, or {@code null}
 * @param categories the item's categories
 * @param published when the item was published, or {@code null}
 * @param updated when the item was last updated, or {@code null}
 * @param enclosures the absolute http(s) URLs of the item's enclosures and Media RSS
 * content, without duplicates
 */
public record ParsedItem(String title, String link, String summary, String content, String author,
		List<String> categories, Instant published, Instant updated, List<String> enclosures) {

}

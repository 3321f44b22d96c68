package dev.newsmon.ingest.parser;

import java.time.Duration;
import java.util.List;

/**
 * A feed document as read, before cleaning.
 *
 * @param title the feed's title, or {@code null}
 * @param language the language the feed declares, or {@code null}
 * @param items the items in document order
 * @param ttl how long the feed may be cached (RSS 2.0 {@code <ttl>}), or {@code null}
 * @param hub the WebSub hub the feed names ({@code <link rel="hub">}), or {@code null}
 * @param self the feed's own URL as it names it ({@code <link rel="self">}), or
 * {@code null}
 */
public record ParsedFeed(String title, String language, List<ParsedItem> items, Duration ttl, String hub, String self) {

}

package dev.newsmon.ingest.feed;

/**
 * A followed feed.
 *
 * @param id a stable hash of the feed's URL
 * @param url the feed's URL
 * @param name the name shown as the source of its articles
 * @param language the language the feed is written in (BCP 47), or {@code null}
 * @param intervalSeconds how often it is polled, before jitter and backoff
 * @param fullText whether the page of each new item is fetched for its full text, for
 * feeds that carry only summaries; records written before this existed read as
 * {@code false}
 */
public record Feed(String id, String url, String name, String language, int intervalSeconds, boolean fullText) {

}

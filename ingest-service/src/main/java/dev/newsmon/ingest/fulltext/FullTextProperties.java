package dev.newsmon.ingest.fulltext;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How article pages are fetched for feeds that ask for full text. The feed fetch's rules
 * (address policy, redirect limit, User-Agent) apply as well; these limits bound what
 * full text may add to one poll.
 *
 * @param maxPagesPerPoll the most pages fetched in one poll of a feed; the other new
 * items keep the feed's text
 * @param pageTimeout the longest one page fetch may take, redirects and body included
 * (never more than the feed fetch's total timeout)
 * @param pollBudget the longest all page fetches of one poll may take together
 * @param maxPageBytes the largest page accepted, counted after decompression (never more
 * than the feed fetch's limit)
 */
@ConfigurationProperties("newsmon.ingest.fulltext")
public record FullTextProperties(@DefaultValue("10") int maxPagesPerPoll, @DefaultValue("10s") Duration pageTimeout,
		@DefaultValue("30s") Duration pollBudget, @DefaultValue("2MB") DataSize maxPageBytes) {

}

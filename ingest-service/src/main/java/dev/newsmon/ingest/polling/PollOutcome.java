package dev.newsmon.ingest.polling;

import java.time.Instant;

/**
 * What one poll of a feed did.
 *
 * @param feedId the feed's id
 * @param status {@code fetched}, {@code not-modified} or {@code failed}
 * @param itemsFound how many articles the feed listed (after the per-fetch cap)
 * @param itemsPublished how many of them were new and published
 * @param errorClass the class of the failure, or {@code null}
 * @param error why the poll failed, or {@code null}
 * @param polledAt when the poll happened
 * @param nextPoll when the feed is polled next
 */
public record PollOutcome(String feedId, String status, int itemsFound, int itemsPublished, String errorClass,
		String error, Instant polledAt, Instant nextPoll) {

}

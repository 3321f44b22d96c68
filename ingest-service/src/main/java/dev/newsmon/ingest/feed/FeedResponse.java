package dev.newsmon.ingest.feed;

/**
 * A feed as the API shows it: what it is and how polling it goes.
 *
 * @param id the feed's id
 * @param url its URL
 * @param name its name
 * @param language its language, or {@code null}
 * @param intervalSeconds its poll interval
 * @param health how polling it goes
 */
record FeedResponse(String id, String url, String name, String language, int intervalSeconds, FeedHealth health) {

	static FeedResponse of(FeedState state) {
		Feed feed = state.feed();
		return new FeedResponse(feed.id(), feed.url(), feed.name(), feed.language(), feed.intervalSeconds(),
				state.health());
	}

}

package dev.newsmon.ingest.feed;

/**
 * A feed as the API shows it: what it is and how polling it goes.
 *
 * @param id the feed's id
 * @param url its URL
 * @param name its name
 * @param language its language, or {@code null}
 * @param intervalSeconds its poll interval
 * @param fullText whether the pages of its new items are fetched for their full text
 * @param health how polling it goes
 * @param webSub its WebSub subscription, without the secret, or {@code null}
 */
record FeedResponse(String id, String url, String name, String language, int intervalSeconds, boolean fullText,
		FeedHealth health, WebSub webSub) {

	static FeedResponse of(FeedState state) {
		Feed feed = state.feed();
		WebSubState webSub = state.webSub();
		return new FeedResponse(feed.id(), feed.url(), feed.name(), feed.language(), feed.intervalSeconds(),
				feed.fullText(), state.health(), (webSub != null) ? new WebSub(webSub.hub(), webSub.status(),
						webSub.requestedAt(), webSub.leaseExpires(), webSub.lastError()) : null);
	}

	/**
	 * A WebSub subscription as the API shows it.
	 *
	 * @param hub the hub
	 * @param status {@code pending}, {@code active}, {@code denied} or {@code failed}
	 * @param requestedAt when it was last requested
	 * @param leaseExpires when its lease ends, or {@code null}
	 * @param lastError why the last request failed, or {@code null}
	 */
	record WebSub(String hub, String status, java.time.Instant requestedAt, java.time.Instant leaseExpires,
			String lastError) {

	}

}

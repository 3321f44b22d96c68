package dev.newsmon.ingest.polling;

/**
 * Where a feed's WebSub hub goes once a poll discovers it.
 */
public interface HubSubscriber {

	/**
	 * A poll found that a feed names a hub: subscribe, or renew, when due.
	 * @param feedId the feed's id
	 * @param hub the hub's URL
	 * @param topic the topic to subscribe to (the feed's self URL)
	 */
	void discovered(String feedId, String hub, String topic);

}

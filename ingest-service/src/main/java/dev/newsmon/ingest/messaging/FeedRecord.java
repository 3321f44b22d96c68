package dev.newsmon.ingest.messaging;

import dev.newsmon.ingest.feed.FeedState;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The value of a record of the feed registry topic; a removed feed is a tombstone (a
 * {@code null} value).
 *
 * @param schemaVersion the version of this record's shape
 * @param origin {@link #REGISTERED} when the record registers the feed, {@link #UPDATED}
 * when a poll or a change updates a registered feed
 * @param state the feed and its state
 */
record FeedRecord(int schemaVersion, String origin, FeedState state) {

	static final int SCHEMA_VERSION = 1;

	static final String REGISTERED = "registered";

	static final String UPDATED = "updated";

	/**
	 * Returns a reader of records, including those written before a field of the state
	 * existed: a missing number reads as 0.
	 * @param jsonMapper the application's mapper
	 * @return the reader
	 */
	static ObjectReader reader(JsonMapper jsonMapper) {
		return jsonMapper.readerFor(FeedRecord.class).without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
	}

}

package dev.newsmon.ingest.messaging;

import java.time.Instant;
import java.util.Map;

import dev.newsmon.ingest.feed.Feed;
import dev.newsmon.ingest.feed.FeedHealth;
import dev.newsmon.ingest.feed.FeedState;
import dev.newsmon.ingest.feed.WebSubState;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's records stay readable as the state grows fields: a record written before
 * a field existed reads with the field's default.
 */
class FeedRecordTests {

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	@Test
	void roundTrips() {
		Instant now = Instant.parse("2026-11-27T10:00:00Z");
		FeedState state = new FeedState(new Feed("f1", "https://a.example/feed", "A", "en", 900, true),
				new FeedHealth(now, now, null, null, null, 0, now.plusSeconds(900), 3, 900), "\"v1\"", null,
				Map.of("a1", "0123456789abcdef"), new WebSubState("https://hub.example", "https://a.example/feed",
						"secret", WebSubState.ACTIVE, now, now.plusSeconds(86400), null));
		FeedRecord record = new FeedRecord(FeedRecord.SCHEMA_VERSION, FeedRecord.UPDATED, state);
		String json = this.jsonMapper.writeValueAsString(record);
		assertThat(json).contains("\"2026-11-27T10:00:00Z\"");
		assertThat(FeedRecord.reader(this.jsonMapper).<FeedRecord>readValue(json)).isEqualTo(record);
	}

	@Test
	void readsARecordWrittenBeforeLaterFields() {
		String json = """
				{"schemaVersion":1,"origin":"registered","state":{
				  "feed":{"id":"f1","url":"https://a.example/feed","name":"A","language":null,"intervalSeconds":900},
				  "health":{"lastAttempt":null,"lastSuccess":null,"lastErrorAt":null,"lastError":null,
				    "lastErrorClass":null,"consecutiveFailures":0,"nextPoll":"2026-11-27T10:00:00Z","itemsSeen":0},
				  "etag":null,"lastModified":null}}
				""";
		FeedRecord record = FeedRecord.reader(this.jsonMapper).readValue(json);
		assertThat(record.state().health().pollIntervalSeconds()).isZero();
		assertThat(record.state().seen()).isEmpty();
		assertThat(record.state().webSub()).isNull();
		assertThat(record.state().feed().fullText()).isFalse();
	}

	@Test
	void readsARecordOfANewerReplicaWithFieldsItDoesNotKnow() {
		String json = """
				{"schemaVersion":1,"origin":"registered","addedLater":{"a":1},"state":{
				  "feed":{"id":"f1","url":"https://a.example/feed","name":"A","language":null,
				    "intervalSeconds":900,"priority":"high"},
				  "health":{"consecutiveFailures":0,"nextPoll":"2026-11-27T10:00:00Z","itemsSeen":0,"region":"x"},
				  "etag":null,"lastModified":null,"moreState":[1,2]}}
				""";
		FeedRecord record = FeedRecord.reader(this.jsonMapper).readValue(json);
		assertThat(record.state().feed().url()).isEqualTo("https://a.example/feed");
		assertThat(record.state().health().nextPoll()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
	}

}

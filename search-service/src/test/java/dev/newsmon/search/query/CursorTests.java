package dev.newsmon.search.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CursorTests {

	@Test
	void relevanceCursorRoundTrips() {
		Cursor cursor = new Cursor(SortOrder.RELEVANCE, List.of(3.25, 1764201600000L, "a1b2"));
		String encoded = cursor.encode();
		assertThat(encoded).matches("[A-Za-z0-9_-]+");
		assertThat(Cursor.decode(encoded, SortOrder.RELEVANCE)).isEqualTo(cursor);
	}

	@Test
	void newestCursorRoundTrips() {
		Cursor cursor = new Cursor(SortOrder.NEWEST, List.of(1764201600000L, "a1b2"));
		assertThat(Cursor.decode(cursor.encode(), SortOrder.NEWEST)).isEqualTo(cursor);
	}

	@Test
	void pointInTimeAndOriginRoundTrip() {
		Cursor cursor = new Cursor(SortOrder.RELEVANCE, List.of(1.5, 1764201600000L, "a1b2"), "pit-id==",
				1764201600123L);
		assertThat(Cursor.decode(cursor.encode(), SortOrder.RELEVANCE)).isEqualTo(cursor);
	}

	@Test
	void pointInTimeMustBeText() {
		String json = "{\"s\":\"newest\",\"v\":[1,\"id\"],\"p\":7}";
		String encoded = Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> Cursor.decode(encoded, SortOrder.NEWEST));
	}

	@Test
	void cursorOfAnotherSortIsRefused() {
		String encoded = new Cursor(SortOrder.NEWEST, List.of(1764201600000L, "a1b2")).encode();
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> Cursor.decode(encoded, SortOrder.RELEVANCE))
			.withMessageContaining("sort=newest")
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("cursor"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "not a cursor", "%%%", "e30", "W10", "eyJzIjoibmV3ZXN0IiwidiI6WyJ4IiwieSJdfQ" })
	void malformedCursorsAreRefused(String text) {
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> Cursor.decode(text, SortOrder.NEWEST))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("cursor"));
	}

	@Test
	void cursorWithWrongValueTypesIsRefused() {
		String json = "{\"s\":\"relevance\",\"v\":[\"x\",1,\"id\"]}";
		String encoded = Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> Cursor.decode(encoded, SortOrder.RELEVANCE));
	}

}

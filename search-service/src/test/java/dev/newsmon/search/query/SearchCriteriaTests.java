package dev.newsmon.search.query;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SearchCriteriaTests {

	private static final Set<String> TOPICS = Set.of("north-korea", "taiwan-strait");

	@Test
	void defaults() {
		SearchCriteria criteria = parse(null, null, null, null, null, null, null, null, null);
		assertThat(criteria.q()).isNull();
		assertThat(criteria.topics()).isEmpty();
		assertThat(criteria.sort()).isEqualTo(SortOrder.RELEVANCE);
		assertThat(criteria.size()).isEqualTo(20);
		assertThat(criteria.cursor()).isNull();
	}

	@Test
	void everyParameter() {
		SearchCriteria criteria = parse(" missile ", List.of("north-korea", "taiwan-strait", "north-korea"), "ja",
				"Example News", "2026-11-01", "2026-11-27T09:00:00+09:00", "newest", "50", null);
		assertThat(criteria.q()).isEqualTo("missile");
		assertThat(criteria.topics()).containsExactly("north-korea", "taiwan-strait");
		assertThat(criteria.language()).isEqualTo("ja");
		assertThat(criteria.source()).isEqualTo("Example News");
		assertThat(criteria.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
		assertThat(criteria.to()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
		assertThat(criteria.sort()).isEqualTo(SortOrder.NEWEST);
		assertThat(criteria.size()).isEqualTo(50);
	}

	@Test
	void dateInToIncludesTheWholeDay() {
		SearchCriteria criteria = parse(null, null, null, null, null, "2026-11-27", null, null, null);
		assertThat(criteria.to()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
	}

	@ParameterizedTest(name = "{0}={1} -> 400")
	@CsvSource({ "size, 0", "size, 101", "size, ten", "size, -1", "sort, oldest", "from, 2026-13-01", "from, yesterday",
			"to, 2026-11-27T09:00", "cursor, bogus", "topic, weather", "lang, japanese", "q, LONG" })
	void invalidParameters(String parameter, String value) {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> parseOne(parameter, value))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo(parameter));
	}

	@Test
	void fromMustBeBeforeTo() {
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> parse(null, null, null, null, "2026-11-27", "2026-11-01", null, null, null))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("to"));
	}

	@Test
	void queryOfExactlyTheLimitIsAccepted() {
		assertThat(parse("a".repeat(500), null, null, null, null, null, null, null, null).q()).hasSize(500);
	}

	private static SearchCriteria parseOne(String parameter, String value) {
		return switch (parameter) {
			case "q" -> parse("x".repeat(501), null, null, null, null, null, null, null, null);
			case "topic" -> parse(null, List.of(value), null, null, null, null, null, null, null);
			case "lang" -> parse(null, null, value, null, null, null, null, null, null);
			case "from" -> parse(null, null, null, null, value, null, null, null, null);
			case "to" -> parse(null, null, null, null, null, value, null, null, null);
			case "sort" -> parse(null, null, null, null, null, null, value, null, null);
			case "size" -> parse(null, null, null, null, null, null, null, value, null);
			case "cursor" -> parse(null, null, null, null, null, null, null, null, value);
			default -> throw new IllegalArgumentException(parameter);
		};
	}

	private static SearchCriteria parse(String q, List<String> topics, String lang, String source, String from,
			String to, String sort, String size, String cursor) {
		return SearchCriteria.parse(q, topics, lang, source, from, to, sort, size, cursor, TOPICS);
	}

}

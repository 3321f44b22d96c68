package dev.newsmon.search.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A checked search request.
 *
 * @param q the query in the simple syntax, or {@code null} for every article
 * @param topics topic ids; an article matches when it has any of them
 * @param language an ISO 639 language code, or {@code null}
 * @param source an outlet's name, or {@code null}
 * @param from the earliest publication time (inclusive), or {@code null}
 * @param to the latest publication time (exclusive), or {@code null}
 * @param sort the order of hits
 * @param size the page size
 * @param cursor where the page starts, or {@code null} for the first page
 */
public record SearchCriteria(String q, List<String> topics, String language, String source, Instant from, Instant to,
		SortOrder sort, int size, Cursor cursor) {

	static final int MAX_QUERY_LENGTH = 500;

	static final int DEFAULT_SIZE = 20;

	static final int MAX_SIZE = 100;

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

	/**
	 * Checks the raw parameters of {@code GET /api/search}.
	 * @param q the {@code q} parameter
	 * @param topics the {@code topic} parameters
	 * @param lang the {@code lang} parameter
	 * @param source the {@code source} parameter
	 * @param from the {@code from} parameter
	 * @param to the {@code to} parameter
	 * @param sort the {@code sort} parameter
	 * @param size the {@code size} parameter
	 * @param cursor the {@code cursor} parameter
	 * @param knownTopics the topic ids of the taxonomy
	 * @return the criteria
	 * @throws InvalidParameterException naming the first parameter that is wrong
	 */
	public static SearchCriteria parse(String q, List<String> topics, String lang, String source, String from,
			String to, String sort, String size, String cursor, Set<String> knownTopics) {
		String query = blankToNull(q);
		if (query != null && query.length() > MAX_QUERY_LENGTH) {
			throw new InvalidParameterException("q", "is longer than " + MAX_QUERY_LENGTH + " characters");
		}
		List<String> topicIds = (topics != null) ? topics.stream().filter((t) -> !t.isBlank()).distinct().toList()
				: List.of();
		for (String topic : topicIds) {
			if (!knownTopics.contains(topic)) {
				throw new InvalidParameterException("topic", "'" + topic + "' is not a topic id of the taxonomy");
			}
		}
		String language = blankToNull(lang);
		if (language != null && !LANGUAGE.matcher(language).matches()) {
			throw new InvalidParameterException("lang", "must be an ISO 639 language code such as en, ja or ko");
		}
		String sourceName = blankToNull(source);
		if (sourceName != null && sourceName.length() > 256) {
			throw new InvalidParameterException("source", "is longer than 256 characters");
		}
		Instant fromTime = parseTime("from", from, false);
		Instant toTime = parseTime("to", to, true);
		if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
			throw new InvalidParameterException("to", "must be after from");
		}
		SortOrder order = (blankToNull(sort) != null) ? SortOrder.fromParameter(sort) : SortOrder.RELEVANCE;
		int pageSize = parseSize(size);
		Cursor after = (blankToNull(cursor) != null) ? Cursor.decode(cursor, order) : null;
		return new SearchCriteria(query, topicIds, language, sourceName, fromTime, toTime, order, pageSize, after);
	}

	private static int parseSize(String size) {
		return parseSize(size, DEFAULT_SIZE, MAX_SIZE);
	}

	static int parseSize(String size, int defaultSize, int maxSize) {
		if (blankToNull(size) == null) {
			return defaultSize;
		}
		try {
			int value = Integer.parseInt(size.trim());
			if (value >= 1 && value <= maxSize) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new InvalidParameterException("size", "must be a whole number from 1 to " + maxSize);
	}

	/**
	 * Reads a date ({@code 2026-11-27}, a whole UTC day) or a date-time with an offset
	 * ({@code 2026-11-27T09:00:00Z}). A date in {@code to} includes that whole day.
	 */
	private static Instant parseTime(String parameter, String value, boolean endOfDay) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		try {
			if (text.length() == 10) {
				LocalDate date = LocalDate.parse(text);
				return (endOfDay ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
			}
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidParameterException(parameter,
					"must be a date (2026-11-27) or a date-time with offset (2026-11-27T09:00:00Z)");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}

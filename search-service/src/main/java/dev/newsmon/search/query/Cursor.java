package dev.newsmon.search.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the next page starts: the sort values of the last hit of the previous page, for
 * {@code search_after}. Opaque to clients: base64url of a small JSON object, so its shape
 * may change without changing the API.
 *
 * @param sort the sort order the values belong to
 * @param values the sort values: score, publication time in epoch milliseconds and
 * article id for relevance; publication time and article id for newest
 * @param pit the id of the Elasticsearch point in time that the following pages read, so
 * that articles indexed meanwhile neither shift nor repeat hits; {@code null} without one
 * @param origin the time, in epoch milliseconds, that the recency boost of the first page
 * was computed from, so that scores and {@code search_after} agree on every page;
 * {@code null} without one
 */
record Cursor(SortOrder sort, List<Object> values, String pit, Long origin) {

	private static final JsonMapper json = JsonMapper.builder().build();

	// Elasticsearch's PIT ids are a few hundred characters per shard
	private static final int MAX_PIT_LENGTH = 4096;

	Cursor(SortOrder sort, List<Object> values) {
		this(sort, values, null, null);
	}

	String encode() {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("s", this.sort.parameterValue());
		object.put("v", this.values);
		if (this.pit != null) {
			object.put("p", this.pit);
		}
		if (this.origin != null) {
			object.put("t", this.origin);
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(object));
	}

	/**
	 * Reads a cursor that an earlier response returned.
	 * @param text the cursor parameter
	 * @param sort the sort order of this request: a cursor of another order is refused
	 * @return the cursor
	 * @throws InvalidParameterException when the text is not such a cursor
	 */
	static Cursor decode(String text, SortOrder sort) {
		JsonNode node;
		try {
			node = json.readTree(Base64.getUrlDecoder().decode(text.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw invalid("is not a cursor returned by this API");
		}
		if (node == null || !node.isObject() || !node.path("s").isString() || !node.path("v").isArray()) {
			throw invalid("is not a cursor returned by this API");
		}
		if (!sort.parameterValue().equals(node.path("s").asString())) {
			throw invalid("belongs to sort=" + node.path("s").asString() + ", not sort=" + sort.parameterValue());
		}
		JsonNode values = node.path("v");
		int expected = (sort == SortOrder.RELEVANCE) ? 3 : 2;
		if (values.size() != expected) {
			throw invalid("is not a cursor returned by this API");
		}
		List<Object> parsed = new ArrayList<>();
		int i = 0;
		if (sort == SortOrder.RELEVANCE) {
			if (!values.get(i).isNumber()) {
				throw invalid("is not a cursor returned by this API");
			}
			parsed.add(values.get(i++).asDouble());
		}
		if (!values.get(i).isIntegralNumber() || !values.get(i + 1).isString()) {
			throw invalid("is not a cursor returned by this API");
		}
		parsed.add(values.get(i).asLong());
		parsed.add(values.get(i + 1).asString());
		JsonNode pit = node.path("p");
		if (!pit.isMissingNode()
				&& (!pit.isString() || pit.asString().isEmpty() || pit.asString().length() > MAX_PIT_LENGTH)) {
			throw invalid("is not a cursor returned by this API");
		}
		JsonNode origin = node.path("t");
		if (!origin.isMissingNode() && !origin.isIntegralNumber()) {
			throw invalid("is not a cursor returned by this API");
		}
		return new Cursor(sort, List.copyOf(parsed), pit.isMissingNode() ? null : pit.asString(),
				origin.isMissingNode() ? null : origin.asLong());
	}

	private static InvalidParameterException invalid(String reason) {
		return new InvalidParameterException("cursor", reason);
	}

}

package dev.newsmon.search.query;

import java.util.Locale;

/**
 * How search hits are ordered.
 */
enum SortOrder {

	/** Best match first, gently boosted towards recent articles. */
	RELEVANCE,

	/** Most recently published first. */
	NEWEST;

	String parameterValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	static SortOrder fromParameter(String value) {
		for (SortOrder order : values()) {
			if (order.parameterValue().equals(value)) {
				return order;
			}
		}
		throw new InvalidParameterException("sort", "must be 'relevance' or 'newest'");
	}

}

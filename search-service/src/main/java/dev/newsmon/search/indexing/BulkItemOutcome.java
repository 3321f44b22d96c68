package dev.newsmon.search.indexing;

/**
 * What a bulk item's response means for its record, classified as
 * kafka-connect-elasticsearch does.
 */
enum BulkItemOutcome {

	/** Written. */
	INDEXED,

	/** A newer version is already stored: a replay or an out-of-order record, ignored. */
	STALE,

	/** The document can never be written as it is: dead letter. */
	MALFORMED,

	/** Elasticsearch could not take it now (overload, shard trouble): retry the batch. */
	RETRY;

	/**
	 * Classifies one item of a bulk response.
	 * @param status the item's HTTP status
	 * @param errorType the type of its error, or {@code null} when it has none
	 * @return the outcome
	 */
	static BulkItemOutcome of(int status, String errorType) {
		if (errorType == null && status >= 200 && status < 300) {
			return INDEXED;
		}
		if (status == 409 || "version_conflict_engine_exception".equals(errorType)) {
			return STALE;
		}
		if (errorType != null && isMalformed(errorType)) {
			return MALFORMED;
		}
		if (status == 400) {
			return MALFORMED;
		}
		// 429 rejected under load, 5xx, and the cluster's own trouble (a missing index, a
		// read-only block) say nothing about the document: retrying never skips it
		return RETRY;
	}

	private static boolean isMalformed(String errorType) {
		return switch (errorType) {
			case "mapper_parsing_exception", "document_parsing_exception", "strict_dynamic_mapping_exception",
					"illegal_argument_exception", "action_request_validation_exception" ->
				true;
			default -> false;
		};
	}

}

package dev.newsmon.search.indexing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BulkItemOutcomeTests {

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(nullValues = "none",
			value = { "201, none, INDEXED", "200, none, INDEXED", "409, version_conflict_engine_exception, STALE",
					"400, mapper_parsing_exception, MALFORMED", "400, document_parsing_exception, MALFORMED",
					"400, strict_dynamic_mapping_exception, MALFORMED", "400, illegal_argument_exception, MALFORMED",
					"400, some_new_exception, MALFORMED", "429, es_rejected_execution_exception, RETRY",
					"503, unavailable_shards_exception, RETRY", "500, internal_server_error, RETRY",
					"404, index_not_found_exception, RETRY", "403, cluster_block_exception, RETRY" })
	void classifiesLikeKafkaConnectElasticsearch(int status, String errorType, BulkItemOutcome expected) {
		assertThat(BulkItemOutcome.of(status, errorType)).isEqualTo(expected);
	}

}

package dev.newsmon.search.timeline;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import dev.newsmon.search.cjk.CjkTokenizer;
import dev.newsmon.search.indexing.IndexProperties;
import dev.newsmon.search.query.SearchCriteria;
import dev.newsmon.search.query.SearchRequests;

import org.springframework.stereotype.Component;

/**
 * Counts articles per topic with aggregations over the articles alias; no hit is fetched.
 */
@Component
class TopicVolumes {

	// the taxonomy has 16 topics; room for a few more
	private static final int MAX_TOPICS = 32;

	private static final String TIMEOUT = "5s";

	private final ElasticsearchClient client;

	private final String alias;

	private final CjkTokenizer tokenizer;

	TopicVolumes(ElasticsearchClient client, IndexProperties index, CjkTokenizer tokenizer) {
		this.client = client;
		this.alias = index.alias();
		this.tokenizer = tokenizer;
	}

	/**
	 * Daily counts per topic of the articles that match the criteria.
	 * @param criteria the query, topics, language and range, as for a search
	 * @param topicCount how many topics to count when the criteria name none: the busiest
	 * @return the counts per topic and UTC day
	 */
	Map<String, Map<LocalDate, Long>> daily(SearchCriteria criteria, int topicCount) {
		Query query = SearchRequests.matching(criteria, this.tokenizer);
		List<String> topics = criteria.topics();
		SearchResponse<Void> response = dailySearch(query, (topics.isEmpty() ? topicCount : topics.size()), topics);
		Map<String, Map<LocalDate, Long>> counts = new HashMap<>();
		for (StringTermsBucket bucket : response.aggregations().get("topics").sterms().buckets().array()) {
			Map<LocalDate, Long> perDay = new HashMap<>();
			for (var day : bucket.aggregations().get("days").dateHistogram().buckets().array()) {
				perDay.put(LocalDate.parse(day.keyAsString()), day.docCount());
			}
			counts.put(bucket.key().stringValue(), perDay);
		}
		return counts;
	}

	/**
	 * Every topic's count in the 24 hours before {@code asOf} and in the baseline days
	 * before those.
	 * @param asOf the end of the last 24 hours
	 * @param baselineDays the length of the baseline
	 * @return the counts of every topic that has an article in either window
	 */
	List<RisingTopics.Counts> recent(Instant asOf, int baselineDays) {
		Instant dayAgo = asOf.minusSeconds(24 * 3600);
		Instant baselineStart = dayAgo.minusSeconds(baselineDays * 24L * 3600);
		Query query = Query.of((q) -> q.bool((bool) -> bool.filter((filter) -> filter.range((range) -> range
			.date((date) -> date.field("publishedAt").gte(baselineStart.toString()).lt(asOf.toString()))))));
		SearchResponse<Void> response;
		try {
			response = this.client.search(
					(search) -> search.index(this.alias)
						.size(0)
						.timeout(TIMEOUT)
						.query(query)
						.aggregations("topics",
								(agg) -> agg.terms((terms) -> terms.field("topics.id").size(MAX_TOPICS))
									.aggregations("last24h",
											(recent) -> recent.filter((filter) -> filter.range((range) -> range
												.date((date) -> date.field("publishedAt").gte(dayAgo.toString())))))),
					Void.class);
		}
		catch (IOException | ElasticsearchException ex) {
			throw new TimelineUnavailableException(ex);
		}
		List<RisingTopics.Counts> counts = new ArrayList<>();
		for (StringTermsBucket bucket : response.aggregations().get("topics").sterms().buckets().array()) {
			long last24h = bucket.aggregations().get("last24h").filter().docCount();
			counts.add(new RisingTopics.Counts(bucket.key().stringValue(), last24h, bucket.docCount() - last24h));
		}
		return counts;
	}

	private SearchResponse<Void> dailySearch(Query query, int size, List<String> include) {
		try {
			return this.client.search((search) -> search.index(this.alias)
				.size(0)
				.timeout(TIMEOUT)
				.query(query)
				.aggregations("topics", (agg) -> agg.terms((terms) -> {
					terms.field("topics.id").size(size);
					if (!include.isEmpty()) {
						terms.include((only) -> only.terms(include));
					}
					return terms;
				})
					.aggregations("days",
							(days) -> days.dateHistogram((histogram) -> histogram.field("publishedAt")
								.calendarInterval(CalendarInterval.Day)
								.format("yyyy-MM-dd")
								.minDocCount(1)))),
					Void.class);
		}
		catch (IOException | ElasticsearchException ex) {
			throw new TimelineUnavailableException(ex);
		}
	}

}

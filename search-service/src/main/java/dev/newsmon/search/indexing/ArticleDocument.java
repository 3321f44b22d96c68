package dev.newsmon.search.indexing;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An article as stored in Elasticsearch, field for field as in
 * {@code elasticsearch/news-articles-v<N>.json}.
 *
 * @param articleId the article id, also the document's {@code _id}
 * @param url the canonical URL
 * @param feedId the feed it came from
 * @param source the outlet's name
 * @param title the title
 * @param summary the summary, possibly empty
 * @param body the full text, possibly empty
 * @param textCjk the Japanese or Korean words of title, summary and body, segmented in
 * the JVM and separated by spaces; empty for other languages
 * @param author the author, or {@code null}
 * @param categories the feed's categories
 * @param language the detected language
 * @param topics the topics with their scores and evidence
 * @param entities the named entities
 * @param clusterId the story cluster
 * @param simhash the SimHash of the text
 * @param publishedAt when it was published
 * @param fetchedAt when it was fetched
 * @param analyzedAt when it was analysed: the document's external version
 * @param indexedAt when it was written to Elasticsearch
 */
public record ArticleDocument(String articleId, String url, String feedId, String source, String title, String summary,
		String body, @JsonProperty("text_cjk") String textCjk, String author, List<String> categories, String language,
		List<Topic> topics, List<Entity> entities, String clusterId, long simhash, Instant publishedAt,
		Instant fetchedAt, Instant analyzedAt, Instant indexedAt) {

	/**
	 * A topic of the taxonomy, how strongly the article is about it and why.
	 *
	 * @param id the topic id
	 * @param score the score in [0, 1]
	 * @param evidence the matches that gave the topic, title first; empty for documents
	 * written before evidence was kept, and then left out of the JSON. Stored, not
	 * indexed (ADR 0013).
	 */
	public record Topic(String id, double score, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Evidence> evidence) {

		public Topic {
			evidence = (evidence != null) ? List.copyOf(evidence) : List.of();
		}

		/**
		 * A topic without evidence.
		 * @param id the topic id
		 * @param score the score in [0, 1]
		 */
		public Topic(String id, double score) {
			this(id, score, List.of());
		}

	}

	/**
	 * A term of the topic's rule that matched, and where.
	 *
	 * @param field {@code title}, {@code summary} or {@code body}
	 * @param term the rule term that matched
	 * @param text the text that matched it, as written in the article (feed text:
	 * untrusted)
	 * @param start the offset of the first character of the match in the field
	 * @param end the offset after the last character of the match in the field
	 */
	public record Evidence(String field, String term, String text, int start, int end) {

	}

	/**
	 * A named entity.
	 *
	 * @param id its canonical id
	 * @param type {@code country}, {@code organization} or {@code person}
	 * @param name its English name
	 */
	public record Entity(String id, String type, String name) {

	}

}

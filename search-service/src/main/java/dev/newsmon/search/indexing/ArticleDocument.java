package dev.newsmon.search.indexing;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An article as stored in Elasticsearch, field for field as in
 * {@code elasticsearch/news-articles-v1.json}.
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
 * @param topics the topics with their scores
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
	 * A topic of the taxonomy and how strongly the article is about it.
	 *
	 * @param id the topic id
	 * @param score the score in [0, 1]
	 */
	public record Topic(String id, double score) {

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

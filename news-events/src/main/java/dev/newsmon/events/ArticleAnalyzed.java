package dev.newsmon.events;

import java.time.Instant;
import java.util.List;

/**
 * An article was analysed: its language detected, its topics tagged with evidence, its
 * entities found and its story cluster chosen. Published by analysis-service on
 * {@link Topics#ARTICLES_ANALYZED}, keyed by {@code articleId}.
 *
 * @param schemaVersion the version of this record's shape, {@link #SCHEMA_VERSION} when
 * written
 * @param article the fetched article, as ingest-service published it
 * @param language the detected language (ISO 639-1, such as {@code en}, {@code ja},
 * {@code ko}), or {@code und} when unknown
 * @param topics the topics of the taxonomy the article is about, best first
 * @param entities the countries, organisations and people the article names
 * @param simhash a 64-bit SimHash of the text, for near-duplicate detection
 * @param clusterId the id of the story the article belongs to
 * @param analyzedAt when analysis-service analysed it
 */
public record ArticleAnalyzed(int schemaVersion, ArticleFetched article, String language, List<TopicTag> topics,
		List<Entity> entities, long simhash, String clusterId, Instant analyzedAt) {

	/** The schema version that this code writes. */
	public static final int SCHEMA_VERSION = 1;

	/**
	 * A topic of the taxonomy, with why the article got it.
	 *
	 * @param id the topic id of the taxonomy, such as {@code north-korea}
	 * @param score how strongly the article is about the topic, in [0, 1]
	 * @param evidence the terms that triggered the tag
	 */
	public record TopicTag(String id, double score, List<Evidence> evidence) {

	}

	/**
	 * A matched term and where it stands.
	 *
	 * @param field {@code title}, {@code summary} or {@code body}
	 * @param term the rule term that matched
	 * @param text the text that matched it, as written in the article
	 * @param start the offset of the first character of the match in the field
	 * @param end the offset after the last character of the match in the field
	 */
	public record Evidence(String field, String term, String text, int start, int end) {

	}

	/**
	 * A named entity with a canonical id, the same in every language.
	 *
	 * @param id a canonical id, a Wikidata Q-id where one exists
	 * @param type {@code country}, {@code organization} or {@code person}
	 * @param name the canonical English name
	 */
	public record Entity(String id, String type, String name) {

	}

}

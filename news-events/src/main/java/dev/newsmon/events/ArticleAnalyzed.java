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
 * @param cjkWords the Japanese and Korean words of the text as analysis-service segmented
 * them, so that search-service need not segment the text again; {@code null} when the
 * writer did not say (records written before the field existed), and a reader that does
 * not know the {@link CjkWords#segmenter() segmenter} segments the text itself
 */
public record ArticleAnalyzed(int schemaVersion, ArticleFetched article, String language, List<TopicTag> topics,
		List<Entity> entities, long simhash, String clusterId, Instant analyzedAt, CjkWords cjkWords) {

	/**
	 * The schema version that this code writes. Version 1 gained the optional
	 * {@code cjkWords}; readers of version 1 ignore fields they do not know.
	 */
	public static final int SCHEMA_VERSION = 1;

	/**
	 * A record without segmented words.
	 * @param schemaVersion the version of the record's shape
	 * @param article the fetched article
	 * @param language the detected language
	 * @param topics the topics
	 * @param entities the entities
	 * @param simhash the SimHash of the text
	 * @param clusterId the story
	 * @param analyzedAt when it was analysed
	 */
	public ArticleAnalyzed(int schemaVersion, ArticleFetched article, String language, List<TopicTag> topics,
			List<Entity> entities, long simhash, String clusterId, Instant analyzedAt) {
		this(schemaVersion, article, language, topics, entities, simhash, clusterId, analyzedAt, null);
	}

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

	/**
	 * The words of the title, summary and body of an article in the order they are
	 * written, lower-cased and joined by single spaces, as one segmenter splits them.
	 * <p>
	 * Segmenter {@value #SEGMENTER} means: a section is split by Lucene's
	 * {@code JapaneseAnalyzer} (kuromoji, search mode, its default stop words and stop
	 * tags, parts only: a compound that spans its parts is left out) or by its
	 * {@code KoreanAnalyzer} (nori, compounds discarded, the default stop tags except
	 * determiners {@code MM} and prefixes {@code XPN}, the user dictionary
	 * {@code dev/newsmon/events/nori-user-dictionary.txt} of this module). A section
	 * written in the article's language ({@code ja}: Han or kana; {@code ko}: Hangul)
	 * goes to that language's analyser; any other section goes to nori if it has Hangul,
	 * to kuromoji if it has Han or kana, and has no words otherwise. The summary has no
	 * words when the body contains it. The examples in
	 * {@code dev/newsmon/events/cjk-words.jsonl} of this module are part of the contract.
	 *
	 * @param segmenter the segmenter's name and version, {@value #SEGMENTER} when written
	 * by this code
	 * @param title the words of the title, possibly empty
	 * @param summary the words of the summary, possibly empty
	 * @param body the words of the body, possibly empty
	 */
	public record CjkWords(String segmenter, String title, String summary, String body) {

		/** The segmenter described above. */
		public static final String SEGMENTER = "lucene-kuromoji-nori/1";

	}

}

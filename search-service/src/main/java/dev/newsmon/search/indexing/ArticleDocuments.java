package dev.newsmon.search.indexing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.ArticleFetched;
import dev.newsmon.search.cjk.CjkTokenizer;

/**
 * Turns an {@link ArticleAnalyzed} record into the document stored in Elasticsearch, or
 * says why it cannot be stored.
 */
class ArticleDocuments {

	// Elasticsearch refuses ids longer than 512 bytes for the whole bulk request
	private static final int MAX_ID_BYTES = 512;

	// evidence is shown, never searched: a few matches per topic tell an analyst why, and
	// the caps keep one article's document small whatever the tagger or the feed sends
	static final int MAX_EVIDENCE_PER_TOPIC = 10;

	static final int MAX_EVIDENCE_TEXT = 200;

	static final int MAX_EVIDENCE_FIELD = 32;

	// the words of a text are never much longer than the text (a space per word, base
	// forms
	// a little longer than inflected ones): words far longer than that did not come from
	// it, and are segmented here instead of stored
	static final int MAX_WORDS_PER_CHAR = 3;

	static final int MAX_WORDS_SLACK = 64;

	private final CjkTokenizer tokenizer;

	ArticleDocuments(CjkTokenizer tokenizer) {
		this.tokenizer = tokenizer;
	}

	/**
	 * Converts the record.
	 * @param analyzed the record
	 * @param indexedAt the time of writing
	 * @return the document
	 * @throws IllegalArgumentException when the record lacks what a document needs
	 */
	ArticleDocument toDocument(ArticleAnalyzed analyzed, Instant indexedAt) {
		String problem = problem(analyzed);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		ArticleFetched article = analyzed.article();
		List<ArticleDocument.Topic> topics = (analyzed.topics() != null) ? analyzed.topics()
			.stream()
			.filter(Objects::nonNull)
			.map((topic) -> new ArticleDocument.Topic(topic.id(), topic.score(), evidence(topic.evidence())))
			.toList() : List.of();
		List<ArticleDocument.Entity> entities = (analyzed.entities() != null) ? analyzed.entities()
			.stream()
			.filter(Objects::nonNull)
			.map((entity) -> new ArticleDocument.Entity(entity.id(), entity.type(), entity.name()))
			.toList() : List.of();
		return new ArticleDocument(article.articleId(), article.url(), article.feedId(), article.source(),
				article.title(), emptyIfNull(article.summary()), emptyIfNull(article.body()), cjkText(analyzed),
				article.author(), (article.categories() != null) ? article.categories() : List.of(),
				analyzed.language(), topics, entities, analyzed.clusterId(), analyzed.simhash(),
				(article.publishedAt() != null) ? article.publishedAt() : article.fetchedAt(), article.fetchedAt(),
				analyzed.analyzedAt(), indexedAt);
	}

	/**
	 * The version that Elasticsearch compares, so that an older analysis never replaces a
	 * newer one.
	 * @param analyzed the record
	 * @return the analysis time in epoch milliseconds
	 */
	static long version(ArticleAnalyzed analyzed) {
		return analyzed.analyzedAt().toEpochMilli();
	}

	static String problem(ArticleAnalyzed analyzed) {
		if (analyzed.article() == null) {
			return "the record has no article";
		}
		String id = analyzed.article().articleId();
		if (id == null || id.isBlank()) {
			return "the article has no articleId";
		}
		if (id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
			return "the articleId is longer than " + MAX_ID_BYTES + " bytes";
		}
		if (analyzed.analyzedAt() == null) {
			return "the record has no analyzedAt, which versions the document";
		}
		if (analyzed.article().title() == null) {
			return "the article has no title";
		}
		if (analyzed.article().publishedAt() == null && analyzed.article().fetchedAt() == null) {
			return "the article has neither publishedAt nor fetchedAt";
		}
		return null;
	}

	private static List<ArticleDocument.Evidence> evidence(List<ArticleAnalyzed.Evidence> evidence) {
		if (evidence == null) {
			return List.of();
		}
		return evidence.stream()
			.filter(Objects::nonNull)
			.limit(MAX_EVIDENCE_PER_TOPIC)
			.map((match) -> new ArticleDocument.Evidence(capped(match.field(), MAX_EVIDENCE_FIELD),
					capped(match.term(), MAX_EVIDENCE_TEXT), capped(match.text(), MAX_EVIDENCE_TEXT), match.start(),
					match.end()))
			.toList();
	}

	/** At most {@code max} characters, never splitting a surrogate pair. */
	static String capped(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
		return text.substring(0, end) + "\u2026";
	}

	/**
	 * The CJK words of the article: those analysis-service sent when it segmented them as
	 * this service would, else segmented here.
	 */
	private String cjkText(ArticleAnalyzed analyzed) {
		ArticleAnalyzed.CjkWords words = analyzed.cjkWords();
		ArticleFetched article = analyzed.article();
		if (words == null || !ArticleAnalyzed.CjkWords.SEGMENTER.equals(words.segmenter())
				|| length(words.title(), words.summary(), words.body()) > MAX_WORDS_PER_CHAR
						* length(article.title(), article.summary(), article.body()) + MAX_WORDS_SLACK) {
			words = this.tokenizer.words(article.title(), article.summary(), article.body(), analyzed.language());
		}
		StringJoiner text = new StringJoiner(" ");
		for (String section : new String[] { words.title(), words.summary(), words.body() }) {
			if (section != null && !section.isBlank()) {
				text.add(section.strip());
			}
		}
		return text.toString();
	}

	private static long length(String... texts) {
		long length = 0;
		for (String text : texts) {
			length += (text != null) ? text.length() : 0;
		}
		return length;
	}

	private static String emptyIfNull(String text) {
		return (text != null) ? text : "";
	}

}

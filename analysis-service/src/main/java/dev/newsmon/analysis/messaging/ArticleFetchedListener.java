package dev.newsmon.analysis.messaging;

import dev.newsmon.analysis.analyze.ArticleAnalyzer;
import dev.newsmon.events.ArticleFetched;
import dev.newsmon.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Analyses each {@link ArticleFetched} record and publishes the result. A record of an
 * unknown schema version or without an article id is rejected to the dead-letter topic;
 * records that are not JSON never reach this listener (see {@link DeadLetters}).
 */
@Component
class ArticleFetchedListener {

	private final ArticleAnalyzer analyzer;

	private final ArticleAnalyzedPublisher publisher;

	ArticleFetchedListener(ArticleAnalyzer analyzer, ArticleAnalyzedPublisher publisher) {
		this.analyzer = analyzer;
		this.publisher = publisher;
	}

	@KafkaListener(id = "analysis-articles-fetched", groupId = "analysis-service", topics = Topics.ARTICLES_FETCHED)
	void onArticleFetched(ArticleFetched article) {
		if (article.schemaVersion() != ArticleFetched.SCHEMA_VERSION) {
			throw new RejectedArticleException("unknown schemaVersion " + article.schemaVersion()
					+ " (this service reads " + ArticleFetched.SCHEMA_VERSION + ")");
		}
		if (article.articleId() == null || article.articleId().isBlank()) {
			throw new RejectedArticleException("the record has no articleId");
		}
		this.publisher.publish(this.analyzer.analyze(article));
	}

}

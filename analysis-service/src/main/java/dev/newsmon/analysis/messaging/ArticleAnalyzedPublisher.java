package dev.newsmon.analysis.messaging;

import java.util.concurrent.CompletableFuture;

import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.Topics;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link ArticleAnalyzed} records on {@link Topics#ARTICLES_ANALYZED}, keyed by
 * article id. Sending does not wait: the caller collects the acknowledgements of a whole
 * batch and waits for them before the batch's offsets are committed.
 */
@Component
class ArticleAnalyzedPublisher {

	private final KafkaTemplate<String, Object> kafkaTemplate;

	ArticleAnalyzedPublisher(KafkaTemplate<String, Object> kafkaTemplate) {
		this.kafkaTemplate = kafkaTemplate;
	}

	/**
	 * Sends an analysis.
	 * @param analyzed the analysis
	 * @return completes when the broker acknowledged the record, or fails
	 */
	CompletableFuture<?> publish(ArticleAnalyzed analyzed) {
		return this.kafkaTemplate.send(Topics.ARTICLES_ANALYZED, analyzed.article().articleId(), analyzed);
	}

}

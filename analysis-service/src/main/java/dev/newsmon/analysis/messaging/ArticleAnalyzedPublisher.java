package dev.newsmon.analysis.messaging;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.Topics;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link ArticleAnalyzed} records on {@link Topics#ARTICLES_ANALYZED}, keyed by
 * article id, and waits for the broker's acknowledgement, so the consumed offset is
 * committed only after the analysis is safely written.
 */
@Component
class ArticleAnalyzedPublisher {

	private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(30);

	private final KafkaTemplate<String, Object> kafkaTemplate;

	ArticleAnalyzedPublisher(KafkaTemplate<String, Object> kafkaTemplate) {
		this.kafkaTemplate = kafkaTemplate;
	}

	void publish(ArticleAnalyzed analyzed) {
		String key = analyzed.article().articleId();
		try {
			this.kafkaTemplate.send(Topics.ARTICLES_ANALYZED, key, analyzed)
				.get(ACKNOWLEDGEMENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PublishFailedException("Interrupted while publishing article " + key, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new PublishFailedException("Article " + key + " was not acknowledged", ex);
		}
	}

}

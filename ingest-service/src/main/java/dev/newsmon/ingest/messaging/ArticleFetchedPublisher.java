package dev.newsmon.ingest.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.newsmon.events.ArticleFetched;
import dev.newsmon.events.Topics;
import dev.newsmon.ingest.polling.ArticleSink;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link ArticleFetched} on {@link Topics#ARTICLES_FETCHED}, keyed by article
 * id, and waits for the broker's acknowledgement (acks=all, idempotent producer), so that
 * an article counts as seen only once it is safely in Kafka.
 */
@Component
class ArticleFetchedPublisher implements ArticleSink {

	private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

	private final KafkaTemplate<String, ArticleFetched> kafkaTemplate;

	ArticleFetchedPublisher(KafkaTemplate<String, ArticleFetched> kafkaTemplate) {
		this.kafkaTemplate = kafkaTemplate;
	}

	@Override
	public void publish(List<ArticleFetched> articles) {
		List<CompletableFuture<SendResult<String, ArticleFetched>>> sends = new ArrayList<>(articles.size());
		try {
			for (ArticleFetched article : articles) {
				sends.add(this.kafkaTemplate.send(Topics.ARTICLES_FETCHED, article.articleId(), article));
			}
			CompletableFuture.allOf(sends.toArray(new CompletableFuture<?>[0]))
				.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PublishFailedException("interrupted while publishing " + articles.size() + " articles", ex);
		}
		catch (ExecutionException ex) {
			throw new PublishFailedException("Kafka refused the articles: " + ex.getCause().getMessage(), ex);
		}
		catch (TimeoutException ex) {
			throw new PublishFailedException("Kafka did not acknowledge " + articles.size() + " articles within "
					+ ACK_TIMEOUT.toSeconds() + " s", ex);
		}
		catch (RuntimeException ex) {
			throw new PublishFailedException("cannot publish: " + ex.getMessage(), ex);
		}
	}

}

package dev.newsmon.analysis.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.newsmon.analysis.analyze.ArticleAnalyzer;
import dev.newsmon.events.ArticleFetched;
import dev.newsmon.events.Topics;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Analyses the {@link ArticleFetched} records of a poll and publishes the results. The
 * publishes of a batch are sent without waiting and their acknowledgements awaited
 * together before the listener returns, so analysing the next article overlaps the
 * broker's round trip for the last one, and offsets are still committed only after every
 * analysis they cover was acknowledged.
 * <p>
 * A record that fails is named to the error handler with a
 * {@link BatchListenerFailedException}: the offsets before it are committed (their
 * publishes acknowledged first), the record itself is retried with backoff or, when it
 * can never be analysed (not JSON, unknown schema version, no article id), dead-lettered
 * at once, and the records after it are read again. A publish that failed part way
 * through a batch may therefore be repeated for the records behind it; the search
 * service's versioned, idempotent indexing makes that harmless.
 * <p>
 * Spring Kafka observes only record listeners, so each record gets its own observation
 * here: it continues the trace of the record's {@code traceparent} header, and the
 * publish inside it carries that trace on to the analysed record.
 */
@Component
class ArticleFetchedListener {

	// the longest wait for the acknowledgements of one batch; the producer's own delivery
	// timeout (two minutes by default) fails a send before this only when it is lowered
	private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(30);

	private final ArticleAnalyzer analyzer;

	private final ArticleAnalyzedPublisher publisher;

	private final ObservationRegistry observations;

	ArticleFetchedListener(ArticleAnalyzer analyzer, ArticleAnalyzedPublisher publisher,
			ObjectProvider<ObservationRegistry> observations) {
		this.analyzer = analyzer;
		this.publisher = publisher;
		this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
	}

	@KafkaListener(id = "analysis-articles-fetched", groupId = "analysis-service", topics = Topics.ARTICLES_FETCHED,
			batch = "true")
	void onArticlesFetched(List<ConsumerRecord<String, ArticleFetched>> records) {
		List<CompletableFuture<?>> sent = new ArrayList<>(records.size());
		for (ConsumerRecord<String, ArticleFetched> record : records) {
			try {
				sent.add(observation(record)
					.observe(() -> this.publisher.publish(this.analyzer.analyze(readable(record)))));
			}
			catch (RuntimeException ex) {
				awaitAcknowledged(records, sent);
				throw new BatchListenerFailedException(ex.getMessage(), ex, record);
			}
		}
		awaitAcknowledged(records, sent);
	}

	private Observation observation(ConsumerRecord<String, ArticleFetched> record) {
		ReceiverContext<ConsumerRecord<?, ?>> context = new ReceiverContext<>((carrier, key) -> {
			Header header = carrier.headers().lastHeader(key);
			return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8)
					: null;
		});
		context.setCarrier(record);
		context.setRemoteServiceName("kafka");
		return Observation.createNotStarted("newsmon.analysis", () -> context, this.observations)
			.contextualName(record.topic() + " analyse")
			.lowCardinalityKeyValue("messaging.destination.name", record.topic());
	}

	private static ArticleFetched readable(ConsumerRecord<String, ArticleFetched> record) {
		ArticleFetched article = record.value();
		if (article == null) {
			// the deserializer failed: the dead-letter recoverer publishes the original
			// bytes
			// and the deserializer's reason from the record's headers
			throw new RejectedArticleException("the record is not a readable ArticleFetched");
		}
		if (article.schemaVersion() != ArticleFetched.SCHEMA_VERSION) {
			throw new RejectedArticleException("unknown schemaVersion " + article.schemaVersion()
					+ " (this service reads " + ArticleFetched.SCHEMA_VERSION + ")");
		}
		if (article.articleId() == null || article.articleId().isBlank()) {
			throw new RejectedArticleException("the record has no articleId");
		}
		return article;
	}

	/**
	 * Waits for the acknowledgements of the first {@code sent.size()} records, in order.
	 * @throws BatchListenerFailedException naming the first record whose publish failed
	 */
	private static void awaitAcknowledged(List<ConsumerRecord<String, ArticleFetched>> records,
			List<CompletableFuture<?>> sent) {
		long deadline = System.nanoTime() + ACKNOWLEDGEMENT_TIMEOUT.toNanos();
		for (int i = 0; i < sent.size(); i++) {
			ConsumerRecord<String, ArticleFetched> record = records.get(i);
			try {
				sent.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw failed(record,
						new PublishFailedException("Interrupted while publishing article " + record.key(), ex));
			}
			catch (ExecutionException | TimeoutException ex) {
				throw failed(record,
						new PublishFailedException("Article " + record.key() + " was not acknowledged", ex));
			}
		}
	}

	private static BatchListenerFailedException failed(ConsumerRecord<?, ?> record, RuntimeException cause) {
		return new BatchListenerFailedException(cause.getMessage(), cause, record);
	}

}

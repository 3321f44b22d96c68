package dev.newsmon.search.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.Topics;
import dev.newsmon.search.alert.ArticleAlerts;
import dev.newsmon.search.indexing.ArticleDocument;
import dev.newsmon.search.indexing.ArticleIndexer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Indexes batches of {@link ArticleAnalyzed} records. Readable records go to the indexer,
 * and the stored articles to alert matching; records that cannot be read or indexed go to
 * the dead-letter topic. Returning normally lets the container commit the batch's
 * offsets, so they are committed only after Elasticsearch acknowledged the batch.
 * <p>
 * The trace of each record (its W3C {@code traceparent} header, set since the fetch)
 * continues here: a child span per stored article covers its alert matching and
 * submitting, and its alerts carry that span's context to their receivers.
 */
@Component
class ArticleAnalyzedListener {

	private static final LogAccessor logger = new LogAccessor(LogFactory.getLog(ArticleAnalyzedListener.class));

	private static final Propagator.Getter<ConsumerRecord<?, ?>> HEADERS = (record, key) -> {
		Header header = record.headers().lastHeader(key);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	};

	private final ArticleIndexer indexer;

	private final DeadLetterPublishingRecoverer deadLetters;

	private final ArticleAlerts alerts;

	private final Propagator propagator;

	ArticleAnalyzedListener(ArticleIndexer indexer, DeadLetterPublishingRecoverer deadLetters, ArticleAlerts alerts,
			ObjectProvider<Propagator> propagator) {
		this.indexer = indexer;
		this.deadLetters = deadLetters;
		this.alerts = alerts;
		this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
	}

	// the group is spring.kafka.consumer.group-id, not the listener id
	// the topic is configurable only so that a benchmark can feed its own
	@KafkaListener(id = "search-articles-analyzed", idIsGroup = false,
			topics = "${newsmon.search.messaging.topic:" + Topics.ARTICLES_ANALYZED + "}", batch = "true")
	void onArticlesAnalyzed(List<ConsumerRecord<String, ArticleAnalyzed>> records) {
		List<ConsumerRecord<String, ArticleAnalyzed>> readable = new ArrayList<>(records.size());
		List<ConsumerRecord<String, ArticleAnalyzed>> unreadable = new ArrayList<>();
		for (ConsumerRecord<String, ArticleAnalyzed> record : records) {
			((record.value() != null) ? readable : unreadable).add(record);
		}
		ArticleIndexer.Batch batch = this.indexer.indexBatch(readable.stream().map(ConsumerRecord::value).toList());
		List<ArticleIndexer.Rejection> rejections = batch.rejections();
		// alerts are logged before the offsets are committed: a crash here replays the
		// batch, and the delivery log keeps the replay from alerting twice
		matchTraced(readable, batch.stored());
		// dead letters only once the batch is indexed: a retried batch does not send them
		// twice
		for (ConsumerRecord<String, ArticleAnalyzed> record : unreadable) {
			this.deadLetters.accept(record, unreadableReason(record));
		}
		for (ArticleIndexer.Rejection rejection : rejections) {
			this.deadLetters.accept(readable.get(rejection.position()),
					new RejectedArticleException(rejection.reason()));
		}
	}

	private void matchTraced(List<ConsumerRecord<String, ArticleAnalyzed>> readable, List<ArticleDocument> stored) {
		Map<String, ConsumerRecord<String, ArticleAnalyzed>> records = new HashMap<>();
		for (ConsumerRecord<String, ArticleAnalyzed> record : readable) {
			records.put(record.value().article().articleId(), record);
		}
		Map<String, Span> spans = new LinkedHashMap<>();
		Map<String, String> traceparents = new HashMap<>();
		for (ArticleDocument document : stored) {
			ConsumerRecord<String, ArticleAnalyzed> record = records.get(document.articleId());
			if (record == null || spans.containsKey(document.articleId())) {
				continue;
			}
			Span span = this.propagator.extract(record, HEADERS)
				.name("index and match")
				.kind(Span.Kind.CONSUMER)
				.tag("newsmon.article.id", document.articleId())
				.start();
			spans.put(document.articleId(), span);
			Map<String, String> context = new HashMap<>();
			this.propagator.inject(span.context(), context, Map::put);
			String traceparent = context.get("traceparent");
			if (traceparent != null) {
				traceparents.put(document.articleId(), traceparent);
			}
		}
		try {
			this.alerts.indexed(stored, traceparents::get);
		}
		catch (RuntimeException ex) {
			spans.values().forEach((span) -> span.error(ex));
			throw ex;
		}
		finally {
			spans.values().forEach(Span::end);
		}
	}

	private static Exception unreadableReason(ConsumerRecord<?, ?> record) {
		DeserializationException ex = SerializationUtils.getExceptionFromHeader(record,
				KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logger);
		return (ex != null) ? ex : new RejectedArticleException("the record has no value");
	}

}

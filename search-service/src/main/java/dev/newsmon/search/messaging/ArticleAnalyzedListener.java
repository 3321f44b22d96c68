package dev.newsmon.search.messaging;

import java.util.ArrayList;
import java.util.List;

import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.Topics;
import dev.newsmon.search.alert.ArticleAlerts;
import dev.newsmon.search.indexing.ArticleIndexer;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;

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
 */
@Component
class ArticleAnalyzedListener {

	private static final LogAccessor logger = new LogAccessor(LogFactory.getLog(ArticleAnalyzedListener.class));

	private final ArticleIndexer indexer;

	private final DeadLetterPublishingRecoverer deadLetters;

	private final ArticleAlerts alerts;

	ArticleAnalyzedListener(ArticleIndexer indexer, DeadLetterPublishingRecoverer deadLetters, ArticleAlerts alerts) {
		this.indexer = indexer;
		this.deadLetters = deadLetters;
		this.alerts = alerts;
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
		this.alerts.indexed(batch.stored());
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

	private static Exception unreadableReason(ConsumerRecord<?, ?> record) {
		DeserializationException ex = SerializationUtils.getExceptionFromHeader(record,
				KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logger);
		return (ex != null) ? ex : new RejectedArticleException("the record has no value");
	}

}

package dev.newsmon.search.messaging;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.search.indexing.ArticleIndex;
import dev.newsmon.search.indexing.ArticleIndexer;
import dev.newsmon.search.indexing.IndexingFailedException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves the articles alias to a new mapping version without {@code _reindex}: replays the
 * analysed-articles topic from its beginning into the new index with a consumer group of
 * its own ({@code <group>-migration-v<version>}, so an interrupted migration resumes
 * where it stopped), switches the alias once it has caught up, and keeps replaying up to
 * the end offsets seen at the switch, so that every record published before the switch
 * reaches the new index; the service's own consumer writes every later one through the
 * alias. Writes are idempotent and versioned, so records that both write are stored once.
 * Runs only when {@link ArticleIndex#migrationPending()} (docs/search-operations.md).
 */
@Component
class MappingMigration implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(MappingMigration.class);

	private final ConsumerFactory<?, ?> consumerFactory;

	private final ArticleIndexer indexer;

	private final ArticleIndex index;

	private final ArticleConsumerProperties properties;

	private volatile boolean running;

	private volatile boolean finished;

	private Thread thread;

	private Consumer<?, ?> consumer;

	MappingMigration(ConsumerFactory<?, ?> consumerFactory, ArticleIndexer indexer, ArticleIndex index,
			ArticleConsumerProperties properties) {
		this.consumerFactory = consumerFactory;
		this.indexer = indexer;
		this.index = index;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		if (this.running || !this.index.migrationPending()) {
			return;
		}
		Object group = this.consumerFactory.getConfigurationProperties().get(ConsumerConfig.GROUP_ID_CONFIG);
		this.consumer = this.consumerFactory.createConsumer(group + "-migration-" + this.index.indexName(), null,
				"-migration");
		this.running = true;
		this.thread = new Thread(this::migrate, "article-migration");
		this.thread.start();
	}

	@Override
	public void stop() {
		Thread migration;
		synchronized (this) {
			if (!this.running) {
				return;
			}
			this.running = false;
			this.consumer.wakeup();
			migration = this.thread;
		}
		try {
			migration.join(Duration.ofSeconds(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	boolean finished() {
		return this.finished;
	}

	private void migrate() {
		try (Consumer<?, ?> replay = this.consumer) {
			List<TopicPartition> partitions = replay.partitionsFor(this.properties.topic())
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			replay.assign(partitions);
			Map<TopicPartition, OffsetAndMetadata> committed = replay.committed(Set.copyOf(partitions));
			for (TopicPartition partition : partitions) {
				OffsetAndMetadata offset = committed.get(partition);
				if (offset != null) {
					replay.seek(partition, offset);
				}
				else {
					replay.seekToBeginning(List.of(partition));
				}
			}
			boolean switched = false;
			Map<TopicPartition, Long> end = replay.endOffsets(partitions);
			Duration backoff = this.properties.initialBackoff();
			while (this.running) {
				ConsumerRecords<?, ?> records = replay.poll(Duration.ofMillis(200));
				if (!records.isEmpty()) {
					if (!write(records)) {
						rewind(replay, records);
						Thread.sleep(backoff);
						backoff = min(backoff.multipliedBy(2), this.properties.maxBackoff());
						continue;
					}
					backoff = this.properties.initialBackoff();
					replay.commitSync(next(records));
				}
				if (caughtUp(replay, end)) {
					if (switched) {
						logger.info("Migration to " + this.index.indexName() + " finished");
						this.finished = true;
						break;
					}
					this.index.switchAlias();
					switched = true;
					end = replay.endOffsets(partitions);
				}
			}
		}
		catch (WakeupException ex) {
			logger.info("Migration to " + this.index.indexName() + " stopped; it resumes at the next start");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException | RuntimeException ex) {
			logger.error("Migration to " + this.index.indexName() + " failed; it resumes at the next start", ex);
		}
		finally {
			this.running = false;
		}
	}

	private boolean write(ConsumerRecords<?, ?> records) {
		List<ArticleAnalyzed> articles = new ArrayList<>(records.count());
		for (ConsumerRecord<?, ?> record : records) {
			// unreadable records were dead-lettered by the service's own consumer
			if (record.value() instanceof ArticleAnalyzed article) {
				articles.add(article);
			}
		}
		try {
			List<ArticleIndexer.Rejection> rejections = this.indexer.indexInto(this.index.indexName(), articles);
			if (!rejections.isEmpty()) {
				logger.warn(rejections.size() + " records were rejected again while migrating; "
						+ "they are in the dead-letter topic already");
			}
			return true;
		}
		catch (IndexingFailedException ex) {
			logger.warn("Migration waits for Elasticsearch: " + ex.getMessage());
			return false;
		}
	}

	private static void rewind(Consumer<?, ?> consumer, ConsumerRecords<?, ?> records) {
		for (TopicPartition partition : records.partitions()) {
			consumer.seek(partition, records.records(partition).get(0).offset());
		}
	}

	private static Map<TopicPartition, OffsetAndMetadata> next(ConsumerRecords<?, ?> records) {
		Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
		for (TopicPartition partition : records.partitions()) {
			List<? extends ConsumerRecord<?, ?>> inPartition = records.records(partition);
			offsets.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
		}
		return offsets;
	}

	private static boolean caughtUp(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
		for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
			if (consumer.position(partition.getKey()) < partition.getValue()) {
				return false;
			}
		}
		return true;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}

package dev.newsmon.ingest.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

import dev.newsmon.ingest.feed.FeedState;
import dev.newsmon.ingest.feed.FeedStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * The feed registry in the log-compacted topic {@code news.feeds.v1}, keyed by feed id,
 * as Kafka Connect keeps its configuration and offsets.
 * <p>
 * Every replica reads the whole topic from the beginning into a view, which answers the
 * API; a write waits until the view has read it back, so a replica reads its own writes.
 * A second consumer, in the group {@code ingest-feeds}, receives partitions from the
 * group coordinator: this replica polls exactly the feeds of its partitions. On
 * assignment it first reads those partitions up to their end, so that it continues from
 * the state the previous owner left; on revocation it stops starting polls of them and
 * waits for the running ones to end before giving them up.
 */
@Component
class KafkaFeedStore implements FeedStore, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(KafkaFeedStore.class);

	private static final Duration POLL = Duration.ofMillis(100);

	private final ConsumerFactory<?, ?> consumerFactory;

	private final KafkaTemplate<String, FeedRecord> template;

	private final ObjectReader recordReader;

	private final FeedTopicProperties properties;

	private final Map<String, FeedState> feeds = new ConcurrentHashMap<>();

	private final Map<String, Integer> partitions = new ConcurrentHashMap<>();

	/** Feeds whose latest record is a tombstone: a late poll must not revive them. */
	private final Set<String> removed = ConcurrentHashMap.newKeySet();

	private final Map<String, Seen> articles = new ConcurrentHashMap<>();

	/** The next offset the view reads, per partition. */
	private final Map<Integer, Long> positions = new ConcurrentHashMap<>();

	private final Set<Integer> owned = ConcurrentHashMap.newKeySet();

	/** Running polls: feed id to partition. */
	private final Map<String, Integer> claims = new ConcurrentHashMap<>();

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	private final Object progress = new Object();

	private volatile boolean running;

	private volatile boolean startedEmpty;

	private volatile KafkaConsumer<String, byte[]> viewConsumer;

	private volatile KafkaConsumer<String, byte[]> groupConsumer;

	private Thread viewThread;

	private Thread groupThread;

	KafkaFeedStore(ConsumerFactory<?, ?> consumerFactory, KafkaTemplate<String, FeedRecord> template,
			JsonMapper jsonMapper, FeedTopicProperties properties) {
		this.consumerFactory = consumerFactory;
		this.template = template;
		this.recordReader = FeedRecord.reader(jsonMapper);
		this.properties = properties;
	}

	@Override
	public List<FeedState> findAll() {
		return this.feeds.values()
			.stream()
			.sorted(Comparator.comparing((FeedState state) -> state.feed().name(), String.CASE_INSENSITIVE_ORDER)
				.thenComparing((state) -> state.feed().id()))
			.toList();
	}

	@Override
	public Optional<FeedState> findById(String id) {
		return Optional.ofNullable(this.feeds.get(id));
	}

	@Override
	public FeedState addIfAbsent(FeedState state) {
		String id = state.feed().id();
		synchronized (lock(id)) {
			FeedState existing = this.feeds.get(id);
			if (existing != null) {
				return existing;
			}
			write(id, new FeedRecord(FeedRecord.SCHEMA_VERSION, FeedRecord.REGISTERED, state));
			return state;
		}
	}

	@Override
	public Optional<FeedState> update(String id, UnaryOperator<FeedState> change) {
		synchronized (lock(id)) {
			FeedState current = this.feeds.get(id);
			if (current == null) {
				return Optional.empty();
			}
			FeedState changed = change.apply(current);
			write(id, new FeedRecord(FeedRecord.SCHEMA_VERSION, FeedRecord.UPDATED, changed));
			return Optional.of(changed);
		}
	}

	@Override
	public boolean delete(String id) {
		synchronized (lock(id)) {
			if (!this.feeds.containsKey(id)) {
				return false;
			}
			write(id, null);
			return true;
		}
	}

	@Override
	public boolean owns(String id) {
		Integer partition = this.partitions.get(id);
		return partition != null && this.owned.contains(partition);
	}

	@Override
	public boolean claim(String id) {
		Integer partition = this.partitions.get(id);
		if (partition == null || !this.owned.contains(partition)) {
			return false;
		}
		this.claims.put(id, partition);
		// a revocation removes the partition before it waits for claims: check again
		if (!this.owned.contains(partition)) {
			this.claims.remove(id);
			return false;
		}
		return true;
	}

	@Override
	public void release(String id) {
		this.claims.remove(id);
	}

	@Override
	public Optional<String> contentHash(String articleId) {
		return Optional.ofNullable(this.articles.get(articleId)).map(Seen::hash);
	}

	@Override
	public boolean startedEmpty() {
		return this.startedEmpty;
	}

	private Object lock(String id) {
		return this.locks.computeIfAbsent(id, (key) -> new Object());
	}

	/** Writes a record and waits until the view has read it. */
	private void write(String id, FeedRecord record) {
		RecordMetadata metadata;
		try {
			metadata = this.template.send(this.properties.topic(), id, record)
				.get(this.properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
				.getRecordMetadata();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while writing feed " + id, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("cannot write feed " + id + " to the registry: " + ex.getMessage(), ex);
		}
		if (!awaitView(Map.of(metadata.partition(), metadata.offset() + 1))) {
			throw new IllegalStateException("the registry did not read back feed " + id + " within "
					+ this.properties.readTimeout().toSeconds() + " s");
		}
	}

	/** Waits until the view has read each partition up to the given offset. */
	private boolean awaitView(Map<Integer, Long> ends) {
		long deadline = System.nanoTime() + this.properties.readTimeout().toNanos();
		synchronized (this.progress) {
			while (!caughtUp(ends)) {
				long left = deadline - System.nanoTime();
				if (left <= 0 || !this.running) {
					return caughtUp(ends);
				}
				try {
					this.progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return true;
		}
	}

	private boolean caughtUp(Map<Integer, Long> ends) {
		return ends.entrySet()
			.stream()
			.allMatch((end) -> this.positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
	}

	@Override
	public void start() {
		this.running = true;
		CountDownLatch viewReady = new CountDownLatch(1);
		this.viewThread = Thread.ofPlatform().name("feed-registry-view").daemon().start(() -> readView(viewReady));
		CountDownLatch assigned = new CountDownLatch(1);
		try {
			if (!viewReady.await(this.properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("cannot read the feed registry " + this.properties.topic() + " within "
						+ this.properties.readTimeout().toSeconds() + " s");
			}
			this.groupThread = Thread.ofPlatform()
				.name("feed-registry-group")
				.daemon()
				.start(() -> joinGroup(assigned));
			// polling starts with the first assignment known; a replica beyond the number
			// of partitions gets none and only serves the API
			if (!assigned.await(this.properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("No partition assignment from group '{}' yet; polling starts when it comes",
						this.properties.group());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void readView(CountDownLatch ready) {
		Map<Integer, Long> ends = null;
		while (this.running) {
			try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(null))) {
				this.viewConsumer = consumer;
				List<TopicPartition> all = consumer.partitionsFor(this.properties.topic())
					.stream()
					.map((info) -> new TopicPartition(info.topic(), info.partition()))
					.toList();
				consumer.assign(all);
				for (TopicPartition partition : all) {
					// after a failure, go on where the view stopped
					Long next = this.positions.get(partition.partition());
					if (next != null) {
						consumer.seek(partition, next);
					}
					else {
						consumer.seekToBeginning(List.of(partition));
					}
				}
				if (ends == null) {
					ends = new HashMap<>();
					for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(all).entrySet()) {
						ends.put(end.getKey().partition(), end.getValue());
					}
					this.startedEmpty = ends.values().stream().allMatch((end) -> end == 0);
				}
				while (this.running) {
					for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
						apply(record);
					}
					for (TopicPartition partition : all) {
						this.positions.put(partition.partition(), consumer.position(partition));
					}
					synchronized (this.progress) {
						this.progress.notifyAll();
					}
					if (ready.getCount() > 0 && caughtUp(ends)) {
						logger.info("Read {} feeds from {}", this.feeds.size(), this.properties.topic());
						ready.countDown();
					}
				}
			}
			catch (WakeupException ex) {
				// stopping
			}
			catch (RuntimeException ex) {
				logger.error("Reading the feed registry {} failed; reading again in a second", this.properties.topic(),
						ex);
				pause();
			}
			finally {
				this.viewConsumer = null;
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	/** Applies one record of the topic to the view. */
	void apply(ConsumerRecord<String, byte[]> record) {
		String id = record.key();
		if (id == null) {
			logger.warn("Ignoring a feed registry record without a key at {}-{}@{}", record.topic(), record.partition(),
					record.offset());
			return;
		}
		this.partitions.put(id, record.partition());
		if (record.value() == null) {
			this.removed.add(id);
			put(id, null);
			return;
		}
		FeedRecord value;
		try {
			value = this.recordReader.readValue(record.value());
		}
		catch (JacksonException ex) {
			// nothing better can be done with a record of the registry: the feed keeps
			// its
			// previous state, and the line says where the bad record is
			logger.error("Ignoring an unreadable feed registry record at {}-{}@{}: {}", record.topic(),
					record.partition(), record.offset(), ex.getOriginalMessage());
			return;
		}
		if (value.state() == null || value.state().feed() == null) {
			logger.error("Ignoring a feed registry record without a feed at {}-{}@{}", record.topic(),
					record.partition(), record.offset());
			return;
		}
		if (FeedRecord.UPDATED.equals(value.origin()) && this.removed.contains(id)) {
			// a poll that ended just after the feed was removed: remove it again, so that
			// compaction does not keep the late state as the feed's last word
			if (this.owned.contains(record.partition())) {
				this.template.send(this.properties.topic(), id, null);
			}
			return;
		}
		this.removed.remove(id);
		put(id, value.state());
	}

	private void put(String id, FeedState state) {
		FeedState previous = (state != null) ? this.feeds.put(id, state) : this.feeds.remove(id);
		if (previous != null) {
			for (String articleId : previous.seen().keySet()) {
				if (state == null || !state.seen().containsKey(articleId)) {
					this.articles.computeIfPresent(articleId, (key, seen) -> seen.feedId().equals(id) ? null : seen);
				}
			}
		}
		if (state != null) {
			state.seen().forEach((articleId, hash) -> {
				if (previous == null || !Objects.equals(previous.seen().get(articleId), hash)) {
					this.articles.put(articleId, new Seen(id, hash));
				}
			});
		}
	}

	private void joinGroup(CountDownLatch assigned) {
		while (this.running) {
			try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
					consumerConfig(this.properties.group()))) {
				this.groupConsumer = consumer;
				consumer.subscribe(List.of(this.properties.topic()), new Ownership(consumer, assigned));
				while (this.running) {
					// the partitions are paused: poll only keeps the membership alive
					consumer.poll(Duration.ofMillis(500));
				}
			}
			catch (WakeupException ex) {
				// stopping
			}
			catch (RuntimeException ex) {
				logger.error("Membership of group '{}' failed; this replica polls no feed until it joins again",
						this.properties.group(), ex);
				this.owned.clear();
				pause();
			}
			finally {
				this.owned.clear();
				this.groupConsumer = null;
			}
		}
	}

	private Map<String, Object> consumerConfig(String group) {
		Map<String, Object> config = new HashMap<>(this.consumerFactory.getConfigurationProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		if (group != null) {
			config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		}
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		return config;
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<String, byte[]> group = this.groupConsumer;
		if (group != null) {
			group.wakeup();
		}
		join(this.groupThread);
		KafkaConsumer<String, byte[]> view = this.viewConsumer;
		if (view != null) {
			view.wakeup();
		}
		join(this.viewThread);
		synchronized (this.progress) {
			this.progress.notifyAll();
		}
	}

	private static void join(Thread thread) {
		if (thread != null) {
			try {
				thread.join(Duration.ofSeconds(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// up before the web server and the poll scheduler, down after them
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	/**
	 * Which feed last brought an article, and with which content.
	 */
	private record Seen(String feedId, String hash) {

	}

	/**
	 * Follows the group's partition assignment.
	 */
	private final class Ownership implements ConsumerRebalanceListener {

		private final KafkaConsumer<String, byte[]> consumer;

		private final CountDownLatch assigned;

		Ownership(KafkaConsumer<String, byte[]> consumer, CountDownLatch assigned) {
			this.consumer = consumer;
			this.assigned = assigned;
		}

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			this.consumer.pause(partitions);
			if (!partitions.isEmpty()) {
				// continue from the state the previous owner left: read up to the end
				// first
				Map<Integer, Long> ends = new HashMap<>();
				this.consumer.endOffsets(partitions).forEach((partition, end) -> ends.put(partition.partition(), end));
				if (!awaitView(ends)) {
					logger.warn("Feed registry partitions {} not read to their end in time", ends.keySet());
				}
				partitions.forEach((partition) -> KafkaFeedStore.this.owned.add(partition.partition()));
				logger.info("Polling the feeds of partitions {} of {}", ends.keySet(),
						KafkaFeedStore.this.properties.topic());
			}
			this.assigned.countDown();
		}

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			Set<Integer> numbers = ConcurrentHashMap.newKeySet();
			partitions.forEach((partition) -> numbers.add(partition.partition()));
			KafkaFeedStore.this.owned.removeAll(numbers);
			// hand over only once the running polls of these feeds have ended
			long deadline = System.nanoTime() + KafkaFeedStore.this.properties.readTimeout().toNanos();
			while (KafkaFeedStore.this.claims.values().stream().anyMatch(numbers::contains)
					&& System.nanoTime() < deadline) {
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			if (!numbers.isEmpty()) {
				logger.info("No longer polling the feeds of partitions {}", numbers);
			}
		}

		@Override
		public void onPartitionsLost(Collection<TopicPartition> partitions) {
			partitions.forEach((partition) -> KafkaFeedStore.this.owned.remove(partition.partition()));
		}

	}

}

package dev.newsmon.analysis.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.newsmon.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.annotation.DirtiesContext;

import static dev.newsmon.analysis.messaging.PipelineTopics.article;
import static dev.newsmon.analysis.messaging.PipelineTopics.awaitRecord;
import static dev.newsmon.analysis.messaging.PipelineTopics.header;
import static dev.newsmon.analysis.messaging.PipelineTopics.newId;
import static dev.newsmon.analysis.messaging.PipelineTopics.recordsFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failing downstream on the real broker named by {@code KAFKA_BOOTSTRAP_SERVERS}: the
 * publish of the analysis fails (as when the broker does not acknowledge it) a few times
 * and then succeeds, and the record is retried with backoff and published, not lost or
 * dead-lettered; a publish that never succeeds is retried a bounded number of times and
 * then dead-lettered with the reason. Offsets are committed only after the publish is
 * acknowledged, so the retries re-read the same record.
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${KAFKA_BOOTSTRAP_SERVERS}",
		"newsmon.analysis.messaging.initial-backoff=100ms", "newsmon.analysis.messaging.max-retries=3" })
@DirtiesContext
class PublishFailureIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	/** Attempts to publish the analysis of each article, by article id. */
	static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	@Autowired
	private Environment environment;

	private PipelineTopics topics;

	@BeforeEach
	void connect() {
		this.topics = new PipelineTopics(this.environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
	}

	@AfterEach
	void close() {
		this.topics.close();
	}

	@Test
	void aPublishThatFailsTwiceIsRetriedAndTheAnalysisIsNotLost() throws Exception {
		String articleId = "flaky" + newId();
		this.topics.sendFetched(articleId, article(articleId));
		ConsumerRecord<String, String> record = awaitRecord(this.topics.analyzed, articleId, TIMEOUT);
		assertThat(record.value()).contains(articleId);
		assertThat(attempts.get(articleId)).hasValue(3);
		assertThat(recordsFor(this.topics.deadLetters, articleId, Duration.ofSeconds(2))).isEmpty();
	}

	@Test
	void aPublishThatNeverSucceedsIsDeadLetteredAfterBoundedRetries() throws Exception {
		String articleId = "doomed" + newId();
		this.topics.sendFetched(articleId, article(articleId));
		ConsumerRecord<String, String> deadLetter = awaitRecord(this.topics.deadLetters, articleId, TIMEOUT);
		assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains("was not acknowledged");
		assertThat(deadLetter.value()).contains(articleId);
		// the first attempt and the three retries, no more
		assertThat(attempts.get(articleId)).hasValue(4);
		assertThat(recordsFor(this.topics.analyzed, articleId, Duration.ofSeconds(1))).isEmpty();
	}

	/**
	 * A template whose publishes of analyses fail like an unacknowledged send: twice for
	 * "flaky" articles, always for "doomed" ones. Other sends (dead letters) go through.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class FailingDownstream {

		@Bean
		KafkaTemplate<String, Object> kafkaTemplate(ProducerFactory<String, Object> producerFactory) {
			return new KafkaTemplate<>(producerFactory) {

				@Override
				public CompletableFuture<SendResult<String, Object>> send(String topic, String key, Object data) {
					if (Topics.ARTICLES_ANALYZED.equals(topic) && key != null
							&& (key.startsWith("flaky") || key.startsWith("doomed"))) {
						int attempt = attempts.computeIfAbsent(key, (k) -> new AtomicInteger()).incrementAndGet();
						if (key.startsWith("doomed") || attempt <= 2) {
							return CompletableFuture
								.failedFuture(new KafkaException("broker unavailable (attempt " + attempt + ")"));
						}
					}
					return super.send(topic, key, data);
				}

			};
		}

	}

}

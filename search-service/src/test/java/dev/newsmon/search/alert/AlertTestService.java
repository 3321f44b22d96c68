package dev.newsmon.search.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search service of the alert tests, on the real broker and Elasticsearch
 * (KAFKA_BOOTSTRAP_SERVERS and ELASTICSEARCH_URL; the tests fail when they are missing).
 * All alert test classes share this one configuration, so the context starts once; it
 * reads and writes topics, indices and a consumer group of this run's own, removed when
 * the JVM ends.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${KAFKA_BOOTSTRAP_SERVERS}",
				"spring.elasticsearch.uris=${ELASTICSEARCH_URL}", "newsmon.api-key=" + AlertTestService.KEY,
				"newsmon.kafka.partitions=2", "newsmon.search.messaging.initial-backoff=200ms" })
abstract class AlertTestService {

	static final String KEY = "alert-test-key";

	static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	static final String ALIAS = "it-alerts-" + RUN;

	static final String DELIVERIES = "it-alert-deliveries-" + RUN;

	static final String SUBSCRIPTIONS = "it-subscriptions-" + RUN;

	static final String ARTICLES = "it-alert-articles-" + RUN;

	static final String GROUP = "alerts-it-" + RUN;

	static final JsonMapper json = JsonMapper.builder().build();

	static final HttpClient http = HttpClient.newHttpClient();

	private static KafkaProducer<String, byte[]> producer;

	@LocalServerPort
	int port;

	static {
		try (Admin admin = Admin.create(adminProperties())) {
			admin.createTopics(List.of(new NewTopic(ARTICLES, 2, (short) 1),
					new NewTopic(ARTICLES + Topics.DEAD_LETTER_SUFFIX, 2, (short) 1)))
				.all()
				.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("The test topics could not be created", ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(AlertTestService::cleanUp));
	}

	@DynamicPropertySource
	static void runProperties(DynamicPropertyRegistry registry) {
		registry.add("newsmon.search.index.alias", () -> ALIAS);
		registry.add("newsmon.search.alert.deliveries-index", () -> DELIVERIES);
		registry.add("newsmon.search.subscriptions.topic", () -> SUBSCRIPTIONS);
		registry.add("newsmon.search.messaging.topic", () -> ARTICLES);
		registry.add("spring.kafka.consumer.group-id", () -> GROUP);
	}

	/**
	 * The arguments that start a second instance on this run's topics and indices.
	 * @param group its consumer group
	 * @return the arguments
	 */
	static String[] secondInstance(String group) {
		return new String[] { "--server.port=0", "--spring.kafka.bootstrap-servers=" + kafka(),
				"--spring.elasticsearch.uris=" + elasticsearch(), "--newsmon.api-key=" + KEY,
				"--newsmon.kafka.partitions=2", "--newsmon.search.index.alias=" + ALIAS,
				"--newsmon.search.alert.deliveries-index=" + DELIVERIES,
				"--newsmon.search.subscriptions.topic=" + SUBSCRIPTIONS, "--newsmon.search.messaging.topic=" + ARTICLES,
				"--spring.kafka.consumer.group-id=" + group };
	}

	static synchronized void publish(ArticleAnalyzed article) throws Exception {
		if (producer == null) {
			Properties properties = new Properties();
			properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka());
			properties.put(ProducerConfig.ACKS_CONFIG, "all");
			producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
		}
		producer.send(new ProducerRecord<>(ARTICLES, article.article().articleId(), json.writeValueAsBytes(article)))
			.get();
	}

	/**
	 * Waits until a consumer group has committed every record of the run's articles
	 * topic.
	 * @param group the group
	 */
	static void awaitConsumed(String group) throws Exception {
		try (Admin admin = Admin.create(adminProperties())) {
			List<TopicPartition> partitions = List.of(new TopicPartition(ARTICLES, 0), new TopicPartition(ARTICLES, 1));
			Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin
				.listOffsets(Map.of(partitions.get(0), OffsetSpec.latest(), partitions.get(1), OffsetSpec.latest()))
				.all()
				.get();
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get();
				for (TopicPartition partition : partitions) {
					long last = end.get(partition).offset();
					OffsetAndMetadata offset = committed.get(partition);
					if (last > 0 && (offset == null || offset.offset() < last)) {
						return false;
					}
				}
				return true;
			});
		}
	}

	HttpResponse<String> post(String path, String body, String key) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		return send(request.build());
	}

	HttpResponse<String> get(String path, String key) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		return send(request.build());
	}

	HttpResponse<String> delete(String path, String key) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).DELETE();
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		return send(request.build());
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	static HttpResponse<String> send(HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	static String kafka() {
		return required("KAFKA_BOOTSTRAP_SERVERS");
	}

	static String elasticsearch() {
		return required("ELASTICSEARCH_URL");
	}

	private static String required(String name) {
		String value = System.getenv(name);
		assertThat(value).as(name + " must point at the test infrastructure").isNotBlank();
		return value;
	}

	private static Properties adminProperties() {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka());
		return properties;
	}

	private static void cleanUp() {
		try {
			if (producer != null) {
				producer.close();
			}
			for (String path : List.of("/" + ALIAS + "-v1", "/_index_template/" + ALIAS, "/" + DELIVERIES)) {
				http.send(HttpRequest.newBuilder(URI.create(elasticsearch() + path)).DELETE().build(),
						HttpResponse.BodyHandlers.discarding());
			}
			try (Admin admin = Admin.create(adminProperties())) {
				admin.deleteTopics(List.of(ARTICLES, ARTICLES + Topics.DEAD_LETTER_SUFFIX, SUBSCRIPTIONS)).all().get();
			}
		}
		catch (Exception ex) {
			// best effort: the names are this run's own
		}
	}

}

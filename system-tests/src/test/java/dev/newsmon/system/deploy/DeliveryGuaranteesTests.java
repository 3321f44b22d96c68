package dev.newsmon.system.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings that make "nothing lost, nothing twice" hold, as configuration checks
 * (issue 9): every producer waits for all in-sync replicas and is idempotent, every
 * listener container commits only after its listener returned, and production topics
 * survive the loss of a broker without electing an out-of-date leader. The effective
 * client settings of the running services are checked by {@code FailureIntegrationTests}
 * from what the Kafka clients log when they are created.
 */
class DeliveryGuaranteesTests {

	/**
	 * Ack modes of the listener container that commit only offsets of records the
	 * listener has returned from (the default is BATCH).
	 */
	private static final Set<String> COMMIT_AFTER_PROCESSING = Set.of("BATCH", "RECORD", "COUNT", "TIME", "COUNT_TIME");

	private static final Path REPOSITORY = repository();

	@ParameterizedTest(name = "{0}: acks=all and idempotence")
	@ValueSource(strings = { "ingest-service", "analysis-service", "search-service" })
	void producersWaitForAllReplicasAndAreIdempotent(String service) {
		Properties config = applicationYml(service);
		assertThat(config.getProperty("spring.kafka.producer.acks")).as("%s producer acks", service).isEqualTo("all");
		assertThat(property(config, "spring.kafka.producer.properties", "enable.idempotence"))
			.as("%s producer idempotence", service)
			.isEqualTo("true");
		assertThat(property(config, "spring.kafka.producer.properties", "max.in.flight.requests.per.connection"))
			.as("at most 5 in flight keeps the order with idempotence")
			.satisfiesAnyOf((value) -> assertThat(value).isNull(),
					(value) -> assertThat(Integer.parseInt(value)).isBetween(1, 5));
	}

	@ParameterizedTest(name = "{0}: no auto-commit, offsets committed after the listener returned")
	@ValueSource(strings = { "analysis-service", "search-service" })
	void consumersCommitOnlyAfterProcessing(String service) {
		Properties config = applicationYml(service);
		assertThat(config.getProperty("spring.kafka.consumer.enable-auto-commit")).as("%s auto-commit", service)
			.isEqualTo("false");
		assertThat(property(config, "spring.kafka.consumer.properties", "enable.auto.commit"))
			.as("no auto-commit through the raw properties either")
			.isNull();
		String ackMode = config.getProperty("spring.kafka.listener.ack-mode", "BATCH");
		assertThat(ackMode).as("%s listener ack mode", service).isIn(COMMIT_AFTER_PROCESSING);
		assertThat(config.getProperty("spring.kafka.consumer.auto-offset-reset")).as("a new group reads everything")
			.isEqualTo("earliest");
	}

	@Test
	void productionTopicsSurviveTheLossOfABroker() {
		RenderedManifests prod = RenderedManifests.render(REPOSITORY.resolve("deploy/k8s/overlays/prod"));
		List<GenericKubernetesResource> topics = prod.custom("KafkaTopic");
		assertThat(topics).hasSizeGreaterThanOrEqualTo(7);
		for (GenericKubernetesResource topic : topics) {
			String name = topic.get("spec", "topicName");
			assertThat(topic.<Integer>get("spec", "replicas")).as("%s replicas", name).isEqualTo(3);
			assertThat(topic.<Integer>get("spec", "config", "min.insync.replicas")).as("%s min.insync.replicas", name)
				.isEqualTo(2);
			assertThat(topic.<Boolean>get("spec", "config", "unclean.leader.election.enable"))
				.as("%s unclean leader election", name)
				.isFalse();
		}
		GenericKubernetesResource kafka = prod.custom("Kafka").get(0);
		assertThat(kafka.<Integer>get("spec", "kafka", "config", "default.replication.factor")).isEqualTo(3);
		assertThat(kafka.<Integer>get("spec", "kafka", "config", "min.insync.replicas")).isEqualTo(2);
		assertThat(kafka.<Boolean>get("spec", "kafka", "config", "unclean.leader.election.enable")).isFalse();
		assertThat(kafka.<Integer>get("spec", "kafka", "config", "offsets.topic.replication.factor"))
			.as("committed offsets are replicated like the data")
			.isEqualTo(3);
		// the services declare the topics too: with the production replication factor
		assertThat(prod.all(ConfigMap.class)).as("a ConfigMap sets the services' replication factor")
			.filteredOn((map) -> map.getData() != null && map.getData().containsKey("NEWSMON_KAFKA_REPLICATIONFACTOR"))
			.isNotEmpty()
			.allSatisfy((map) -> assertThat(map.getData()).containsEntry("NEWSMON_KAFKA_REPLICATIONFACTOR", "3"));
	}

	private static String property(Properties config, String prefix, String key) {
		String value = config.getProperty(prefix + "." + key);
		return (value != null) ? value : config.getProperty(prefix + "[" + key + "]");
	}

	private static Properties applicationYml(String service) {
		Path file = REPOSITORY.resolve(service).resolve("src/main/resources/application.yml");
		assertThat(file).exists();
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new FileSystemResource(file));
		Properties properties = yaml.getObject();
		assertThat(properties).as("%s", file).isNotNull();
		return properties;
	}

	private static Path repository() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null && !Files.isDirectory(directory.resolve("deploy/k8s"))) {
			directory = directory.getParent();
		}
		if (directory == null) {
			throw new IllegalStateException("No deploy/k8s above " + Path.of("").toAbsolutePath());
		}
		return directory;
	}

}

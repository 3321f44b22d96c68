package dev.newsmon.system.deploy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.newsmon.events.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Renders every overlay of {@code deploy/k8s} and checks the invariants the deployment
 * promises (issue 8): hardened, probed and bounded Deployments, a KafkaTopic for every
 * topic, every environment variable a service reads, and network flows limited to those
 * of DESIGN.md. Needs {@code kubectl} (or {@code kustomize}), no cluster.
 */
class KubernetesManifestsTests {

	private static final Path REPOSITORY = repository();

	private static final Map<String, RenderedManifests> rendered = new ConcurrentHashMap<>();

	/**
	 * The services: name, HTTP port, the health contributors of their readiness group.
	 */
	private static final List<ServiceCase> SERVICES = List.of(
			new ServiceCase("ingest-service", 8081, List.of("readinessState", "kafka")),
			new ServiceCase("analysis-service", 8082, List.of("readinessState", "kafka")),
			new ServiceCase("search-service", 8080, List.of("readinessState", "kafka", "elasticsearch")));

	private static final List<String> OVERLAYS = List.of("dev", "prod");

	/**
	 * Topics kept by key only (DESIGN.md: state shared by replicas), by constant name.
	 */
	private static final Set<String> COMPACTED = Set.of("FEEDS", "SUBSCRIPTIONS", "RULES");

	/**
	 * Topics a service declares outside {@link Topics}, with whether they are compacted:
	 * analysis-service's rule changes ({@code RuleTopics}).
	 */
	private static final Map<String, Boolean> OTHER_TOPICS = Map.of("news.rules.v1", true);

	/** Partitions of every topic: no consumer group can use more replicas than this. */
	private static final int PARTITIONS = 6;

	/**
	 * Every flow a NetworkPolicy may allow, each traced to DESIGN.md or to what the
	 * platform needs to run it.
	 */
	private static final Map<String, String> ALLOWED_FLOWS = Map.ofEntries(
			Map.entry("* -> kube-system/kube-dns:53", "name resolution"),
			Map.entry("ingest-service -> kafka:9092", "ingest publishes fetched articles and keeps the feed registry"),
			Map.entry("ingest-service -> internet:80", "ingest fetches the feeds (private ranges excluded)"),
			Map.entry("ingest-service -> internet:443", "ingest fetches the feeds (private ranges excluded)"),
			Map.entry("namespace -> ingest-service:8081", "the feed API from inside the namespace"),
			Map.entry("ingress-nginx -> ingest-service:8081", "the feed API through the ingress controller"),
			Map.entry("analysis-service -> kafka:9092", "analysis reads fetched and publishes analysed articles"),
			Map.entry("namespace -> analysis-service:8082", "/api/analyze from inside the namespace"),
			Map.entry("ingress-nginx -> analysis-service:8082", "/api/analyze through the ingress controller"),
			Map.entry("search-service -> kafka:9092", "search reads analysed articles and subscriptions"),
			Map.entry("search-service -> elasticsearch:9200", "search indexes and queries"),
			Map.entry("search-service -> internet:80", "webhook alerts (private ranges excluded)"),
			Map.entry("search-service -> internet:443", "webhook alerts (private ranges excluded)"),
			Map.entry("search-service -> internet:465", "e-mail alerts to the SMTP relay (implicit TLS)"),
			Map.entry("search-service -> internet:587", "e-mail alerts to the SMTP relay (submission)"),
			Map.entry("anywhere -> search-service:8080", "the web page and the search API"),
			Map.entry("kafka -> kafka:*", "controller quorum and replication between Kafka nodes"),
			Map.entry("kafka -> anywhere:443", "Strimzi's entity operator talks to the Kubernetes API"),
			Map.entry("kafka -> anywhere:6443", "Strimzi's entity operator talks to the Kubernetes API"),
			Map.entry("elastic-system -> elasticsearch:9200", "the ECK operator manages the cluster"),
			Map.entry("elasticsearch -> elasticsearch:9300", "transport between Elasticsearch nodes"),
			Map.entry("elasticsearch -> internet:443", "the init container downloads kuromoji and nori"),
			Map.entry("monitoring -> ingest-service:8081", "Prometheus scrapes /actuator/prometheus"),
			Map.entry("monitoring -> analysis-service:8082", "Prometheus scrapes /actuator/prometheus"),
			Map.entry("monitoring -> search-service:8080", "Prometheus scrapes /actuator/prometheus"));

	/** The flows of DESIGN.md's pipeline, which every overlay must allow. */
	private static final List<String> REQUIRED_FLOWS = List.of("ingest-service -> kafka:9092",
			"ingest-service -> internet:443", "analysis-service -> kafka:9092", "search-service -> kafka:9092",
			"search-service -> elasticsearch:9200", "anywhere -> search-service:8080");

	static Stream<Arguments> overlays() {
		return OVERLAYS.stream().map((overlay) -> Arguments.of(Named.of(overlay, overlay)));
	}

	static Stream<Arguments> services() {
		return OVERLAYS.stream()
			.flatMap((overlay) -> SERVICES.stream()
				.map((service) -> Arguments.of(Named.of(overlay + " " + service.name(), overlay), service)));
	}

	@ParameterizedTest(name = "{0}: every object parses with no unknown field")
	@MethodSource("overlays")
	void everyObjectParsesWithNoUnknownField(String overlay) {
		RenderedManifests manifests = manifests(overlay);
		assertThat(manifests.all()).hasSizeGreaterThan(20);
		for (HasMetadata object : manifests.all()) {
			assertThat(RenderedManifests.unknownFields(object))
				.as("fields the model does not know in %s %s", object.getKind(), object.getMetadata().getName())
				.isEmpty();
		}
		assertThat(manifests.all(GenericKubernetesResource.class)).extracting(HasMetadata::getKind)
			.as("only custom resources stay generic")
			.allMatch(Set.of("Kafka", "KafkaNodePool", "KafkaTopic", "Elasticsearch", "ServiceMonitor")::contains);
	}

	@Test
	void aMisspeltFieldIsReported() {
		RenderedManifests manifests = RenderedManifests.parse("a misspelt field", """
				apiVersion: apps/v1
				kind: Deployment
				metadata:
				  name: example
				spec:
				  template:
				    spec:
				      containers:
				        - name: example
				          image: example:1
				          securityContext:
				            readOnlyRootFilesytem: true
				""");
		assertThat(RenderedManifests.unknownFields(manifests.all().get(0)))
			.containsExactly("Deployment.spec.template.spec.containers[0].securityContext.readOnlyRootFilesytem");
	}

	@Test
	void aFieldOfTheWrongTypeIsRejected() {
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> RenderedManifests.parse("a wrong type", """
				apiVersion: apps/v1
				kind: Deployment
				metadata:
				  name: example
				spec:
				  replicas: two
				"""));
	}

	@ParameterizedTest(name = "{0}: probes, resources, hardened security context, pinned image")
	@MethodSource("services")
	void deploymentIsProbedBoundedAndHardened(String overlay, ServiceCase service) {
		Deployment deployment = manifests(overlay).one(Deployment.class, service.name());
		PodSpec pod = deployment.getSpec().getTemplate().getSpec();
		assertThat(pod.getContainers()).hasSize(1);
		Container container = pod.getContainers().get(0);

		assertThat(container.getImage()).as("image").matches(".+:[^:/]+$").doesNotEndWith(":latest");
		assertThat(container.getPorts()).singleElement()
			.satisfies((port) -> assertThat(port.getContainerPort()).isEqualTo(service.port()));

		assertProbe(container.getStartupProbe(), "/actuator/health/liveness", "startup");
		assertProbe(container.getLivenessProbe(), "/actuator/health/liveness", "liveness");
		assertProbe(container.getReadinessProbe(), "/actuator/health/readiness", "readiness");

		ResourceRequirements resources = container.getResources();
		assertThat(resources.getRequests()).as("requests").containsKeys("cpu", "memory");
		assertThat(resources.getLimits()).as("limits").containsKeys("cpu", "memory");

		PodSecurityContext podSecurity = pod.getSecurityContext();
		assertThat(podSecurity.getRunAsNonRoot()).as("pod runAsNonRoot").isTrue();
		assertThat(podSecurity.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		SecurityContext security = container.getSecurityContext();
		assertThat(security.getRunAsNonRoot()).as("runAsNonRoot").isTrue();
		assertThat(security.getRunAsUser()).as("runAsUser").isEqualTo(10001L);
		assertThat(security.getReadOnlyRootFilesystem()).as("readOnlyRootFilesystem").isTrue();
		assertThat(security.getAllowPrivilegeEscalation()).as("allowPrivilegeEscalation").isFalse();
		assertThat(security.getCapabilities().getDrop()).as("dropped capabilities").containsExactly("ALL");
		assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

		assertThat(container.getVolumeMounts()).as("a writable /tmp")
			.anySatisfy((mount) -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
		assertThat(pod.getVolumes()).anySatisfy((volume) -> assertThat(volume.getEmptyDir()).isNotNull());
	}

	@ParameterizedTest(name = "{0}: shuts down gracefully within the grace period")
	@MethodSource("services")
	void deploymentShutsDownGracefully(String overlay, ServiceCase service) {
		RenderedManifests manifests = manifests(overlay);
		Deployment deployment = manifests.one(Deployment.class, service.name());
		PodSpec pod = deployment.getSpec().getTemplate().getSpec();
		Map<String, String> env = environment(manifests, pod.getContainers().get(0));
		assertThat(env).containsEntry("SERVER_SHUTDOWN", "graceful");
		long preStop = pod.getContainers().get(0).getLifecycle().getPreStop().getSleep().getSeconds();
		Duration phase = Duration.parse("PT" + env.get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE").toUpperCase());
		assertThat(pod.getTerminationGracePeriodSeconds()).as("grace period covers preStop and the shutdown phase")
			.isGreaterThan(preStop + phase.toSeconds());
	}

	@ParameterizedTest(name = "{0}: readiness group, Service, disruption budget and autoscaler")
	@MethodSource("services")
	void serviceIsReachableAndScalable(String overlay, ServiceCase service) {
		RenderedManifests manifests = manifests(overlay);
		Deployment deployment = manifests.one(Deployment.class, service.name());
		Map<String, String> env = environment(manifests,
				deployment.getSpec().getTemplate().getSpec().getContainers().get(0));
		assertThat(env.get("MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE").split(","))
			.containsExactlyElementsOf(service.readiness());
		assertThat(env).containsEntry("SERVER_PORT", String.valueOf(service.port()));

		assertThat(manifests.one(Service.class, service.name()).getSpec().getPorts()).singleElement()
			.satisfies((port) -> assertThat(port.getPort()).isEqualTo(service.port()));
		assertThat(manifests.one(PodDisruptionBudget.class, service.name()).getSpec().getSelector().getMatchLabels())
			.containsEntry("app.kubernetes.io/name", service.name());
		HorizontalPodAutoscaler autoscaler = manifests.one(HorizontalPodAutoscaler.class, service.name());
		assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(service.name());
		assertThat(autoscaler.getSpec().getMaxReplicas()).as("no more replicas than partitions")
			.isLessThanOrEqualTo(PARTITIONS);
		if (overlay.equals("prod")) {
			assertThat(autoscaler.getSpec().getMinReplicas()).as("replicas in prod").isGreaterThanOrEqualTo(2);
		}
	}

	@ParameterizedTest(name = "{0}: every variable application.yml reads is set")
	@MethodSource("services")
	void everyVariableTheServiceReadsIsSet(String overlay, ServiceCase service) throws IOException {
		Path applicationYml = REPOSITORY.resolve(service.name()).resolve("src/main/resources/application.yml");
		Set<String> read = new TreeSet<>();
		Matcher matcher = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(Files.readString(applicationYml));
		while (matcher.find()) {
			read.add(matcher.group(1));
		}
		assertThat(read).as("variables in %s", applicationYml).contains("KAFKA_BOOTSTRAP_SERVERS", "NEWSMON_API_KEY");
		RenderedManifests manifests = manifests(overlay);
		Container container = manifests.one(Deployment.class, service.name())
			.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.get(0);
		assertThat(environment(manifests, container).keySet()).containsAll(read);
	}

	@ParameterizedTest(name = "{0}: demo feeds, when on, are served where ingest-service may fetch them")
	@MethodSource("overlays")
	void demoFeedsAreFetchableWhereEnabled(String overlay) {
		RenderedManifests manifests = manifests(overlay);
		Map<String, String> env = environment(manifests,
				manifests.one(Deployment.class, "ingest-service")
					.getSpec()
					.getTemplate()
					.getSpec()
					.getContainers()
					.get(0));
		if (Boolean.parseBoolean(env.get("NEWSMON_DEMO_FEEDS"))) {
			assertThat(env.get("NEWSMON_ALLOWED_NETWORKS")).as("the demo feeds are on 127.0.0.1")
				.contains("127.0.0.0/8");
		}
		else {
			assertThat(env.get("NEWSMON_ALLOWED_NETWORKS")).as("no private range exempt in %s", overlay).isEmpty();
		}
	}

	@ParameterizedTest(name = "{0}: a KafkaTopic for every topic of dev.newsmon.events.Topics")
	@MethodSource("overlays")
	void everyTopicHasAKafkaTopic(String overlay) throws IllegalAccessException {
		Map<String, GenericKubernetesResource> topics = new HashMap<>();
		for (GenericKubernetesResource topic : manifests(overlay).custom("KafkaTopic")) {
			topics.put(topic.get("spec", "topicName"), topic);
		}
		Map<String, Boolean> expected = expectedTopics();
		assertThat(topics.keySet()).containsAll(expected.keySet());
		int replicas = overlay.equals("prod") ? 3 : 1;
		for (GenericKubernetesResource topic : topics.values()) {
			String name = topic.get("spec", "topicName");
			assertThat(topic.getMetadata().getLabels()).as(name).containsEntry("strimzi.io/cluster", "newsmon");
			assertThat(topic.<Integer>get("spec", "partitions")).as(name + " partitions").isEqualTo(PARTITIONS);
			assertThat(topic.<Integer>get("spec", "replicas")).as(name + " replicas").isEqualTo(replicas);
			assertThat(topic.<Integer>get("spec", "config", "min.insync.replicas")).as(name + " min.insync.replicas")
				.isEqualTo((replicas == 3) ? 2 : 1);
			assertThat(topic.<Boolean>get("spec", "config", "unclean.leader.election.enable")).as(name).isFalse();
			if (expected.containsKey(name)) {
				assertThat(topic.<String>get("spec", "config", "cleanup.policy")).as(name + " cleanup.policy")
					.isEqualTo(expected.get(name) ? "compact" : "delete");
			}
		}
	}

	@ParameterizedTest(name = "{0}: Kafka in KRaft mode and Elasticsearch with kuromoji and nori")
	@MethodSource("overlays")
	void kafkaAndElasticsearchAreSized(String overlay) {
		RenderedManifests manifests = manifests(overlay);
		int nodes = overlay.equals("prod") ? 3 : 1;
		GenericKubernetesResource kafka = manifests.custom("Kafka").get(0);
		assertThat(kafka.getMetadata().getAnnotations()).containsEntry("strimzi.io/kraft", "enabled")
			.containsEntry("strimzi.io/node-pools", "enabled");
		assertThat(kafka.<Integer>get("spec", "kafka", "config", "min.insync.replicas"))
			.isEqualTo((nodes == 3) ? 2 : 1);
		assertThat(kafka.<Boolean>get("spec", "kafka", "config", "auto.create.topics.enable")).isFalse();
		assertThat(manifests.custom("KafkaNodePool")).singleElement()
			.satisfies((pool) -> assertThat(pool.<Integer>get("spec", "replicas")).isEqualTo(nodes));
		GenericKubernetesResource elasticsearch = manifests.custom("Elasticsearch").get(0);
		assertThat(elasticsearch.<Integer>get("spec", "nodeSets", 0, "count")).isEqualTo(nodes);
		List<String> install = elasticsearch.get("spec", "nodeSets", 0, "podTemplate", "spec", "initContainers", 0,
				"command");
		assertThat(String.join(" ", install)).contains("analysis-kuromoji", "analysis-nori");
		String url = environment(manifests,
				manifests.one(Deployment.class, "search-service")
					.getSpec()
					.getTemplate()
					.getSpec()
					.getContainers()
					.get(0))
			.get("ELASTICSEARCH_URL");
		assertThat(url).isEqualTo("http://" + elasticsearch.getMetadata().getName() + "-es-http:9200");
	}

	@ParameterizedTest(name = "{0}: default deny, and only the flows of DESIGN.md")
	@MethodSource("overlays")
	void networkPoliciesAllowOnlyTheDesignedFlows(String overlay) {
		List<NetworkPolicy> policies = manifests(overlay).all(NetworkPolicy.class);
		assertThat(policies).as("a default-deny policy").anyMatch(NetworkFlows::isDefaultDeny);
		Set<String> flows = new LinkedHashSet<>();
		List<String> unexpected = new ArrayList<>();
		for (NetworkPolicy policy : policies) {
			for (String flow : NetworkFlows.of(policy)) {
				flows.add(flow);
				if (!ALLOWED_FLOWS.containsKey(flow)) {
					unexpected.add(policy.getMetadata().getName() + ": " + flow);
				}
			}
		}
		assertThat(unexpected).as("flows no design allows").isEmpty();
		assertThat(flows).containsAll(REQUIRED_FLOWS);
	}

	@Test
	void prodIsScrapedByPrometheus() {
		List<GenericKubernetesResource> monitors = manifests("prod").custom("ServiceMonitor");
		assertThat(monitors).singleElement()
			.satisfies((monitor) -> assertThat(monitor.<String>get("spec", "endpoints", 0, "path"))
				.isEqualTo("/actuator/prometheus"));
		Map<String, String> env = environment(manifests("prod"),
				manifests("prod").one(Deployment.class, "search-service")
					.getSpec()
					.getTemplate()
					.getSpec()
					.getContainers()
					.get(0));
		assertThat(env.get("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE")).contains("prometheus");
		assertThat(env).containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
	}

	@Test
	void onlyTheDevOverlayCarriesSecretValues() {
		assertThat(manifests("prod").all()).noneMatch((object) -> object.getKind().equals("Secret"));
		assertThat(manifests("dev").all()).filteredOn((object) -> object.getKind().equals("Secret"))
			.extracting((object) -> object.getMetadata().getName())
			.anyMatch((name) -> name.startsWith("newsmon-api-key"))
			.anyMatch((name) -> name.startsWith("newsmon-smtp"));
	}

	private static void assertProbe(Probe probe, String path, String kind) {
		assertThat(probe).as(kind + " probe").isNotNull();
		assertThat(probe.getHttpGet().getPath()).as(kind + " probe path").isEqualTo(path);
	}

	/**
	 * The variables a container gets: its {@code env} and the keys of the ConfigMaps and
	 * Secrets of its {@code envFrom}, when they are part of the rendered overlay.
	 */
	private static Map<String, String> environment(RenderedManifests manifests, Container container) {
		Map<String, String> env = new HashMap<>();
		for (EnvFromSource source : container.getEnvFrom()) {
			if (source.getConfigMapRef() != null) {
				ConfigMap configMap = manifests.one(ConfigMap.class, source.getConfigMapRef().getName());
				env.putAll(configMap.getData());
			}
			if (source.getSecretRef() != null) {
				manifests.named("Secret", source.getSecretRef().getName())
					.ifPresent((secret) -> ((io.fabric8.kubernetes.api.model.Secret) secret).getData()
						.keySet()
						.forEach((key) -> env.put(key, "(secret)")));
			}
		}
		for (EnvVar variable : container.getEnv()) {
			env.put(variable.getName(), (variable.getValue() != null) ? variable.getValue() : "(reference)");
		}
		return env;
	}

	/**
	 * The topic names of {@link Topics}, with the dead-letter topics of the article
	 * topics.
	 * @return whether each topic is compacted, by name
	 */
	private static Map<String, Boolean> expectedTopics() throws IllegalAccessException {
		Map<String, Boolean> topics = new HashMap<>();
		for (Field field : Topics.class.getFields()) {
			if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class
					|| field.getName().equals("DEAD_LETTER_SUFFIX")) {
				continue;
			}
			String name = (String) field.get(null);
			topics.put(name, COMPACTED.contains(field.getName()));
			if (field.getName().startsWith("ARTICLES_")) {
				topics.put(name + Topics.DEAD_LETTER_SUFFIX, false);
			}
		}
		assertThat(topics).as("topics found in %s", Topics.class).hasSizeGreaterThanOrEqualTo(6);
		OTHER_TOPICS.forEach(topics::putIfAbsent);
		return topics;
	}

	private static RenderedManifests manifests(String overlay) {
		return rendered.computeIfAbsent(overlay,
				(name) -> RenderedManifests.render(REPOSITORY.resolve("deploy/k8s/overlays").resolve(name)));
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

	record ServiceCase(String name, int port, List<String> readiness) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}

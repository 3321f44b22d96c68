package dev.newsmon.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One running ingest-service, started in the test's JVM on the real broker, with a feed
 * registry topic and consumer group of the test's own; several may run at once, as
 * replicas.
 */
final class IngestInstance implements AutoCloseable {

	static final String KEY = "integration-test-key";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private final ConfigurableApplicationContext context;

	private final int port;

	private IngestInstance(ConfigurableApplicationContext context) {
		this.context = context;
		this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
	}

	/**
	 * Starts an instance.
	 * @param registry a name of the test's own, for the registry topic and the group
	 * @param name the replica's name, sent in its User-Agent
	 * @param extra further properties
	 * @return the instance
	 */
	static IngestInstance start(String registry, String name, String... extra) {
		List<String> properties = new ArrayList<>(List.of("server.port=0",
				"spring.kafka.bootstrap-servers=" + System.getenv("KAFKA_BOOTSTRAP_SERVERS"), "newsmon.api-key=" + KEY,
				"newsmon.allowed-networks=127.0.0.0/8", "newsmon.ingest.feeds.location=classpath:feeds/none.json",
				"newsmon.ingest.demo.enabled=false", "newsmon.ingest.feeds.topic=" + registry,
				"newsmon.ingest.feeds.group=" + registry,
				"newsmon.ingest.fetch.contact-url=https://" + name + ".invalid/", "newsmon.ingest.poll.host-gap=0s"));
		for (String property : extra) {
			String key = property.substring(0, property.indexOf('='));
			properties.removeIf((existing) -> existing.startsWith(key + "="));
			properties.add(property);
		}
		// as command-line arguments, which win over application.yml
		return new IngestInstance(new SpringApplicationBuilder(IngestApplication.class)
			.run(properties.stream().map((property) -> "--" + property).toArray(String[]::new)));
	}

	JsonNode register(String url, String name) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/feeds"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + KEY)
			.POST(HttpRequest.BodyPublishers.ofString(json
				.writeValueAsString(Map.of("url", url, "name", name, "language", "en", "intervalSeconds", 3600))))
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body());
	}

	JsonNode poll(String feedId) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/feeds/" + feedId + "/poll"))
			.header("Authorization", "Bearer " + KEY)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	HttpResponse<String> send(HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	JsonNode get(String path) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET().build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	@Override
	public void close() {
		this.context.close();
	}

}

package dev.newsmon.search.alert.trend;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.newsmon.search.alert.AlertChannel;
import dev.newsmon.search.alert.AlertSink;
import dev.newsmon.search.alert.Subscription;
import dev.newsmon.search.alert.SubscriptionRegistry;
import dev.newsmon.search.alert.email.EmailChannel;
import dev.newsmon.search.alert.webhook.WebhookChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service starts with the alert channels on the real broker and Elasticsearch
 * (KAFKA_BOOTSTRAP_SERVERS and ELASTICSEARCH_URL), and the trend schedule runs exactly
 * when there is a subscription registry and an alert sink to work with.
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${KAFKA_BOOTSTRAP_SERVERS}",
		"spring.elasticsearch.uris=${ELASTICSEARCH_URL}", "spring.kafka.listener.auto-startup=false" })
class AlertChannelsWiringIntegrationTests {

	private static final String ALIAS = "it-alert-wiring-" + UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	private ApplicationContext context;

	@DynamicPropertySource
	static void runProperties(DynamicPropertyRegistry registry) {
		registry.add("newsmon.search.index.alias", () -> ALIAS);
		registry.add("spring.kafka.consumer.group-id", () -> ALIAS);
	}

	@AfterAll
	static void cleanUp() throws Exception {
		String elasticsearch = System.getenv("ELASTICSEARCH_URL");
		HttpClient http = HttpClient.newHttpClient();
		for (String path : new String[] { "/" + ALIAS + "-v1", "/_index_template/" + ALIAS }) {
			http.send(HttpRequest.newBuilder(URI.create(elasticsearch + path)).DELETE().build(),
					HttpResponse.BodyHandlers.discarding());
		}
	}

	@Test
	void channelsAreFoundByType() {
		Map<Subscription.Channel.Type, Class<?>> channels = this.context.getBeansOfType(AlertChannel.class)
			.values()
			.stream()
			.filter((channel) -> channel instanceof WebhookChannel || channel instanceof EmailChannel)
			.collect(Collectors.toMap(AlertChannel::type, Object::getClass));

		assertThat(channels).containsEntry(Subscription.Channel.Type.WEBHOOK, WebhookChannel.class)
			.containsEntry(Subscription.Channel.Type.EMAIL, EmailChannel.class);
	}

	@Test
	void trendScheduleRunsOnlyWithRegistryAndSink() {
		boolean collaborators = this.context.getBeanProvider(SubscriptionRegistry.class).getIfAvailable() != null
				&& this.context.getBeanProvider(AlertSink.class).getIfAvailable() != null;

		assertThat(this.context.getBean(TrendSchedule.class).isRunning()).isEqualTo(collaborators);
	}

}

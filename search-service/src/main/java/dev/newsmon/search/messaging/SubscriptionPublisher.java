package dev.newsmon.search.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.newsmon.search.alert.Subscription;
import dev.newsmon.search.alert.SubscriptionLog;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes subscriptions to the compacted subscriptions topic, keyed by id, as JSON; a
 * deletion is a tombstone. Each write waits for the acknowledgement of every in-sync
 * replica.
 */
@Component
class SubscriptionPublisher implements SubscriptionLog, DisposableBean {

	private final KafkaTemplate<String, String> template;

	private final DefaultKafkaProducerFactory<String, String> producers;

	private final SubscriptionTopicProperties properties;

	private final JsonMapper json;

	SubscriptionPublisher(KafkaProperties kafka, SubscriptionTopicProperties properties, JsonMapper json) {
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		this.producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer());
		this.template = new KafkaTemplate<>(this.producers);
		this.properties = properties;
		this.json = json;
	}

	@Override
	public void write(Subscription subscription) {
		send(subscription.id(), this.json.writeValueAsString(subscription));
	}

	@Override
	public void delete(String id) {
		send(id, null);
	}

	private void send(String id, String value) {
		try {
			this.template.send(this.properties.topic(), id, value)
				.get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SubscriptionLogException("interrupted while writing subscription " + id, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new SubscriptionLogException("the broker did not acknowledge subscription " + id, ex);
		}
	}

	@Override
	public void destroy() {
		this.producers.destroy();
	}

}

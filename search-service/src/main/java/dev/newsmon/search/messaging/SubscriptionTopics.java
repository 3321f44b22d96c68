package dev.newsmon.search.messaging;

import dev.newsmon.events.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the subscriptions topic when it is not the standard one, which
 * {@link ArticleTopics} declares already: tests use a topic of their own.
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionTopics {

	@Bean
	KafkaAdmin.NewTopics ownSubscriptionTopic(SubscriptionTopicProperties subscriptions,
			KafkaTopicProperties properties) {
		if (subscriptions.topic().equals(Topics.SUBSCRIPTIONS)) {
			return new KafkaAdmin.NewTopics();
		}
		return new KafkaAdmin.NewTopics(TopicBuilder.name(subscriptions.topic())
			.partitions(properties.partitions())
			.replicas(properties.replicationFactor())
			.compact()
			.build());
	}

}

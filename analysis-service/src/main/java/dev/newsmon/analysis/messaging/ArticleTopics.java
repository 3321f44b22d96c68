package dev.newsmon.analysis.messaging;

import dev.newsmon.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares every topic this service reads or writes, with the settings all services
 * share: the broker does not create topics on its own.
 */
@Configuration(proxyBeanMethods = false)
class ArticleTopics {

	@Bean
	KafkaAdmin.NewTopics newsmonTopics(KafkaTopicProperties properties) {
		return new KafkaAdmin.NewTopics(topic(Topics.ARTICLES_FETCHED, properties),
				topic(Topics.ARTICLES_FETCHED + Topics.DEAD_LETTER_SUFFIX, properties),
				topic(Topics.ARTICLES_ANALYZED, properties),
				topic(Topics.ARTICLES_ANALYZED + Topics.DEAD_LETTER_SUFFIX, properties));
	}

	private static NewTopic topic(String name, KafkaTopicProperties properties) {
		return TopicBuilder.name(name)
			.partitions(properties.partitions())
			.replicas(properties.replicationFactor())
			.build();
	}

}

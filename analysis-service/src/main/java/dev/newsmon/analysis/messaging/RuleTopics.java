package dev.newsmon.analysis.messaging;

import dev.newsmon.events.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the compacted topic of rule changes: the latest rule of each topic id is kept
 * for ever, so a replica that starts replays every change in force.
 */
@Configuration(proxyBeanMethods = false)
class RuleTopics {

	static final String RULES = Topics.RULES;

	@Bean
	KafkaAdmin.NewTopics ruleTopic(KafkaTopicProperties properties, RuleLogProperties log) {
		return new KafkaAdmin.NewTopics(TopicBuilder.name(log.topic())
			.partitions(properties.partitions())
			.replicas(properties.replicationFactor())
			.compact()
			.build());
	}

}

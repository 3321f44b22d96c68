package dev.newsmon.ingest.messaging;

import java.util.ArrayList;
import java.util.List;

import dev.newsmon.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares every topic of newsmon with the settings all services share: the broker does
 * not create topics on its own.
 */
@Configuration(proxyBeanMethods = false)
class ArticleTopics {

	@Bean
	KafkaAdmin.NewTopics newsmonTopics(KafkaTopicProperties properties, FeedTopicProperties feeds) {
		List<NewTopic> topics = new ArrayList<>(List.of(topic(Topics.ARTICLES_FETCHED, properties),
				topic(Topics.ARTICLES_FETCHED + Topics.DEAD_LETTER_SUFFIX, properties),
				topic(Topics.ARTICLES_ANALYZED, properties),
				topic(Topics.ARTICLES_ANALYZED + Topics.DEAD_LETTER_SUFFIX, properties),
				compacted(Topics.FEEDS, properties), compacted(Topics.SUBSCRIPTIONS, properties)));
		if (!feeds.topic().equals(Topics.FEEDS)) {
			// a registry of its own, as tests and side-by-side installations use
			topics.add(compacted(feeds.topic(), properties));
		}
		return new KafkaAdmin.NewTopics(topics.toArray(new NewTopic[0]));
	}

	private static NewTopic topic(String name, KafkaTopicProperties properties) {
		return TopicBuilder.name(name)
			.partitions(properties.partitions())
			.replicas(properties.replicationFactor())
			.build();
	}

	private static NewTopic compacted(String name, KafkaTopicProperties properties) {
		return TopicBuilder.name(name)
			.partitions(properties.partitions())
			.replicas(properties.replicationFactor())
			.compact()
			.build();
	}

}

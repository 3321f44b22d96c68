package dev.newsmon.analysis.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How newsmon's topics are created; every service declares them with the same settings.
 *
 * @param partitions the number of partitions of each topic
 * @param replicationFactor the number of replicas of each partition
 */
@ConfigurationProperties("newsmon.kafka")
record KafkaTopicProperties(@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor) {

}

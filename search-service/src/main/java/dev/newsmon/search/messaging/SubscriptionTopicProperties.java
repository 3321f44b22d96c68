package dev.newsmon.search.messaging;

import java.time.Duration;

import dev.newsmon.events.Topics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The subscriptions topic and how it is written and read.
 *
 * @param topic the compacted topic of subscriptions; only tests use another
 * @param sendTimeout how long a write waits for the broker's acknowledgement
 * @param pollTimeout how long one poll of the reader waits for records
 */
@ConfigurationProperties("newsmon.search.subscriptions")
record SubscriptionTopicProperties(@DefaultValue(Topics.SUBSCRIPTIONS) String topic,
		@DefaultValue("10s") Duration sendTimeout, @DefaultValue("500ms") Duration pollTimeout) {

}

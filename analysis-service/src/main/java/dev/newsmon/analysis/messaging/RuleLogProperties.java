package dev.newsmon.analysis.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where rule changes are stored.
 *
 * @param topic the compacted topic of rule changes; tests give theirs a name of its own
 * so that their changes never reach a running service
 * @param replayTimeout how long a start may take to read the rule log to its end
 */
@ConfigurationProperties("newsmon.analysis.rules")
record RuleLogProperties(@DefaultValue(RuleTopics.RULES) String topic, @DefaultValue("60s") Duration replayTimeout) {

}

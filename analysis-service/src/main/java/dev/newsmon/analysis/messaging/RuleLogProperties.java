package dev.newsmon.analysis.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where rule changes are stored.
 *
 * @param topic the compacted topic of rule changes; tests give theirs a name of its own
 * so that their changes never reach a running service
 */
@ConfigurationProperties("newsmon.analysis.rules")
record RuleLogProperties(@DefaultValue(RuleTopics.RULES) String topic) {

}

package dev.newsmon.analysis.topics;

import java.util.stream.Collectors;

import dev.newsmon.analysis.tagging.TopicRule;
import dev.newsmon.analysis.tagging.TopicTagger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rule changes over the bundled rules: the topics of the rule files are the taxonomy.
 */
@Configuration(proxyBeanMethods = false)
class RuleChangesConfiguration {

	@Bean
	RuleChanges ruleChanges(TopicTagger tagger, RuleLog log) {
		return new RuleChanges(tagger, log, tagger.rules().stream().map(TopicRule::id).collect(Collectors.toSet()));
	}

}

package dev.newsmon.analysis.analyze;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of topic tagging.
 *
 * @param rules where the rule files are, as a Spring resource pattern
 * @param gazetteer where the gazetteer of entities is, as a Spring resource location
 */
@ConfigurationProperties("newsmon.analysis.tagging")
record TaggingProperties(@DefaultValue("classpath*:rules/*.json") String rules,
		@DefaultValue("classpath:entities/gazetteer.json") String gazetteer) {

}

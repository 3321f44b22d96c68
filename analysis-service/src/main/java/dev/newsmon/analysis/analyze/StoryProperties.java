package dev.newsmon.analysis.analyze;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of story clustering.
 *
 * @param window how long an article can gather copies into its story
 * @param capacity the most articles remembered, per replica
 * @param maxDistance the largest SimHash distance between copies of a story
 */
@ConfigurationProperties("newsmon.analysis.story")
record StoryProperties(@DefaultValue("48h") Duration window, @DefaultValue("20000") int capacity,
		@DefaultValue("3") int maxDistance) {

}

package dev.newsmon.analysis.analyze;

import java.util.List;

import dev.newsmon.analysis.tagging.TopicMatch;
import dev.newsmon.events.ArticleAnalyzed;

/**
 * What the analysis found in a text.
 *
 * @param language the detected language, ISO 639-1 or {@code und}
 * @param topics the topics, best first
 * @param entities the named entities
 * @param simhash the SimHash of the text
 */
public record Analysis(String language, List<TopicMatch> topics, List<ArticleAnalyzed.Entity> entities, long simhash) {

}

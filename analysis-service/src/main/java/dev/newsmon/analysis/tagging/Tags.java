package dev.newsmon.analysis.tagging;

import java.util.List;

/**
 * What one matching pass found in an article.
 *
 * @param topics the topics, best first
 * @param entities the entities, most mentioned first
 */
public record Tags(List<TopicMatch> topics, List<EntityMatch> entities) {

}

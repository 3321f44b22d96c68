package dev.newsmon.analysis.tagging;

import java.util.List;
import java.util.Map;

/**
 * What one matching pass found in an article.
 *
 * @param topics the topics, best first
 * @param entities the entities, most mentioned first
 * @param cjkWords the words of each Japanese or Korean field that was analysed (such as
 * {@code body_ko}), lower-cased and joined by spaces; a field in neither script is absent
 */
public record Tags(List<TopicMatch> topics, List<EntityMatch> entities, Map<String, String> cjkWords) {

}

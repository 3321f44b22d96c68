package dev.newsmon.analysis.tagging;

import java.util.List;
import java.util.Map;

/**
 * What one matching pass found in an article.
 *
 * @param topics the topics, best first
 * @param entities the entities, most mentioned first
 * @param words the words of each field that was analysed (such as {@code body_ko} or
 * {@code title_en}), lower-cased and joined by spaces; a Japanese or Korean field is
 * present when its section has Han or kana, or Hangul
 */
public record Tags(List<TopicMatch> topics, List<EntityMatch> entities, Map<String, String> words) {

}

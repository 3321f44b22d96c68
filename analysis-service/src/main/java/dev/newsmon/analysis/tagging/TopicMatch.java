package dev.newsmon.analysis.tagging;

import java.util.List;

/**
 * A topic an article is about.
 *
 * @param id the topic id
 * @param score how strongly the article is about the topic, in [0, 1]
 * @param evidence the matches that gave the score, title first
 */
public record TopicMatch(String id, double score, List<Evidence> evidence) {

}

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
 * @param minSimilarity the least weighted cosine similarity of the titles and leads of
 * two reports of one event in one language published at the same time; above 1 links
 * near-duplicates only
 * @param similarityRisePerDay how much {@code minSimilarity} rises per day between two
 * reports
 * @param priorArticles how many articles without a given word the word weights assume
 * besides those of the window, so that a nearly empty window does not weigh every word
 * alike
 */
@ConfigurationProperties("newsmon.analysis.story")
record StoryProperties(@DefaultValue("48h") Duration window, @DefaultValue("20000") int capacity,
		@DefaultValue("3") int maxDistance, @DefaultValue("0.30") double minSimilarity,
		@DefaultValue("0.20") double similarityRisePerDay, @DefaultValue("20") int priorArticles) {

}

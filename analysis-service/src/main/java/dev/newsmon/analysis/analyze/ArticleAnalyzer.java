package dev.newsmon.analysis.analyze;

import java.time.Clock;
import java.util.List;

import dev.newsmon.analysis.language.LanguageDetection;
import dev.newsmon.analysis.story.SimHash;
import dev.newsmon.analysis.story.StoryClusters;
import dev.newsmon.analysis.tagging.Tags;
import dev.newsmon.analysis.tagging.TopicTagger;
import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.ArticleFetched;

/**
 * Analyses articles: language, topics with evidence, entities, SimHash and story. Plain
 * Java, shared by the Kafka pipeline and the HTTP endpoint.
 */
public class ArticleAnalyzer {

	// language statistics settle long before this (a title and a lead); lingua's cost
	// grows with the text, and was the largest part of the analysis at 2,000
	private static final int LANGUAGE_SAMPLE = 400;

	private final LanguageDetection languages;

	private final TopicTagger tagger;

	private final StoryClusters stories;

	private final Clock clock;

	public ArticleAnalyzer(LanguageDetection languages, TopicTagger tagger, StoryClusters stories, Clock clock) {
		this.languages = languages;
		this.tagger = tagger;
		this.stories = stories;
		this.clock = clock;
	}

	/**
	 * Analyses a text without remembering it.
	 * @param title the title
	 * @param summary the summary, possibly empty
	 * @param body the body, possibly empty
	 * @param languageHint the declared language, or {@code null}
	 * @return the analysis
	 */
	public Analysis analyze(String title, String summary, String body, String languageHint) {
		String safeTitle = (title != null) ? title : "";
		String safeBody = (body != null) ? body : "";
		// feeds often repeat the summary as the start of the body: count it once
		String safeSummary = (summary == null || safeBody.contains(summary.strip())) ? "" : summary;
		String all = String.join("\n", safeTitle, safeSummary, safeBody);
		String language = this.languages.detect(all.substring(0, Math.min(all.length(), LANGUAGE_SAMPLE)),
				languageHint);
		Tags tags = this.tagger.analyse(safeTitle, safeSummary, safeBody);
		List<ArticleAnalyzed.Entity> entities = tags.entities()
			.stream()
			.map((entity) -> new ArticleAnalyzed.Entity(entity.id(), entity.type(), entity.name()))
			.toList();
		return new Analysis(language, tags.topics(), entities, SimHash.of(all));
	}

	/**
	 * Analyses a fetched article and places it in its story.
	 * @param article the article
	 * @return the event that reports the analysis
	 */
	public ArticleAnalyzed analyze(ArticleFetched article) {
		Analysis analysis = analyze(article.title(), article.summary(), article.body(), article.languageHint());
		String clusterId = this.stories.clusterOf(article.articleId(), analysis.simhash());
		List<ArticleAnalyzed.TopicTag> topics = analysis.topics()
			.stream()
			.map((topic) -> new ArticleAnalyzed.TopicTag(topic.id(), topic.score(),
					topic.evidence()
						.stream()
						.map((e) -> new ArticleAnalyzed.Evidence(e.field(), e.term(), e.text(), e.start(), e.end()))
						.toList()))
			.toList();
		return new ArticleAnalyzed(ArticleAnalyzed.SCHEMA_VERSION, article, analysis.language(), topics,
				analysis.entities(), analysis.simhash(), clusterId, this.clock.instant());
	}

}

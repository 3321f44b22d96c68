package dev.newsmon.analysis.analyze;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	// the lead of a report names its event: who, what, where, when, how many
	private static final int LEAD_WORDS = 80;

	// bounds the story window's memory: about 100 words of 20,000 articles
	private static final int MAX_STORY_TERMS = 100;

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
		return analyzeText(title, summary, body, languageHint).analysis();
	}

	private Result analyzeText(String title, String summary, String body, String languageHint) {
		Sections sections = Sections.of(title, summary, body);
		String all = String.join("\n", sections.title(), sections.summary(), sections.body());
		String language = this.languages.detect(all.substring(0, Math.min(all.length(), LANGUAGE_SAMPLE)),
				languageHint);
		Tags tags = this.tagger.analyse(sections.title(), sections.summary(), sections.body());
		List<ArticleAnalyzed.Entity> entities = tags.entities()
			.stream()
			.map((entity) -> new ArticleAnalyzed.Entity(entity.id(), entity.type(), entity.name()))
			.toList();
		return new Result(new Analysis(language, tags.topics(), entities, SimHash.of(all)),
				cjkWords(tags.words(), language), storyTerms(tags.words(), entities));
	}

	/**
	 * The words that name an article's event: its entities, then the words of its title,
	 * summary and the start of its body, in every analyser that read them, at most
	 * {@value #MAX_STORY_TERMS} in all. Single Latin letters say nothing; numbers stay
	 * (figures and dates tell events apart).
	 */
	static List<String> storyTerms(Map<String, String> words, List<ArticleAnalyzed.Entity> entities) {
		Set<String> terms = new LinkedHashSet<>();
		entities.forEach((entity) -> terms.add("entity:" + entity.id()));
		for (String section : List.of("title", "summary", "body")) {
			List<String> fields = words.keySet()
				.stream()
				.filter((field) -> field.startsWith(section + "_"))
				.sorted()
				.toList();
			for (String field : fields) {
				String text = words.get(field);
				String[] split = text.isEmpty() ? new String[0] : text.split(" ");
				int limit = section.equals("title") ? split.length : Math.min(split.length, LEAD_WORDS);
				for (int i = 0; i < limit && terms.size() < MAX_STORY_TERMS; i++) {
					String word = split[i];
					if (word.length() > 1 || !isLatinLetter(word.charAt(0))) {
						terms.add(word);
					}
				}
			}
		}
		return List.copyOf(terms);
	}

	private static boolean isLatinLetter(char c) {
		return c < 0x250 && Character.isLetter(c);
	}

	/**
	 * The words of an article in a known language, as {@link #analyze(ArticleFetched)}
	 * sends them.
	 * @param title the title
	 * @param summary the summary, possibly {@code null}
	 * @param body the body, possibly {@code null}
	 * @param language the article's language
	 * @return the words
	 */
	ArticleAnalyzed.CjkWords cjkWords(String title, String summary, String body, String language) {
		Sections sections = Sections.of(title, summary, body);
		return cjkWords(this.tagger.analyse(sections.title(), sections.summary(), sections.body()).words(), language);
	}

	/**
	 * The words of each section as the event contract's segmenter has them: the section's
	 * words in the article's language when it is Japanese or Korean and the section is
	 * written in its script, else the Korean words, else the Japanese ones.
	 */
	private static ArticleAnalyzed.CjkWords cjkWords(Map<String, String> words, String language) {
		String[] sections = new String[3];
		int i = 0;
		for (String section : List.of("title", "summary", "body")) {
			String own = ("ja".equals(language) || "ko".equals(language)) ? words.get(section + "_" + language) : null;
			String korean = words.get(section + "_ko");
			String japanese = words.get(section + "_ja");
			sections[i++] = (own != null) ? own : (korean != null) ? korean : (japanese != null) ? japanese : "";
		}
		return new ArticleAnalyzed.CjkWords(ArticleAnalyzed.CjkWords.SEGMENTER, sections[0], sections[1], sections[2]);
	}

	/**
	 * Analyses a fetched article and places it in its story.
	 * @param article the article
	 * @return the event that reports the analysis
	 */
	public ArticleAnalyzed analyze(ArticleFetched article) {
		Result result = analyzeText(article.title(), article.summary(), article.body(), article.languageHint());
		Analysis analysis = result.analysis();
		String clusterId = this.stories.clusterOf(article.articleId(), analysis.simhash(), analysis.language(),
				result.storyTerms(), (article.publishedAt() != null) ? article.publishedAt() : article.fetchedAt());
		List<ArticleAnalyzed.TopicTag> topics = analysis.topics()
			.stream()
			.map((topic) -> new ArticleAnalyzed.TopicTag(topic.id(), topic.score(),
					topic.evidence()
						.stream()
						.map((e) -> new ArticleAnalyzed.Evidence(e.field(), e.term(), e.text(), e.start(), e.end()))
						.toList()))
			.toList();
		return new ArticleAnalyzed(ArticleAnalyzed.SCHEMA_VERSION, article, analysis.language(), topics,
				analysis.entities(), analysis.simhash(), clusterId, this.clock.instant(), result.cjkWords());
	}

	private record Result(Analysis analysis, ArticleAnalyzed.CjkWords cjkWords, List<String> storyTerms) {

	}

	/**
	 * The sections of an article as they are analysed: never {@code null}, and no summary
	 * when the body repeats it (feeds often start the body with the summary: count it
	 * once).
	 */
	private record Sections(String title, String summary, String body) {

		static Sections of(String title, String summary, String body) {
			String safeBody = (body != null) ? body : "";
			String safeSummary = (summary == null || safeBody.contains(summary.strip())) ? "" : summary;
			return new Sections((title != null) ? title : "", safeSummary, safeBody);
		}

	}

}

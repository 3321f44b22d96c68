package dev.newsmon.analysis.analyze;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.newsmon.analysis.language.LanguageDetection;
import dev.newsmon.analysis.story.StoryClusters;
import dev.newsmon.analysis.tagging.TopicTagger;
import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.ArticleFetched;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Runs a labelled set of reports through the analysis in order of publication, as the
 * service would see them, and counts pairs: two reports of one labelled story that got
 * one clusterId are a true positive, two reports of different stories that got one are a
 * false positive.
 *
 * @param articles the reports with the story they were labelled with and the clusterId
 * they got
 * @param truePositives pairs of one story in one cluster
 * @param falsePositives pairs of different stories in one cluster
 * @param falseNegatives pairs of one story in different clusters
 */
record StoryEvaluation(List<Labelled> articles, int truePositives, int falsePositives, int falseNegatives) {

	double precision() {
		return (this.truePositives + this.falsePositives == 0) ? 1.0
				: (double) this.truePositives / (this.truePositives + this.falsePositives);
	}

	double recall() {
		return (this.truePositives + this.falseNegatives == 0) ? 1.0
				: (double) this.truePositives / (this.truePositives + this.falseNegatives);
	}

	/**
	 * The pairs in one cluster that the labels put in different stories.
	 * @return a line per wrongly joined pair
	 */
	List<String> wrongMerges() {
		List<String> wrong = new ArrayList<>();
		for (int i = 0; i < this.articles.size(); i++) {
			for (int j = i + 1; j < this.articles.size(); j++) {
				Labelled a = this.articles.get(i);
				Labelled b = this.articles.get(j);
				if (a.clusterId().equals(b.clusterId())
						&& !(a.story() + a.language()).equals(b.story() + b.language())) {
					wrong.add(a.id() + " (" + a.story() + ") + " + b.id() + " (" + b.story() + ")");
				}
			}
		}
		return wrong;
	}

	String report(String name) {
		StringBuilder out = new StringBuilder();
		out.append(
				String.format(
						"%s: %d reports, pairs: %d right, %d wrongly joined, %d missed; "
								+ "precision %.3f, recall %.3f%n",
						name, this.articles.size(), this.truePositives, this.falsePositives, this.falseNegatives,
						precision(), recall()));
		Map<String, List<String>> clusters = new LinkedHashMap<>();
		this.articles.forEach((article) -> clusters.computeIfAbsent(article.clusterId(), (c) -> new ArrayList<>())
			.add(article.id() + "[" + article.story() + "]"));
		clusters.values().forEach((members) -> out.append("  ").append(String.join(" ", members)).append('\n'));
		return out.toString();
	}

	static StoryEvaluation of(TopicTagger tagger, String resource) {
		return of(tagger, resource, Map.of());
	}

	/**
	 * Evaluates the service's story settings, the defaults as the service binds them.
	 * @param tagger the tagger
	 * @param resource the labelled set
	 * @param settings settings that replace defaults, such as
	 * {@code similarity-rise-per-day}
	 * @return the evaluation
	 */
	static StoryEvaluation of(TopicTagger tagger, String resource, Map<String, String> settings) {
		List<JsonNode> reports = read(resource);
		reports.sort(Comparator.comparing((JsonNode report) -> Instant.parse(report.get("publishedAt").stringValue())));
		SettableClock clock = new SettableClock();
		Map<String, String> properties = new LinkedHashMap<>();
		settings.forEach((name, value) -> properties.put("newsmon.analysis.story." + name, value));
		StoryProperties story = new Binder(new MapConfigurationPropertySource(properties))
			.bindOrCreate("newsmon.analysis.story", StoryProperties.class);
		ArticleAnalyzer analyzer = new ArticleAnalyzer(LanguageDetection.create(true), tagger,
				new StoryClusters(clock, story.window(), story.capacity(), story.maxDistance(), story.minSimilarity(),
						story.similarityRisePerDay(), story.priorArticles()),
				clock);
		List<Labelled> articles = new ArrayList<>();
		for (JsonNode report : reports) {
			Instant published = Instant.parse(report.get("publishedAt").stringValue());
			clock.now = published;
			String id = report.get("id").stringValue();
			ArticleFetched article = new ArticleFetched(1, id, "https://example.org/" + id, "feed-eval", "Eval",
					report.get("title").stringValue(), "", report.get("body").stringValue(), null, List.of(),
					report.get("lang").stringValue(), published, published, "", List.of());
			ArticleAnalyzed analyzed = analyzer.analyze(article);
			articles.add(new Labelled(id, report.get("lang").stringValue(), report.get("story").stringValue(),
					analyzed.clusterId()));
		}
		int truePositives = 0;
		int falsePositives = 0;
		int falseNegatives = 0;
		for (int i = 0; i < articles.size(); i++) {
			for (int j = i + 1; j < articles.size(); j++) {
				// stories are linked within a language (ADR 0010): pairs across languages
				// are not counted
				if (!articles.get(i).language().equals(articles.get(j).language())) {
					continue;
				}
				boolean sameStory = articles.get(i).story().equals(articles.get(j).story());
				boolean sameCluster = articles.get(i).clusterId().equals(articles.get(j).clusterId());
				if (sameStory && sameCluster) {
					truePositives++;
				}
				else if (sameCluster) {
					falsePositives++;
				}
				else if (sameStory) {
					falseNegatives++;
				}
			}
		}
		return new StoryEvaluation(articles, truePositives, falsePositives, falseNegatives);
	}

	private static List<JsonNode> read(String resource) {
		JsonMapper json = JsonMapper.builder().build();
		List<JsonNode> reports = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(StoryEvaluation.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
			reader.lines().filter((line) -> !line.isBlank()).forEach((line) -> reports.add(json.readTree(line)));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return reports;
	}

	/**
	 * A report, the story it was labelled with and the cluster it got.
	 *
	 * @param id the report's id
	 * @param language the report's language
	 * @param story the labelled story
	 * @param clusterId the cluster the analysis gave it
	 */
	record Labelled(String id, String language, String story, String clusterId) {

	}

	private static final class SettableClock extends Clock {

		private Instant now = Instant.EPOCH;

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}

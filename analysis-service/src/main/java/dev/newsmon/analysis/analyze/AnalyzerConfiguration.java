package dev.newsmon.analysis.analyze;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

import dev.newsmon.analysis.language.LanguageDetection;
import dev.newsmon.analysis.story.StoryClusters;
import dev.newsmon.analysis.tagging.GazetteerParser;
import dev.newsmon.analysis.tagging.RuleParser;
import dev.newsmon.analysis.tagging.TopicTagger;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Builds the analysis from its plain-Java parts and loads the rule files and the
 * gazetteer at start-up; a bad file stops the start with a message naming the rule and
 * the field.
 */
@Configuration(proxyBeanMethods = false)
class AnalyzerConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	LanguageDetection languageDetection(LanguageProperties properties) {
		return LanguageDetection.create(properties.lowAccuracy());
	}

	@Bean(destroyMethod = "close")
	TopicTagger topicTagger(TaggingProperties properties) throws IOException {
		TopicTagger tagger = new TopicTagger();
		RuleParser parser = new RuleParser();
		Resource[] files = new PathMatchingResourcePatternResolver().getResources(properties.rules());
		Arrays.sort(files, Comparator.comparing(Resource::getFilename, Comparator.nullsFirst(String::compareTo)));
		for (Resource file : files) {
			try (InputStream in = file.getInputStream()) {
				tagger.register(parser.parse(file.getFilename(), in));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read rule file " + file, ex);
			}
		}
		if (tagger.rules().isEmpty()) {
			throw new IllegalStateException("No rule files found at " + properties.rules());
		}
		Resource gazetteer = new PathMatchingResourcePatternResolver().getResource(properties.gazetteer());
		try (InputStream in = gazetteer.getInputStream()) {
			tagger.registerEntities(new GazetteerParser().parse(properties.gazetteer(), in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the gazetteer " + properties.gazetteer(), ex);
		}
		return tagger;
	}

	@Bean
	StoryClusters storyClusters(Clock clock, StoryProperties properties) {
		return new StoryClusters(clock, properties.window(), properties.capacity(), properties.maxDistance(),
				properties.minSimilarity(), properties.similarityRisePerDay(), properties.priorArticles());
	}

	/**
	 * How articles find their stories ({@code newsmon.analysis.stories}, tagged
	 * {@code link}: near-duplicate, same-event, new-story) and how many the window holds:
	 * what an operator watches when tuning {@code newsmon.analysis.story.*}.
	 */
	@Bean
	MeterBinder storyMetrics(StoryClusters stories) {
		return (registry) -> {
			for (StoryClusters.Link link : StoryClusters.Link.values()) {
				FunctionCounter.builder("newsmon.analysis.stories", stories, (clusters) -> clusters.count(link))
					.description("Articles placed in a story, by how they found it")
					.tag("link", link.name().toLowerCase(Locale.ROOT).replace('_', '-'))
					.register(registry);
			}
			Gauge.builder("newsmon.analysis.stories.window", stories, StoryClusters::size)
				.description("Articles in the story window of this replica")
				.register(registry);
		};
	}

	@Bean
	ArticleAnalyzer articleAnalyzer(LanguageDetection languageDetection, TopicTagger topicTagger,
			StoryClusters storyClusters, Clock clock) {
		return new ArticleAnalyzer(languageDetection, topicTagger, storyClusters, clock);
	}

}

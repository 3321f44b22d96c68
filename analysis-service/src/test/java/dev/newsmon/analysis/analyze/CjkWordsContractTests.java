package dev.newsmon.analysis.analyze;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.newsmon.analysis.language.LanguageDetection;
import dev.newsmon.analysis.story.StoryClusters;
import dev.newsmon.analysis.tagging.TopicTagger;
import dev.newsmon.events.ArticleAnalyzed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words sent in {@link ArticleAnalyzed#cjkWords()} are those of the contract's
 * examples, which search-service checks its own segmenter against: search-service can
 * then store them without segmenting the text again.
 */
class CjkWordsContractTests {

	private static TopicTagger tagger;

	private static ArticleAnalyzer analyzer;

	@BeforeAll
	static void analyzer() {
		tagger = new TopicTagger();
		analyzer = new ArticleAnalyzer(LanguageDetection.create(true), tagger,
				new StoryClusters(Clock.systemUTC(), Duration.ofHours(1), 10, 3), Clock.systemUTC());
	}

	@AfterAll
	static void close() {
		tagger.close();
	}

	@ParameterizedTest
	@MethodSource("examples")
	void wordsAreThoseOfTheContract(JsonNode example) {
		ArticleAnalyzed.CjkWords words = analyzer.cjkWords(example.get("title").stringValue(),
				example.get("summary").stringValue(), example.get("body").stringValue(),
				example.get("language").stringValue());
		JsonNode expected = example.get("words");
		assertThat(words.segmenter()).isEqualTo(ArticleAnalyzed.CjkWords.SEGMENTER);
		assertThat(words.title()).isEqualTo(expected.get("title").stringValue());
		assertThat(words.summary()).isEqualTo(expected.get("summary").stringValue());
		assertThat(words.body()).isEqualTo(expected.get("body").stringValue());
	}

	static List<JsonNode> examples() throws Exception {
		List<JsonNode> examples = new ArrayList<>();
		JsonMapper json = JsonMapper.builder().build();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				ArticleAnalyzed.class.getResourceAsStream("cjk-words.jsonl"), StandardCharsets.UTF_8))) {
			reader.lines().filter((line) -> !line.isBlank()).forEach((line) -> examples.add(json.readTree(line)));
		}
		assertThat(examples).hasSizeGreaterThan(5);
		return examples;
	}

}

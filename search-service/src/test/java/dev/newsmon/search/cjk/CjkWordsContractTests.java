package dev.newsmon.search.cjk;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.newsmon.events.ArticleAnalyzed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This service segments articles and queries exactly as the contract's examples say,
 * which analysis-service checks its own words against: words that analysis-service sends
 * can then be stored as they are, and queries still find them.
 */
class CjkWordsContractTests {

	private static final CjkTokenizer tokenizer = new CjkTokenizer();

	@ParameterizedTest
	@MethodSource("examples")
	void wordsAreThoseOfTheContract(JsonNode example) {
		ArticleAnalyzed.CjkWords words = tokenizer.words(example.get("title").stringValue(),
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

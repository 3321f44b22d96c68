package dev.newsmon.analysis.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the rules on the labelled development set (src/test/resources/eval) and fails
 * the build when micro-averaged precision, recall or F1 fall below the floors reached.
 * Prints the per-topic and per-language table and every disagreement.
 */
class TaggingEvaluationTests {

	private static TopicTagger tagger;

	@BeforeAll
	static void createTagger() {
		tagger = Rules.tagger();
	}

	@AfterAll
	static void closeTagger() {
		tagger.close();
	}

	@Test
	void developmentSetReachesTheFloors() throws IOException {
		List<Labelled> articles = read("/eval/tagging-dev.jsonl");
		Counts overall = new Counts();
		Map<String, Counts> byTopic = new TreeMap<>();
		Map<String, Counts> byLanguage = new TreeMap<>();
		List<String> disagreements = new ArrayList<>();
		for (Labelled article : articles) {
			Set<String> predicted = new HashSet<>();
			Map<String, TopicMatch> matches = new TreeMap<>();
			for (TopicMatch match : tagger.tag(article.title(), "", article.body())) {
				predicted.add(match.id());
				matches.put(match.id(), match);
			}
			Set<String> all = new HashSet<>(predicted);
			all.addAll(article.topics());
			for (String topic : all) {
				boolean expected = article.topics().contains(topic);
				boolean got = predicted.contains(topic);
				overall.add(expected, got);
				byTopic.computeIfAbsent(topic, (t) -> new Counts()).add(expected, got);
				byLanguage.computeIfAbsent(article.language(), (l) -> new Counts()).add(expected, got);
				if (expected != got) {
					disagreements.add(((got) ? "FP " : "FN ") + topic + " " + article.id() + " " + article.title()
							+ ((got) ? "\n    " + matches.get(topic) : ""));
				}
			}
		}
		StringBuilder report = new StringBuilder(
				"\n%-24s %5s %5s %5s %9s %6s %6s%n".formatted("topic", "tp", "fp", "fn", "precision", "recall", "f1"));
		byTopic.forEach((topic, counts) -> report.append(counts.row(topic)));
		byLanguage.forEach((language, counts) -> report.append(counts.row("language " + language)));
		report.append(overall.row("micro average"));
		disagreements.forEach((line) -> report.append(line).append('\n'));
		System.out.println(report);
		assertThat(overall.precision()).isGreaterThanOrEqualTo(0.95);
		assertThat(overall.recall()).isGreaterThanOrEqualTo(0.95);
		assertThat(overall.f1()).isGreaterThanOrEqualTo(0.95);
	}

	private static List<Labelled> read(String resource) throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		List<Labelled> articles = new ArrayList<>();
		try (InputStream in = TaggingEvaluationTests.class.getResourceAsStream(resource)) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank()) {
					continue;
				}
				JsonNode node = mapper.readTree(line);
				List<String> topics = new ArrayList<>();
				node.get("topics").forEach((topic) -> topics.add(topic.stringValue()));
				articles.add(new Labelled(node.get("id").stringValue(), node.get("lang").stringValue(),
						node.get("title").stringValue(), node.get("body").stringValue(), Set.copyOf(topics)));
			}
		}
		return articles;
	}

	record Labelled(String id, String language, String title, String body, Set<String> topics) {

	}

	static final class Counts {

		int truePositives;

		int falsePositives;

		int falseNegatives;

		void add(boolean expected, boolean got) {
			if (expected && got) {
				this.truePositives++;
			}
			else if (got) {
				this.falsePositives++;
			}
			else if (expected) {
				this.falseNegatives++;
			}
		}

		double precision() {
			int predicted = this.truePositives + this.falsePositives;
			return (predicted != 0) ? (double) this.truePositives / predicted : 1.0;
		}

		double recall() {
			int expected = this.truePositives + this.falseNegatives;
			return (expected != 0) ? (double) this.truePositives / expected : 1.0;
		}

		double f1() {
			double sum = precision() + recall();
			return (sum != 0) ? 2 * precision() * recall() / sum : 0;
		}

		String row(String name) {
			return "%-24s %5d %5d %5d %9.3f %6.3f %6.3f%n".formatted(name, this.truePositives, this.falsePositives,
					this.falseNegatives, precision(), recall(), f1());
		}

	}

}

package dev.newsmon.analysis.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Precision and recall of a tagger on a labelled set: micro-averaged, per topic, per
 * language, with every disagreement and the confusions between topics.
 */
final class Evaluation {

	final Counts overall = new Counts();

	final Map<String, Counts> byTopic = new TreeMap<>();

	final Map<String, Counts> byLanguage = new TreeMap<>();

	/** Per language, then per topic. */
	final Map<String, Map<String, Counts>> byLanguageAndTopic = new TreeMap<>();

	/** Articles with no label that got a topic. */
	final List<String> taggedNegatives = new ArrayList<>();

	/**
	 * "expected -> predicted instead" counts, for articles that missed one topic and got
	 * another.
	 */
	final Map<String, Integer> confusions = new TreeMap<>();

	final List<String> disagreements = new ArrayList<>();

	int articles;

	int negatives;

	static Evaluation of(TopicTagger tagger, List<Labelled> articles) {
		Evaluation evaluation = new Evaluation();
		for (Labelled article : articles) {
			evaluation.add(article, tagger.tag(article.title(), "", article.body()));
		}
		return evaluation;
	}

	private void add(Labelled article, List<TopicMatch> tagged) {
		this.articles++;
		Set<String> predicted = new HashSet<>();
		Map<String, TopicMatch> matches = new TreeMap<>();
		for (TopicMatch match : tagged) {
			predicted.add(match.id());
			matches.put(match.id(), match);
		}
		if (article.topics().isEmpty()) {
			this.negatives++;
			if (!predicted.isEmpty()) {
				this.taggedNegatives.add(article.id() + " " + predicted);
			}
		}
		Set<String> all = new TreeSet<>(predicted);
		all.addAll(article.topics());
		for (String topic : all) {
			boolean expected = article.topics().contains(topic);
			boolean got = predicted.contains(topic);
			this.overall.add(expected, got);
			this.byTopic.computeIfAbsent(topic, (t) -> new Counts()).add(expected, got);
			this.byLanguage.computeIfAbsent(article.language(), (l) -> new Counts()).add(expected, got);
			this.byLanguageAndTopic.computeIfAbsent(article.language(), (l) -> new TreeMap<>())
				.computeIfAbsent(topic, (t) -> new Counts())
				.add(expected, got);
			if (expected != got) {
				this.disagreements.add(((got) ? "FP " : "FN ") + topic + " " + article.id() + " " + article.title()
						+ ((got) ? "\n    " + matches.get(topic) : ""));
			}
		}
		for (String missed : article.topics()) {
			if (!predicted.contains(missed)) {
				for (String extra : predicted) {
					if (!article.topics().contains(extra)) {
						this.confusions.merge(missed + " -> " + extra, 1, Integer::sum);
					}
				}
			}
		}
	}

	String report(String name) {
		StringBuilder report = new StringBuilder(
				"\n== " + name + ": " + this.articles + " articles, " + this.negatives + " without a topic\n");
		report.append(
				"%-28s %5s %5s %5s %9s %6s %6s%n".formatted("topic", "tp", "fp", "fn", "precision", "recall", "f1"));
		this.byTopic.forEach((topic, counts) -> report.append(counts.row(topic)));
		this.byLanguage.forEach((language, counts) -> report.append(counts.row("language " + language)));
		report.append(this.overall.row("micro average"));
		report.append("\nper language and topic (f1):\n");
		this.byLanguageAndTopic.forEach((language, topics) -> {
			report.append("  ").append(language).append(':');
			topics.forEach((topic, counts) -> report.append(" %s=%.2f".formatted(topic, counts.f1())));
			report.append('\n');
		});
		report.append("\nhard negatives tagged: ").append(this.taggedNegatives).append('\n');
		report.append("confusions (missed -> tagged instead): ").append(this.confusions).append('\n');
		this.disagreements.forEach((line) -> report.append(line).append('\n'));
		return report.toString();
	}

	static List<Labelled> read(String resource) {
		try (InputStream in = Evaluation.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No labelled set at " + resource);
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Labelled> read(Path file) {
		try {
			return parse(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Labelled> parse(String jsonl) {
		JsonMapper mapper = JsonMapper.builder().build();
		List<Labelled> articles = new ArrayList<>();
		for (String line : jsonl.split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode node = mapper.readTree(line);
			List<String> topics = new ArrayList<>();
			node.get("topics").forEach((topic) -> topics.add(topic.stringValue()));
			articles.add(new Labelled(node.get("id").stringValue(), node.get("lang").stringValue(),
					node.get("title").stringValue(), node.get("body").stringValue(), Set.copyOf(topics)));
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
			return "%-28s %5d %5d %5d %9.3f %6.3f %6.3f%n".formatted(name, this.truePositives, this.falsePositives,
					this.falseNegatives, precision(), recall(), f1());
		}

	}

}

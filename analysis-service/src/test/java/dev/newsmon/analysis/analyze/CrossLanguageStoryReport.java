package dev.newsmon.analysis.analyze;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.newsmon.analysis.tagging.Rules;
import dev.newsmon.analysis.tagging.Tags;
import dev.newsmon.analysis.tagging.TopicTagger;
import dev.newsmon.events.ArticleAnalyzed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Would stories link across languages on what the languages share? For every pair of
 * reports in different languages of the labelled story sets, the IDF-weighted cosine of
 * their language-independent story words (gazetteer entities, numbers, Latin words such
 * as acronyms), printed for pairs of one event (lowest first) and of different events
 * (highest first). ADR 0010 cites the result. Run with
 * {@code deploy/local/bench.sh analysis-service dev.newsmon.analysis.analyze.CrossLanguageStoryReport}.
 */
public final class CrossLanguageStoryReport {

	private CrossLanguageStoryReport() {
	}

	public static void main(String[] args) {
		TopicTagger tagger = Rules.tagger();
		try {
			for (String set : List.of("/eval/stories-dev.jsonl", "/eval/stories-fresh.jsonl")) {
				report(tagger, set);
			}
		}
		finally {
			tagger.close();
		}
	}

	private static void report(TopicTagger tagger, String set) {
		List<JsonNode> reports = read(set);
		List<Set<String>> features = new ArrayList<>();
		for (JsonNode report : reports) {
			Tags tags = tagger.analyse(report.get("title").stringValue(), "", report.get("body").stringValue());
			List<ArticleAnalyzed.Entity> entities = tags.entities()
				.stream()
				.map((entity) -> new ArticleAnalyzed.Entity(entity.id(), entity.type(), entity.name()))
				.toList();
			Set<String> shared = new HashSet<>();
			for (String term : ArticleAnalyzer.storyTerms(tags.words(), entities)) {
				if (term.startsWith("entity:") || term.matches("[0-9][0-9.,]*") || term.matches("[a-z][a-z0-9.]+")) {
					shared.add(term);
				}
			}
			features.add(shared);
		}
		Map<String, Integer> frequency = new HashMap<>();
		features.forEach((terms) -> terms.forEach((term) -> frequency.merge(term, 1, Integer::sum)));
		int n = features.size();
		List<Map.Entry<Double, String>> same = new ArrayList<>();
		List<Map.Entry<Double, String>> different = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				if (reports.get(i).get("lang").equals(reports.get(j).get("lang"))) {
					continue;
				}
				double dot = 0;
				double a = 0;
				double b = 0;
				for (String term : features.get(i)) {
					double weight = Math.log((n + 1.0) / (frequency.get(term) + 1.0));
					a += weight * weight;
					if (features.get(j).contains(term)) {
						dot += weight * weight;
					}
				}
				for (String term : features.get(j)) {
					double weight = Math.log((n + 1.0) / (frequency.get(term) + 1.0));
					b += weight * weight;
				}
				double cosine = (a > 0 && b > 0) ? dot / Math.sqrt(a * b) : 0;
				Set<String> common = new HashSet<>(features.get(i));
				common.retainAll(features.get(j));
				String pair = reports.get(i).get("id").stringValue() + " " + reports.get(j).get("id").stringValue()
						+ " " + common;
				boolean oneEvent = reports.get(i).get("story").equals(reports.get(j).get("story"));
				(oneEvent ? same : different).add(Map.entry(cosine, pair));
			}
		}
		same.sort(Map.Entry.comparingByKey());
		different.sort(Map.Entry.<Double, String>comparingByKey().reversed());
		System.out.printf("%s: %d pairs across languages of one event, %d of different events%n", set, same.size(),
				different.size());
		System.out.printf("  one event: %d of %d below 0.10; the lowest:%n",
				same.stream().filter((pair) -> pair.getKey() < 0.10).count(), same.size());
		same.stream().limit(5).forEach((pair) -> System.out.printf("    %.2f %s%n", pair.getKey(), pair.getValue()));
		System.out.printf("  different events: %d of %d at 0.40 or more; the highest:%n",
				different.stream().filter((pair) -> pair.getKey() >= 0.40).count(), different.size());
		different.stream()
			.limit(5)
			.forEach((pair) -> System.out.printf("    %.2f %s%n", pair.getKey(), pair.getValue()));
	}

	private static List<JsonNode> read(String resource) {
		JsonMapper json = JsonMapper.builder().build();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				CrossLanguageStoryReport.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
			return reader.lines().filter((line) -> !line.isBlank()).map(json::readTree).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

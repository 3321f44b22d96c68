package dev.newsmon.analysis.analyze;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.newsmon.analysis.language.LanguageDetection;
import dev.newsmon.analysis.story.StoryClusters;
import dev.newsmon.analysis.tagging.GazetteerParser;
import dev.newsmon.analysis.tagging.RuleParser;
import dev.newsmon.analysis.tagging.TopicTagger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the full analysis (language, topics with scores and evidence, entities, SimHash)
 * of every article of both evaluation sets, of each with a summary and a hint and as a
 * body only, and of the benchmark mix, one line each, to a file: run it before and after
 * a change that must not change results and compare the files. Run with
 * {@code deploy/local/bench.sh analysis-service dev.newsmon.analysis.analyze.AnalysisSnapshot <file>}.
 */
public final class AnalysisSnapshot {

	private AnalysisSnapshot() {
	}

	public static void main(String[] args) throws Exception {
		TopicTagger tagger = new TopicTagger();
		RuleParser parser = new RuleParser();
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/rules"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).sorted().toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					tagger.register(parser.parse(file.getFileName().toString(), in));
				}
			}
		}
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/entities/gazetteer.json"))) {
			tagger.registerEntities(new GazetteerParser().parse("gazetteer.json", in));
		}
		ArticleAnalyzer analyzer = new ArticleAnalyzer(LanguageDetection.create(true), tagger,
				new StoryClusters(Clock.systemUTC(), Duration.ofHours(1), 10, 3), Clock.systemUTC());
		JsonMapper mapper = JsonMapper.builder().build();
		List<String[]> texts = new ArrayList<>();
		for (String set : List.of("src/test/resources/eval/tagging-dev.jsonl",
				"src/test/resources/eval/tagging-holdout.jsonl")) {
			for (String line : Files.readAllLines(Path.of(set))) {
				if (!line.isBlank()) {
					JsonNode node = mapper.readTree(line);
					String title = node.get("title").stringValue();
					String body = node.get("body").stringValue();
					texts.add(new String[] { title, "", body, null });
					texts.add(new String[] { title, body.substring(0, Math.min(80, body.length())) + " x", body,
							node.get("lang").stringValue() });
					texts.add(new String[] { "", "", title + " " + body, null });
				}
			}
		}
		texts.addAll(AnalysisBenchmark.articles().stream().map((a) -> new String[] { a[0], "", a[1], null }).toList());
		try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0])))) {
			for (String[] t : texts) {
				out.println(analyzer.analyze(t[0], t[1], t[2], t[3]));
			}
		}
		tagger.close();
	}

}

package dev.newsmon.analysis.analyze;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.newsmon.analysis.language.LanguageDetection;
import dev.newsmon.analysis.story.StoryClusters;
import dev.newsmon.analysis.tagging.GazetteerParser;
import dev.newsmon.analysis.tagging.RuleParser;
import dev.newsmon.analysis.tagging.TopicTagger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The full analysis of one article (language, topics with evidence, entities, SimHash),
 * single-threaded, over a mix of about 2 KB articles (UTF-8) in English, Japanese and
 * Korean, assembled from the paragraphs of the held-out set. Run with
 * {@code deploy/local/bench.sh analysis-service jmh AnalysisBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = { "-Xmx1g" })
public class AnalysisBenchmark {

	private static final int ARTICLE_BYTES = 2048;

	private ArticleAnalyzer analyzer;

	private TopicTagger tagger;

	private List<String[]> articles;

	private int next;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		this.tagger = new TopicTagger();
		RuleParser parser = new RuleParser();
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/rules"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).sorted().toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					this.tagger.register(parser.parse(file.getFileName().toString(), in));
				}
			}
		}
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/entities/gazetteer.json"))) {
			this.tagger.registerEntities(new GazetteerParser().parse("gazetteer.json", in));
		}
		this.analyzer = new ArticleAnalyzer(LanguageDetection.create(true), this.tagger,
				new StoryClusters(Clock.systemUTC(), Duration.ofHours(1), 10, 3), Clock.systemUTC());
		this.articles = articles();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.tagger.close();
	}

	@Benchmark
	public Analysis analyze() {
		String[] article = this.articles.get(this.next);
		this.next = (this.next + 1) % this.articles.size();
		return this.analyzer.analyze(article[0], "", article[1], null);
	}

	/**
	 * Articles of about {@value #ARTICLE_BYTES} bytes: each held-out article's title with
	 * its body followed by the bodies of the next articles of its language.
	 */
	static List<String[]> articles() {
		Map<String, List<String[]>> byLanguage = new LinkedHashMap<>();
		JsonMapper mapper = JsonMapper.builder().build();
		try {
			for (String line : Files.readAllLines(Path.of("src/test/resources/eval/tagging-holdout.jsonl"))) {
				if (!line.isBlank()) {
					JsonNode node = mapper.readTree(line);
					byLanguage.computeIfAbsent(node.get("lang").stringValue(), (l) -> new ArrayList<>())
						.add(new String[] { node.get("title").stringValue(), node.get("body").stringValue() });
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String[]> articles = new ArrayList<>();
		int size = byLanguage.values().stream().mapToInt(List::size).max().orElse(0);
		for (int i = 0; i < size; i++) {
			for (List<String[]> sources : byLanguage.values()) {
				if (i >= sources.size()) {
					continue;
				}
				StringBuilder body = new StringBuilder(sources.get(i)[1]);
				for (int j = i + 1; body.toString().getBytes(StandardCharsets.UTF_8).length < ARTICLE_BYTES; j++) {
					body.append("\n\n").append(sources.get(j % sources.size())[1]);
				}
				articles.add(new String[] { sources.get(i)[0], body.toString() });
			}
		}
		return articles;
	}

}

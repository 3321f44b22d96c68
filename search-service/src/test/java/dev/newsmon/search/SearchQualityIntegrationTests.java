package dev.newsmon.search;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.ArticleFetched;
import dev.newsmon.search.indexing.ArticleIndexer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search quality on a fixed corpus of 66 short articles in English, Japanese and Korean
 * ({@code quality/corpus.tsv}) and 36 judged queries ({@code quality/judgments.tsv}): the
 * corpus is indexed through {@link ArticleIndexer} into an index of its own on the real
 * Elasticsearch, every query runs through {@code GET /api/search}, and the mean nDCG@10
 * must stay at or above {@link #FLOOR} (docs/search-quality.md). The Kafka listener is
 * not started: the corpus alone is in the index.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${KAFKA_BOOTSTRAP_SERVERS}",
				"spring.elasticsearch.uris=${ELASTICSEARCH_URL}", "spring.kafka.listener.auto-startup=false" })
class SearchQualityIntegrationTests {

	/** The mean nDCG@10 measured when the set was judged, less a small margin. */
	static final double FLOOR = 0.93;

	private static final String ALIAS = "it-quality-" + UUID.randomUUID().toString().substring(0, 8);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	private ArticleIndexer indexer;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void runProperties(DynamicPropertyRegistry registry) {
		registry.add("newsmon.search.index.alias", () -> ALIAS);
	}

	@AfterAll
	static void cleanUp() throws Exception {
		send("DELETE", "/" + ALIAS + "-v1");
		send("DELETE", "/_index_template/" + ALIAS);
	}

	@Test
	void meanNdcgAt10StaysAboveTheFloor() throws Exception {
		// one publication time for all, so the recency boost does not reorder anything
		Instant published = Instant.now().minus(Duration.ofDays(1));
		List<ArticleAnalyzed> corpus = new ArrayList<>();
		for (String[] row : rows("quality/corpus.tsv")) {
			ArticleFetched article = new ArticleFetched(1, row[0], "https://example.org/quality/" + row[0],
					"feed-quality", "Quality " + row[1], row[2], "", row[3], null, List.of(), row[1], published,
					published, "", List.of());
			corpus
				.add(new ArticleAnalyzed(1, article, row[1], List.of(), List.of(), 0L, "quality-" + row[0], published));
		}
		assertThat(this.indexer.index(corpus)).isEmpty();
		send("POST", "/" + ALIAS + "/_refresh");

		double sum = 0;
		List<String[]> judgments = rows("quality/judgments.tsv");
		StringBuilder report = new StringBuilder();
		for (String[] judgment : judgments) {
			Map<String, Integer> grades = grades(judgment[1]);
			List<String> ranked = search(judgment[0]);
			double ndcg = ndcgAt10(ranked, grades);
			sum += ndcg;
			report.append(String.format("%.3f  %-32s %s%n", ndcg, judgment[0], ranked));
		}
		double mean = sum / judgments.size();
		System.out.print(report);
		System.out.printf("Mean nDCG@10 over %d queries and %d articles: %.3f (floor %.2f)%n", judgments.size(),
				corpus.size(), mean, FLOOR);
		assertThat(judgments).hasSizeGreaterThanOrEqualTo(30);
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(60);
		assertThat(mean).isGreaterThanOrEqualTo(FLOOR);
	}

	/**
	 * nDCG@10 with gains {@code 2^grade - 1} and discounts {@code log2(rank + 1)}.
	 */
	static double ndcgAt10(List<String> ranked, Map<String, Integer> grades) {
		double dcg = 0;
		for (int i = 0; i < Math.min(10, ranked.size()); i++) {
			dcg += gain(grades.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
		}
		List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).toList();
		double idcg = 0;
		for (int i = 0; i < Math.min(10, ideal.size()); i++) {
			idcg += gain(ideal.get(i)) / log2(i + 2);
		}
		return (idcg > 0) ? dcg / idcg : 0;
	}

	private static double gain(int grade) {
		return Math.pow(2, grade) - 1;
	}

	private static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}

	private List<String> search(String q) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port
				+ "/api/search?size=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(q).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		for (JsonNode hit : json.readTree(response.body()).get("hits")) {
			ids.add(hit.get("id").asString());
		}
		return ids;
	}

	private static Map<String, Integer> grades(String text) {
		Map<String, Integer> grades = new LinkedHashMap<>();
		for (String pair : text.trim().split("\\s+")) {
			String[] parts = pair.split(":");
			grades.put(parts[0], Integer.parseInt(parts[1]));
		}
		return grades;
	}

	private static List<String[]> rows(String resource) throws IOException {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.map((line) -> line.split("\t"))
				.toList();
		}
	}

	private static void send(String method, String path) throws Exception {
		String elasticsearch = System.getenv("ELASTICSEARCH_URL");
		assertThat(elasticsearch).as("ELASTICSEARCH_URL must point at the test infrastructure").isNotBlank();
		http.send(HttpRequest.newBuilder(URI.create(elasticsearch + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.discarding());
	}

}

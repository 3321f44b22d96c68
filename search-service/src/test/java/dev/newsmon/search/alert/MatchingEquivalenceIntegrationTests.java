package dev.newsmon.search.alert;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.ArticleFetched;
import dev.newsmon.search.alert.matching.SubscriptionMatcher;
import dev.newsmon.search.cjk.CjkTokenizer;
import dev.newsmon.search.indexing.ArticleDocument;
import dev.newsmon.search.indexing.ArticleIndexer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An article that a subscription's query finds through {@code /api/search} is exactly an
 * article it alerts on (issue 6). The multilingual search-quality corpus is indexed
 * through {@link ArticleIndexer} into an index of its own on the real Elasticsearch; a
 * few hundred generated queries (English, Japanese and Korean words from the corpus,
 * phrases, exclusions, alternatives, groups, filters) run through {@code /api/search} and
 * through {@link SubscriptionMatcher}, and the two sets of article ids must be equal for
 * every query.
 */
class MatchingEquivalenceIntegrationTests extends AlertTestService {

	static final int QUERIES = 400;

	private static final List<String> TOPICS = List.of("north-korea", "semiconductors", "minilateral-groupings");

	private static final List<String> SOURCES = List.of("Equivalence A " + RUN, "Equivalence B " + RUN);

	@Autowired
	private ArticleIndexer indexer;

	@Autowired
	private CjkTokenizer tokenizer;

	@Test
	void subscriptionsMatchExactlyWhatSearchFinds() throws Exception {
		List<String[]> rows = rows();
		List<ArticleAnalyzed> corpus = new ArrayList<>();
		Instant published = Instant.parse("2026-11-20T08:00:00Z");
		for (int i = 0; i < rows.size(); i++) {
			String[] row = rows.get(i);
			ArticleFetched article = new ArticleFetched(1, row[0] + "-" + RUN,
					"https://example.org/equivalence/" + row[0], "feed-equivalence", SOURCES.get(i % 2), row[2],
					(i % 3 == 0) ? row[2] : "", row[3], null, List.of(), row[1], published, published, "", List.of());
			List<ArticleAnalyzed.TopicTag> topics = (i % 4 == 3) ? List.of()
					: List.of(new ArticleAnalyzed.TopicTag(TOPICS.get(i % 3), 0.7, List.of()));
			corpus.add(new ArticleAnalyzed(1, article, row[1], topics, List.of(), 0L, "story-" + i, published));
		}
		ArticleIndexer.Batch batch = this.indexer.indexBatch(corpus);
		assertThat(batch.rejections()).isEmpty();
		List<ArticleDocument> documents = batch.stored();
		assertThat(documents).hasSize(corpus.size());
		refresh();

		List<Subscription> subscriptions = queries(documents);
		SubscriptionMatcher matcher = new SubscriptionMatcher(this.tokenizer);
		matcher.putAll(subscriptions);
		Map<String, Set<String>> monitor = new TreeMap<>();
		subscriptions.forEach((subscription) -> monitor.put(subscription.id(), new TreeSet<>()));
		for (SubscriptionMatcher.Match match : matcher.match(documents)) {
			monitor.get(match.subscription().id()).add(match.article().articleId());
		}
		matcher.close();

		// searches run four at a time: the test is about results, not latency
		Map<String, Future<Set<String>>> searches = new TreeMap<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			for (Subscription subscription : subscriptions) {
				searches.put(subscription.id(), pool.submit(() -> search(subscription)));
			}
		}
		List<String> mismatches = new ArrayList<>();
		int nonEmpty = 0;
		for (Subscription subscription : subscriptions) {
			Set<String> searched = searches.get(subscription.id()).get();
			Set<String> matched = monitor.get(subscription.id());
			if (!searched.isEmpty()) {
				nonEmpty++;
			}
			if (!searched.equals(matched)) {
				mismatches.add(describe(subscription) + ": search " + searched + ", monitor " + matched);
			}
		}
		System.out.printf("Equivalence: %d queries (%d with at least one hit) over %d articles, %d mismatches%n",
				subscriptions.size(), nonEmpty, documents.size(), mismatches.size());
		mismatches.forEach(System.out::println);
		assertThat(subscriptions).hasSizeGreaterThanOrEqualTo(QUERIES);
		assertThat(nonEmpty).isGreaterThan(subscriptions.size() / 3);
		assertThat(mismatches).isEmpty();
	}

	/**
	 * Queries made of the corpus's own words: English words, Japanese and Korean words as
	 * the articles were segmented and as they are written, phrases, and every operator.
	 */
	private List<Subscription> queries(List<ArticleDocument> documents) {
		Random random = new Random(20261127L);
		List<String> en = new ArrayList<>();
		List<String> enPhrases = new ArrayList<>();
		List<String> cjk = new ArrayList<>();
		for (ArticleDocument document : documents) {
			String[] words = (document.title() + " " + document.body()).split("[\\s,.;:!?()'\"]+");
			if (document.language().equals("en")) {
				for (int i = 0; i < words.length; i++) {
					if (words[i].length() > 2) {
						en.add(words[i]);
						if (i + 1 < words.length && words[i + 1].length() > 1) {
							enPhrases.add(words[i] + " " + words[i + 1]);
						}
					}
				}
			}
			else {
				cjk.addAll(this.tokenizer.tokenize(document.title(), document.language())
					.stream()
					.filter((token) -> token.length() > 1)
					.toList());
				for (String word : words) {
					if (CjkTokenizer.containsCjk(word) && word.length() > 1) {
						// as written, with particles (북한은) or as a run of several words
						cjk.add(word);
						if (word.length() > 3) {
							int start = random.nextInt(word.length() - 2);
							cjk.add(word.substring(start,
									start + 2 + random.nextInt(Math.min(3, word.length() - start - 1))));
						}
					}
				}
			}
		}
		Set<String> queries = new LinkedHashSet<>();
		while (queries.size() < QUERIES) {
			String a = pick(random, en, cjk);
			String b = pick(random, en, cjk);
			String c = pick(random, en, cjk);
			String q = switch (random.nextInt(12)) {
				case 0 -> a;
				case 1 -> a + " " + b;
				case 2 -> a + " | " + b;
				case 3 -> a + " -" + b;
				case 4 -> '"' + enPhrases.get(random.nextInt(enPhrases.size())) + '"';
				case 5 -> '"' + cjk.get(random.nextInt(cjk.size())) + '"';
				case 6 -> "(" + a + " | " + b + ") " + c;
				case 7 -> "-" + a;
				case 8 -> a.toUpperCase(java.util.Locale.ROOT) + " +" + b;
				case 9 -> cjk.get(random.nextInt(cjk.size())) + " | " + en.get(random.nextInt(en.size()));
				case 10 -> '"' + enPhrases.get(random.nextInt(enPhrases.size())) + "\" -" + c;
				default -> a + " " + b + " | " + c;
			};
			queries.add(q);
		}
		List<Subscription> subscriptions = new ArrayList<>();
		int n = 0;
		for (String q : queries) {
			List<String> topics = List.of();
			List<String> languages = List.of();
			List<String> sources = List.of();
			int filter = random.nextInt(10);
			if (filter == 0) {
				topics = List.of(TOPICS.get(random.nextInt(TOPICS.size())));
			}
			else if (filter == 1) {
				topics = List.of(TOPICS.get(0), TOPICS.get(1));
			}
			else if (filter == 2) {
				languages = List.of(List.of("en", "ja", "ko").get(random.nextInt(3)));
			}
			else if (filter == 3) {
				sources = List.of(SOURCES.get(random.nextInt(2)));
			}
			subscriptions.add(new Subscription("q" + (n++), "generated", q, topics, languages, sources,
					new Subscription.Channel(Subscription.Channel.Type.ATOM, null, null, null), false, null,
					Instant.EPOCH));
		}
		return subscriptions;
	}

	private static String pick(Random random, List<String> en, List<String> cjk) {
		return (random.nextInt(3) == 0) ? cjk.get(random.nextInt(cjk.size())) : en.get(random.nextInt(en.size()));
	}

	/**
	 * The ids search finds for a subscription. The index holds other tests' articles too,
	 * so the search is scoped to the corpus's two sources: one search per source.
	 */
	private Set<String> search(Subscription subscription) throws Exception {
		Set<String> ids = new TreeSet<>();
		for (String source : subscription.sources().isEmpty() ? SOURCES : subscription.sources()) {
			ids.addAll(search(subscription, source));
		}
		return ids;
	}

	private Set<String> search(Subscription subscription, String source) throws Exception {
		StringBuilder parameters = new StringBuilder("size=100&q=" + encode(subscription.query()));
		subscription.topics().forEach((topic) -> parameters.append("&topic=").append(encode(topic)));
		subscription.languages().forEach((language) -> parameters.append("&lang=").append(encode(language)));
		parameters.append("&source=").append(encode(source));
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/search?" + parameters))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(subscription.query()).isEqualTo(200);
		JsonNode result = json.readTree(response.body());
		assertThat(result.get("total").asLong()).as("all hits on one page").isLessThanOrEqualTo(100);
		Set<String> ids = new TreeSet<>();
		result.get("hits").forEach((hit) -> ids.add(hit.get("id").asString()));
		return ids;
	}

	private static String describe(Subscription subscription) {
		return "[" + subscription.query() + "] topics=" + subscription.topics() + " languages="
				+ subscription.languages() + " sources=" + subscription.sources();
	}

	private static void refresh() throws Exception {
		http.send(HttpRequest.newBuilder(URI.create(System.getenv("ELASTICSEARCH_URL") + "/" + ALIAS + "/_refresh"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	private static List<String[]> rows() throws IOException {
		try (InputStream in = new ClassPathResource("quality/corpus.tsv").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.map((line) -> line.split("\t"))
				.toList();
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}

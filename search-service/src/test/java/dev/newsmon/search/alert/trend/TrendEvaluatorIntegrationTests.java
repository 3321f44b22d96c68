package dev.newsmon.search.alert.trend;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import dev.newsmon.search.alert.Alert;
import dev.newsmon.search.alert.AlertSink;
import dev.newsmon.search.alert.Subscription;
import dev.newsmon.search.alert.SubscriptionRegistry;
import dev.newsmon.search.cjk.CjkTokenizer;
import dev.newsmon.search.indexing.ArticleDocument;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trend evaluation on the real Elasticsearch (ELASTICSEARCH_URL; the test fails without
 * it), over an index of this run's own with the articles mapping: a quiet two weeks and a
 * burst in the last hour for one subscription, a steady stream for another.
 */
class TrendEvaluatorIntegrationTests {

	private static final String INDEX = "it-trend-" + UUID.randomUUID().toString().substring(0, 8);

	private static final Instant NOW = Instant.parse("2026-11-27T05:37:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private static Rest5Client rest;

	private static ElasticsearchClient client;

	@BeforeAll
	static void indexArticles() throws Exception {
		String url = System.getenv("ELASTICSEARCH_URL");
		assertThat(url).as("ELASTICSEARCH_URL of the test Elasticsearch").isNotBlank();
		rest = Rest5Client.builder(HttpHost.create(url)).build();
		client = new ElasticsearchClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
		try (InputStream mapping = TrendEvaluatorIntegrationTests.class
			.getResourceAsStream("/elasticsearch/news-articles-v2.json")) {
			client.indices().create((create) -> create.index(INDEX).withJson(mapping));
		}
		List<ArticleDocument> articles = new ArrayList<>();
		// a quiet baseline: one missile story every 12 hours over the 14 days before the
		// last hour, and a burst of 8 in the last hour
		for (int k = 0; k < 28; k++) {
			articles.add(article("missile-base-" + k, "Missile test number " + k,
					NOW.minus(Duration.ofHours(1 + 12L * k).plusMinutes(30))));
		}
		for (int k = 1; k <= 8; k++) {
			articles.add(article("missile-burst-" + k, "Missile launch over the sea, report " + k,
					NOW.minus(Duration.ofMinutes(5L * k))));
		}
		// outside both periods: older than the baseline, and published in the future
		for (int k = 0; k < 40; k++) {
			articles.add(
					article("missile-old-" + k, "Missile archive " + k, NOW.minus(Duration.ofDays(20)).plusSeconds(k)));
		}
		articles.add(article("missile-future", "Missile embargoed story", NOW.plus(Duration.ofMinutes(10))));
		// a steady two weather stories an hour, and five in the last hour: no burst
		for (int h = 0; h < 336; h++) {
			Instant hourStart = NOW.minus(Duration.ofHours(2 + h));
			articles.add(article("weather-" + h + "-a", "Rain and weather warning " + h, hourStart.plusSeconds(600)));
			articles.add(article("weather-" + h + "-b", "Weather outlook " + h, hourStart.plusSeconds(2400)));
		}
		for (int k = 1; k <= 5; k++) {
			articles.add(article("weather-now-" + k, "Weather update " + k, NOW.minus(Duration.ofMinutes(7L * k))));
		}
		List<BulkOperation> operations = articles.stream()
			.map((article) -> BulkOperation
				.of((operation) -> operation.index((index) -> index.id(article.articleId()).document(article))))
			.toList();
		BulkResponse response = client.bulk((bulk) -> bulk.index(INDEX).refresh(Refresh.True).operations(operations));
		assertThat(response.errors()).isFalse();
	}

	@AfterAll
	static void deleteIndex() throws IOException {
		if (client != null) {
			client.indices().delete((delete) -> delete.index(INDEX).ignoreUnavailable(true));
		}
		if (rest != null) {
			rest.close();
		}
	}

	@Test
	void alertsOnceOnABurstWithTheBaselineAndTheLatestArticle() {
		Subscription missiles = subscription("sub-missiles", "missile", List.of(), new Subscription.Trend(3, 5));
		Subscription weather = subscription("sub-weather", "weather", List.of(), new Subscription.Trend(3, 5));
		Subscription everyMissile = subscription("sub-every-missile", "missile", List.of(), null);
		Subscription japanese = subscription("sub-ja", "missile", List.of("ja"), new Subscription.Trend(3, 1));
		RecordingSink sink = new RecordingSink();
		TrendEvaluator evaluator = evaluator(List.of(missiles, weather, everyMissile, japanese), sink);

		List<Alert> bursts = evaluator.evaluate();

		assertThat(bursts).hasSize(1);
		Alert burst = bursts.get(0);
		assertThat(burst.deliveryId()).isEqualTo("sub-missiles:trend:2026-11-27T05:00:00Z");
		assertThat(burst.subscription()).isEqualTo(missiles);
		assertThat(burst.trend()).isEqualTo(new Alert.TrendReport(8, 28 / 336.0, 3));
		assertThat(burst.article().id()).isEqualTo("missile-burst-1");
		assertThat(burst.article().topics()).containsExactly("north-korea");
		assertThat(burst.matchedAt()).isEqualTo(NOW);
		assertThat(sink.submitted).containsExactly(burst);

		// evaluated again within the hour: the same delivery id, which the sink logs once
		evaluator.evaluate();
		assertThat(sink.submitted).extracting(Alert::deliveryId).containsOnly(burst.deliveryId());
		assertThat(sink.accepted).hasSize(1);
	}

	@Test
	void staysQuietWithoutABurst() {
		Subscription weather = subscription("sub-weather", "weather", List.of(), new Subscription.Trend(3, 5));
		Subscription lowFactor = subscription("sub-weather-low", "weather", List.of(), new Subscription.Trend(2.6, 5));
		RecordingSink sink = new RecordingSink();

		// weather: 5 in the last hour against 2 an hour; a factor of 2.6 makes 5.2
		assertThat(evaluator(List.of(weather, lowFactor), sink).evaluate()).isEmpty();
		assertThat(sink.submitted).isEmpty();
	}

	@Test
	void aLowerFactorTurnsTheSameHourIntoABurst() {
		Subscription weather = subscription("sub-weather-2", "weather", List.of(), new Subscription.Trend(2, 5));

		List<Alert> bursts = evaluator(List.of(weather), new RecordingSink()).evaluate();

		assertThat(bursts).singleElement()
			.satisfies((alert) -> assertThat(alert.trend()).isEqualTo(new Alert.TrendReport(5, 2.0, 2)));
	}

	private static TrendEvaluator evaluator(List<Subscription> subscriptions, AlertSink sink) {
		TrendProperties properties = new TrendProperties(true, Duration.ofMinutes(5), Duration.ZERO, 14, 0.5);
		return new TrendEvaluator(properties, new MatchCounter(client, INDEX, new CjkTokenizer()),
				new FixedRegistry(subscriptions), sink, CLOCK);
	}

	private static Subscription subscription(String id, String query, List<String> languages,
			Subscription.Trend trend) {
		return new Subscription(id, id, query, List.of(), languages, List.of(),
				new Subscription.Channel(Subscription.Channel.Type.WEBHOOK, "https://hooks.example/" + id, "secret",
						null),
				false, trend, NOW.minus(Duration.ofDays(30)));
	}

	private static ArticleDocument article(String id, String title, Instant publishedAt) {
		return new ArticleDocument(id, "https://news.example/" + id, "feed-1", "Trend Wire", title,
				"A short summary of " + title.toLowerCase(Locale.ROOT) + ".", "The body of " + title + ".", "", null,
				List.of(), "en", List.of(new ArticleDocument.Topic("north-korea", 0.9)), List.of(), "cluster-" + id, 0L,
				publishedAt, publishedAt, publishedAt, publishedAt);
	}

	private static final class RecordingSink implements AlertSink {

		private final List<Alert> submitted = new CopyOnWriteArrayList<>();

		private final Set<String> accepted = ConcurrentHashMap.newKeySet();

		@Override
		public boolean submit(Alert alert) {
			this.submitted.add(alert);
			return this.accepted.add(alert.deliveryId());
		}

	}

	private record FixedRegistry(List<Subscription> subscriptions) implements SubscriptionRegistry {

		@Override
		public Collection<Subscription> all() {
			return this.subscriptions;
		}

		@Override
		public Optional<Subscription> find(String id) {
			Map<String, Subscription> byId = this.subscriptions.stream()
				.collect(Collectors.toMap(Subscription::id, Function.identity()));
			return Optional.ofNullable(byId.get(id));
		}

	}

}

package dev.newsmon.system;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.ArticleFetched;
import dev.newsmon.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failure tests (issue 9) on infrastructure of their own (the {@code fault} profile of
 * {@code deploy/local/infra.sh}, which this class starts and stops): the three services
 * run as processes while a {@link FeedFarm} keeps articles coming. Each service is killed
 * with SIGKILL and started again, the broker is restarted, Elasticsearch is stopped for
 * 60 s. After each fault the pipeline must be drained within {@link #RECOVERY} of the
 * component being back, the index must hold every article ingest published exactly once,
 * and every subscription must have been alerted on each article it matches exactly once
 * (webhooks to a {@link WebhookInbox} in the test). Poison records on each topic the
 * services read must not block their partition; those on the subscriptions topic and the
 * rule log are written first, so that every restart that follows reads through them.
 * <p>
 * Both checks are in {@link #reconcile(String, boolean)}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailureIntegrationTests {

	/** The longest time from a component being back to a drained pipeline. */
	static final Duration RECOVERY = Duration.ofSeconds(30);

	/** The longest a poison record may hold up the records behind it. */
	static final Duration UNBLOCKED = Duration.ofSeconds(60);

	/** How long Elasticsearch stays away: long enough for a real backlog. */
	static final Duration ELASTICSEARCH_OUTAGE = Duration.ofSeconds(60);

	/**
	 * How soon the group coordinator gives the partitions of a killed consumer to another
	 * member. Kafka's default (45 s) alone exceeds {@link #RECOVERY}: a consumer killed
	 * with SIGKILL never leaves its group, and its partitions wait for its session to
	 * expire. The services set it in their application.yml; the test checks it took
	 * effect.
	 */
	static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * How long a delivery may stay pending, unclaimed, before search-service dispatches
	 * it again, and how often it looks: a killed search-service leaves the alerts it was
	 * sending pending. The default (1 min, every 30 s) would outlast every wait here.
	 */
	static final Duration REDISPATCH_AFTER = Duration.ofSeconds(10);

	static final Duration REDISPATCH_EVERY = Duration.ofSeconds(2);

	/**
	 * The longest wait, after the index is reconciled, for every alert to be delivered.
	 */
	static final Duration ALERTS_SETTLED = Duration.ofSeconds(60);

	/**
	 * How long the webhook receivers hold each request just before search-service is
	 * killed, so that it dies with alerts in flight.
	 */
	static final Duration ANSWER_WHILE_KILLED = Duration.ofSeconds(3);

	/** A topic of analysis-service's taxonomy, whose rule the rule-log test changes. */
	private static final String RULE = "semiconductors";

	private static final String API_KEY = "failure-test-key";

	private static final int FEEDS = 3;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final String run = "run" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static final Map<String, ServiceProcess> services = new LinkedHashMap<>();

	/** Articles written straight to the analysed topic, which ingest never published. */
	private static final Set<String> injected = ConcurrentHashMap.newKeySet();

	private static final List<String> measurements = new ArrayList<>();

	/** The subscriptions the tests made, by the name of their webhook receiver. */
	private static final Map<String, Followed> subscriptions = new LinkedHashMap<>();

	/** Repeated POSTs (same delivery id) counted at the last reconciliation. */
	private static int repeatsReconciled;

	/** The version of {@link #RULE} the rule-log test put in force, once it ran. */
	private static Integer ruleVersion;

	private static final long suiteStart = System.nanoTime();

	private static FaultInfrastructure infrastructure;

	private static FeedFarm farm;

	private static PollDriver driver;

	private static PublishedArticles published;

	private static ArticleIndex index;

	private static KafkaProbe kafka;

	private static WebhookInbox inbox;

	private static AlertDeliveries deliveries;

	@BeforeAll
	static void startPipeline() throws Exception {
		infrastructure = new FaultInfrastructure();
		infrastructure.start();
		measure("infrastructure up (Kafka and Elasticsearch from an empty state)", since(suiteStart));
		// polls come from the test's driver only, so that a paused driver means no new
		// articles; webhooks go to 127.0.0.1, which the allowed networks let through
		Map<String, String> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", FaultInfrastructure.KAFKA,
				"ELASTICSEARCH_URL", FaultInfrastructure.ELASTICSEARCH, "NEWSMON_API_KEY", API_KEY,
				"NEWSMON_ALLOWED_NETWORKS", "127.0.0.0/8", "NEWSMON_DEMO_FEEDS", "false", "NEWSMON_INGEST_POLL_ENABLED",
				"false", "NEWSMON_SEARCH_ALERT_REDISPATCHAFTER", REDISPATCH_AFTER.toSeconds() + "s",
				"NEWSMON_SEARCH_ALERT_REDISPATCHEVERY", REDISPATCH_EVERY.toSeconds() + "s");
		long starting = System.nanoTime();
		services.put("ingest-service",
				ServiceProcess.start("ingest-service", "fault-ingest-service", 28081, environment));
		services.put("analysis-service",
				ServiceProcess.start("analysis-service", "fault-analysis-service", 28082, environment));
		services.put("search-service",
				ServiceProcess.start("search-service", "fault-search-service", 28080, environment));
		for (ServiceProcess service : services.values()) {
			service.awaitReady(Duration.ofMinutes(3));
		}
		measure("three services started and ready", since(starting));
		farm = new FeedFarm(run, 4);
		List<String> feedIds = new ArrayList<>();
		List<String> urls = farm.feedUrls(FEEDS);
		for (int feed = 0; feed < FEEDS; feed++) {
			feedIds.add(register(urls.get(feed), feedName(feed)));
		}
		published = new PublishedArticles(FaultInfrastructure.KAFKA);
		index = new ArticleIndex(FaultInfrastructure.ELASTICSEARCH);
		kafka = new KafkaProbe(FaultInfrastructure.KAFKA);
		deliveries = new AlertDeliveries(FaultInfrastructure.ELASTICSEARCH);
		inbox = new WebhookInbox();
		// before the first poll: no article is fetched while a subscription is being made
		subscribe("wire-0", Map.of("sources", List.of(feedName(0))), (article) -> article.source().equals(feedName(0)));
		subscribe("lighthouse", Map.of("query", "lighthouse"),
				(article) -> FeedFarm.isLighthouseTitle(article.title()));
		subscribe("wire-1-lighthouse", Map.of("query", "lighthouse", "sources", List.of(feedName(1))),
				(article) -> article.source().equals(feedName(1)) && FeedFarm.isLighthouseTitle(article.title()));
		subscribe("nothing", Map.of("query", "zeppelin"), (article) -> false);
		driver = new PollDriver(services.get("ingest-service"), feedIds, API_KEY);
		driver.start();
		await("the first articles searchable").atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.until(index::count, (count) -> count >= 20);
	}

	@AfterAll
	static void stopPipeline() throws IOException {
		List<AutoCloseable> resources = new ArrayList<>();
		resources.add(driver);
		resources.addAll(services.values());
		resources.add(farm);
		resources.add(inbox);
		resources.add(published);
		resources.add(kafka);
		resources.add(infrastructure);
		List<Exception> failures = new ArrayList<>();
		for (AutoCloseable resource : resources) {
			if (resource != null) {
				try {
					resource.close();
				}
				catch (Exception ex) {
					failures.add(ex);
				}
			}
		}
		measure("whole class, start to stop", since(suiteStart));
		String report = String.join(System.lineSeparator(), measurements) + System.lineSeparator();
		System.out.print("Failure tests, measured:" + System.lineSeparator() + report);
		Path file = Path.of("target", "system-tests", "failure-tests.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
		if (!failures.isEmpty()) {
			IllegalStateException failure = new IllegalStateException("cleaning up failed");
			failures.forEach(failure::addSuppressed);
			throw failure;
		}
	}

	/**
	 * The subscriptions topic is read whole by every search-service replica, with no
	 * consumer group and no dead-letter topic: a record that cannot be read, or read but
	 * not applied (a query of more clauses than Lucene takes, which the API would never
	 * have written), is logged and skipped. What matters is that it blocks nothing: a
	 * subscription created after poison on every partition is read back and alerts.
	 * Written first, so that the restart of search-service later reads through it too.
	 */
	@Test
	@Order(1)
	void poisonOnTheSubscriptionsTopicBlocksNoSubscription() throws Exception {
		String unusable = UUID.randomUUID().toString().replace("-", "");
		String words = IntStream.range(0, 2000).mapToObj((n) -> "word" + n).collect(Collectors.joining(" "));
		byte[] tooManyClauses = json.writeValueAsBytes(Map.of("id", unusable, "name", "A query of too many words",
				"query", words, "channel", Map.of("type", "WEBHOOK", "url", inbox.url("poison"), "secret", "poison"),
				"oncePerStory", false, "createdAt", Instant.now().toString()));
		long sent = System.nanoTime();
		for (int partition = 0; partition < kafka.partitions(Topics.SUBSCRIPTIONS); partition++) {
			kafka.send(Topics.SUBSCRIPTIONS, partition, "poison-" + run + "-subscription-" + partition,
					"{\"id\": ".getBytes(StandardCharsets.UTF_8));
			kafka.send(Topics.SUBSCRIPTIONS, partition, unusable, tooManyClauses);
		}
		Followed behind;
		driver.pause();
		try {
			behind = subscribe("wire-2", Map.of("sources", List.of(feedName(2))),
					(article) -> article.source().equals(feedName(2)));
		}
		finally {
			driver.resume();
		}
		measure(Topics.SUBSCRIPTIONS + ": a subscription created behind poison on every partition", since(sent));
		send(HttpRequest.newBuilder(services.get("search-service").uri("/api/subscriptions/" + behind.id())).build(),
				200);
		await(behind.name() + " alerted").atMost(UNBLOCKED)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> !inbox.posts(behind.name()).isEmpty());
		Duration blocked = since(sent);
		measure(Topics.SUBSCRIPTIONS + ": the first alert of the subscription behind the poison received", blocked);
		assertThat(blocked).isLessThanOrEqualTo(UNBLOCKED);
		HttpResponse<String> poison = http.send(
				HttpRequest.newBuilder(services.get("search-service").uri("/api/subscriptions/" + unusable)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(poison.statusCode()).as("the subscription that cannot be applied").isEqualTo(404);
		reconcile("poison on the subscriptions topic", false);
	}

	/**
	 * The rule log is read whole by every analysis-service replica (at start, then
	 * followed), with no dead-letter topic: a rule that is not JSON, names an unknown
	 * topic or is not valid is logged and skipped, and the rule in force stays. A change
	 * written after poison on every partition, as another replica writes it, must still
	 * come into force. Written early, so that the restart of analysis-service later
	 * replays through it.
	 */
	@Test
	@Order(2)
	void poisonInTheRuleLogBlocksNoRuleChange() throws Exception {
		ObjectNode bundled = (ObjectNode) json.readTree(Files
			.readString(Path.of("..", "analysis-service", "src", "main", "resources", "rules", RULE + ".json")));
		int inForce = ruleVersion(RULE);
		ObjectNode unknownTopic = bundled.deepCopy();
		unknownTopic.put("id", "weather").put("version", inForce + 100);
		ObjectNode invalid = bundled.deepCopy();
		invalid.put("version", inForce + 100).put("threshold", 7);
		long sent = System.nanoTime();
		for (int partition = 0; partition < kafka.partitions(Topics.RULES); partition++) {
			kafka.send(Topics.RULES, partition, "poison-" + run + "-rule-" + partition,
					"\u0000{not json".getBytes(StandardCharsets.UTF_8));
			kafka.send(Topics.RULES, partition, "weather", json.writeValueAsBytes(unknownTopic));
			kafka.send(Topics.RULES, partition, RULE, json.writeValueAsBytes(invalid));
		}
		ObjectNode change = bundled.deepCopy();
		change.put("version", inForce + 1);
		kafka.send(Topics.RULES, RULE, json.writeValueAsBytes(change));
		await("the rule change behind the poison in force").atMost(UNBLOCKED)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> ruleVersion(RULE), (version) -> version == inForce + 1);
		Duration blocked = since(sent);
		measure(Topics.RULES + ": a rule change behind poison on every partition in force", blocked);
		assertThat(blocked).isLessThanOrEqualTo(UNBLOCKED);
		ruleVersion = inForce + 1;
	}

	@ParameterizedTest(name = "kill -9 {0}, start it again: nothing lost, nothing twice")
	@Order(3)
	@ValueSource(strings = { "ingest-service", "analysis-service", "search-service" })
	void aKilledServiceRecovers(String name) throws Exception {
		awaitFlowing();
		ServiceProcess service = services.get(name);
		boolean sending = name.equals("search-service");
		if (sending) {
			// alerts are in flight when it dies: received, but not known to be
			inbox.answerAfter(ANSWER_WHILE_KILLED);
			Thread.sleep(ANSWER_WHILE_KILLED);
		}
		long killed = System.nanoTime();
		service.kill();
		inbox.answerAfter(Duration.ZERO);
		service.restart();
		service.awaitReady(Duration.ofMinutes(3));
		long ready = System.nanoTime();
		measure(name + " killed: restart to ready", since(killed));
		if (name.equals("analysis-service") && ruleVersion != null) {
			assertThat(ruleVersion(RULE)).as("the rule in force after replaying the rule log and its poison")
				.isEqualTo(ruleVersion);
		}
		Duration recovered = awaitDrained(name + " killed", ready);
		assertThat(recovered).as("recovery of the pipeline once %s is ready again", name).isLessThanOrEqualTo(RECOVERY);
		// a search-service killed while sending alerts sends them again: a receiver may
		// see a delivery id twice
		reconcile(name + " killed", sending);
	}

	@Test
	@Order(4)
	void aRestartedBrokerLosesNothing() throws Exception {
		awaitFlowing();
		long stopping = System.nanoTime();
		infrastructure.stopKafka();
		infrastructure.startKafka();
		long back = System.nanoTime();
		measure("broker stopped and started", since(stopping));
		Duration recovered = awaitDrained("broker restarted", back);
		assertThat(recovered).as("recovery of the pipeline once the broker is back").isLessThanOrEqualTo(RECOVERY);
		reconcile("broker restarted", false);
	}

	@Test
	@Order(5)
	void aMinuteWithoutElasticsearchLosesNothing() throws Exception {
		awaitFlowing();
		int before = published.readToEnd().size();
		infrastructure.stopElasticsearch();
		// the outage itself is the point of the test: it must last, not end on a
		// condition
		Thread.sleep(ELASTICSEARCH_OUTAGE);
		int during = published.readToEnd().size() - before;
		measure("articles published while Elasticsearch was down for " + ELASTICSEARCH_OUTAGE.toSeconds() + " s",
				during);
		assertThat(during).as("articles kept coming while Elasticsearch was down").isPositive();
		long starting = System.nanoTime();
		infrastructure.startElasticsearch();
		long back = System.nanoTime();
		measure("Elasticsearch started and yellow", since(starting));
		Duration recovered = awaitDrained("Elasticsearch back after " + ELASTICSEARCH_OUTAGE.toSeconds() + " s", back);
		assertThat(recovered).as("recovery of the pipeline once Elasticsearch is back").isLessThanOrEqualTo(RECOVERY);
		// an alert sent just before Elasticsearch went away may not have been logged as
		// delivered: it is sent again
		reconcile("Elasticsearch back", true);
	}

	@Test
	@Order(6)
	void poisonOnTheFetchedTopicIsDeadLetteredAndTheArticleBehindItIndexed() throws Exception {
		int partition = 1;
		String notJson = "poison-" + run + "-fetched-bytes";
		String noArticleId = "poison-" + run + "-fetched-no-id";
		long sent = System.nanoTime();
		kafka.send(Topics.ARTICLES_FETCHED, partition, notJson, "\u0000{not json".getBytes(StandardCharsets.UTF_8));
		kafka.send(Topics.ARTICLES_FETCHED, partition, noArticleId,
				json.writeValueAsBytes(Map.of("schemaVersion", 1, "title", "An article without an id")));
		ArticleFetched good = article("behind-fetched-poison");
		kafka.send(Topics.ARTICLES_FETCHED, partition, good.articleId(), json.writeValueAsBytes(good));
		String deadLetters = Topics.ARTICLES_FETCHED + Topics.DEAD_LETTER_SUFFIX;
		assertDeadLettered(deadLetters, notJson, partition);
		assertDeadLettered(deadLetters, noArticleId, partition);
		measure(Topics.ARTICLES_FETCHED + ": both poison records in " + deadLetters, since(sent));
		awaitIndexed(good.articleId());
		Duration blocked = since(sent);
		measure(Topics.ARTICLES_FETCHED + ": the article behind the poison searchable", blocked);
		assertThat(blocked).isLessThanOrEqualTo(UNBLOCKED);
	}

	@Test
	@Order(7)
	void poisonOnTheAnalyzedTopicIsDeadLetteredAndTheArticleBehindItIndexed() throws Exception {
		int partition = 2;
		String notJson = "poison-" + run + "-analyzed-bytes";
		long sent = System.nanoTime();
		kafka.send(Topics.ARTICLES_ANALYZED, partition, notJson, "[1, 2".getBytes(StandardCharsets.UTF_8));
		ArticleFetched article = article("behind-analyzed-poison");
		ArticleAnalyzed good = new ArticleAnalyzed(ArticleAnalyzed.SCHEMA_VERSION, article, "en", List.of(), List.of(),
				0L, article.articleId(), Instant.now());
		injected.add(article.articleId());
		kafka.send(Topics.ARTICLES_ANALYZED, partition, article.articleId(), json.writeValueAsBytes(good));
		String deadLetters = Topics.ARTICLES_ANALYZED + Topics.DEAD_LETTER_SUFFIX;
		assertDeadLettered(deadLetters, notJson, partition);
		measure(Topics.ARTICLES_ANALYZED + ": the poison record in " + deadLetters, since(sent));
		awaitIndexed(article.articleId());
		Duration blocked = since(sent);
		measure(Topics.ARTICLES_ANALYZED + ": the article behind the poison searchable", blocked);
		assertThat(blocked).isLessThanOrEqualTo(UNBLOCKED);
	}

	/**
	 * The feed registry is a log-compacted topic every ingest replica reads as a whole:
	 * an unreadable record is logged and skipped there (the feed keeps its previous
	 * state), it has no dead-letter topic. What matters is that it blocks nothing: a feed
	 * registered after poison on every partition is read back and polled.
	 */
	@Test
	@Order(8)
	void poisonInTheFeedRegistryBlocksNoPartition() throws Exception {
		long sent = System.nanoTime();
		for (int partition = 0; partition < kafka.partitions(Topics.FEEDS); partition++) {
			kafka.send(Topics.FEEDS, partition, "poison-" + run + "-feed-" + partition,
					"{\"origin\": ".getBytes(StandardCharsets.UTF_8));
		}
		String feedId = register(farm.feedUrls(FEEDS + 1).get(FEEDS), feedName(FEEDS));
		measure(Topics.FEEDS + ": a feed registered behind poison on every partition", since(sent));
		JsonNode outcome = send(
				HttpRequest.newBuilder(services.get("ingest-service").uri("/api/feeds/" + feedId + "/poll"))
					.header("Authorization", "Bearer " + API_KEY)
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(),
				200);
		assertThat(outcome.path("itemsPublished").asInt()).as("articles the new feed brought").isPositive();
		awaitDrained(Topics.FEEDS + " poisoned", sent);
		Duration blocked = since(sent);
		measure(Topics.FEEDS + ": the new feed's articles searchable", blocked);
		assertThat(blocked).isLessThanOrEqualTo(UNBLOCKED);
		reconcile("the poison records", false);
	}

	/**
	 * Checked last: a Kafka client logs its configuration when it is created, and some
	 * are created on first use (search-service's dead-letter producer).
	 */
	@Test
	@Order(9)
	void producersWaitForAllReplicasAndConsumersNeverAutoCommit() throws IOException {
		for (ServiceProcess service : services.values()) {
			List<Map<String, String>> producers = clientConfigurations(service.log(), "ProducerConfig values:");
			assertThat(producers).as("producers of %s", service.name()).isNotEmpty();
			for (Map<String, String> producer : producers) {
				assertThat(producer).as("a producer of %s", service.name())
					.containsEntry("acks", "-1")
					.containsEntry("enable.idempotence", "true");
			}
			List<Map<String, String>> consumers = clientConfigurations(service.log(), "ConsumerConfig values:");
			assertThat(consumers).as("consumers of %s", service.name()).isNotEmpty();
			for (Map<String, String> consumer : consumers) {
				assertThat(consumer).as("a consumer of %s", service.name())
					.containsEntry("enable.auto.commit", "false")
					.containsEntry("session.timeout.ms", Long.toString(SESSION_TIMEOUT.toMillis()));
			}
		}
	}

	/**
	 * Waits until articles reach the index again: the next fault hits a flowing pipeline.
	 */
	private static void awaitFlowing() throws Exception {
		long before = index.count();
		await("new articles searchable").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(index::count, (count) -> count > before);
	}

	/**
	 * Waits until every article published so far is searchable and answers the time since
	 * {@code back}, when the failed component was back: the time the pipeline took to
	 * recover and drain its backlog. Waits at most four times {@link #RECOVERY}, so that
	 * a slow recovery is measured rather than cut off.
	 */
	private static Duration awaitDrained(String fault, long back) throws Exception {
		Set<String> expected = new HashSet<>(published.readToEnd());
		await("the backlog drained after: " + fault).atMost(RECOVERY.multipliedBy(4))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> missing(expected).isEmpty());
		Duration recovered = since(back);
		measure(fault + ": component back to every article published searchable (" + expected.size() + " articles)",
				recovered);
		return recovered;
	}

	/**
	 * With no new articles coming, checks the index against the topic: every article
	 * ingest published (and every one a test wrote to the analysed topic) is there, and
	 * nothing else is, so each is there exactly once. Then the alerts: see
	 * {@link #reconcileAlerts(String, boolean)}.
	 * @param after the fault
	 * @param repeatsAllowed whether the fault may make search-service send an alert again
	 */
	private static void reconcile(String after, boolean repeatsAllowed) throws Exception {
		driver.pause();
		try {
			Map<String, Object> state = new HashMap<>();
			await("every article published searchable after: " + after).atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> {
					Set<String> expected = new HashSet<>(published.readToEnd());
					expected.addAll(injected);
					index.refresh();
					state.put("expected", expected.size());
					assertThat(missing(expected)).as("articles published but not searchable").isEmpty();
					assertThat(index.count()).as("documents in the index; one per article published")
						.isEqualTo(expected.size());
				});
			measure("reconciled after " + after + ": articles published and searchable exactly once",
					(int) state.get("expected"));
			reconcileAlerts(after, repeatsAllowed);
		}
		finally {
			driver.resume();
		}
	}

	/**
	 * Checks every subscription against the articles published: the delivery log holds
	 * exactly one entry, delivered, for each article the subscription matches (it fetched
	 * at or after the subscription's creation; docs/alerts.md) and none for any other,
	 * and its webhook received exactly those delivery ids, each at least once, correctly
	 * signed, and nothing else. A delivery id received more than once is the same alert
	 * sent again (same idempotency key, same article), which the receiver drops; it is
	 * allowed only after a fault that can interrupt sending ({@code repeatsAllowed}), and
	 * counted.
	 */
	private static void reconcileAlerts(String after, boolean repeatsAllowed) throws Exception {
		long settling = System.nanoTime();
		Map<String, PublishedArticles.Published> articles = published.articles();
		Map<String, Set<String>> expected = new LinkedHashMap<>();
		for (Followed subscription : subscriptions.values()) {
			expected.put(subscription.name(),
					articles.values()
						.stream()
						.filter((article) -> subscription.matches().test(article)
								&& !article.fetchedAt().isBefore(subscription.createdAt()))
						.map((article) -> subscription.id() + ":" + article.articleId())
						.collect(Collectors.toSet()));
		}
		await("every subscription alerted on each matching article after: " + after).atMost(ALERTS_SETTLED)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				for (Followed subscription : subscriptions.values()) {
					Set<String> wanted = expected.get(subscription.name());
					Map<String, AlertDeliveries.Entry> logged = deliveries.of(subscription.id());
					assertThat(difference(wanted, logged.keySet()))
						.as("matching articles of %s without an entry in the delivery log", subscription.name())
						.isEmpty();
					assertThat(difference(logged.keySet(), wanted))
						.as("entries of %s in the delivery log for articles it does not match", subscription.name())
						.isEmpty();
					assertThat(logged.values().stream().filter((entry) -> !entry.status().equals("delivered")).toList())
						.as("entries of %s not delivered", subscription.name())
						.isEmpty();
					Set<String> received = inbox.postsPerDelivery(subscription.name()).keySet();
					assertThat(difference(wanted, received))
						.as("matching articles of %s its webhook did not receive", subscription.name())
						.isEmpty();
					assertThat(difference(received, wanted))
						.as("alerts the webhook of %s received for articles it does not match", subscription.name())
						.isEmpty();
				}
			});
		Duration settled = since(settling);
		int alerts = 0;
		int repeats = 0;
		for (Followed subscription : subscriptions.values()) {
			for (WebhookInbox.Post post : inbox.posts(subscription.name())) {
				assertThat(post.event()).isEqualTo("alert.article");
				assertThat(post.bodyDelivery()).as("the delivery id of the body").isEqualTo(post.delivery());
				assertThat(post.delivery()).as("the idempotency key")
					.isEqualTo(subscription.id() + ":" + post.articleId());
				assertThat(inbox.signed(subscription.name(), post)).as("the signature of %s", post.delivery()).isTrue();
			}
			Map<String, Integer> perDelivery = inbox.postsPerDelivery(subscription.name());
			alerts += perDelivery.size();
			repeats += perDelivery.values().stream().mapToInt((count) -> count - 1).sum();
		}
		assertThat(inbox.names()).as("webhooks that received POSTs").allMatch(subscriptions::containsKey);
		int repeatedNow = repeats - repeatsReconciled;
		repeatsReconciled = repeats;
		measure("reconciled after " + after + ": alerts, each delivered and logged once (" + subscriptions.size()
				+ " subscriptions); settled within", settled);
		measure("reconciled after " + after + ": alerts so far / POSTs repeating a delivery id since the last check",
				alerts + " / " + repeatedNow);
		if (!repeatsAllowed) {
			assertThat(repeatedNow).as("alerts sent again after: %s", after).isZero();
		}
	}

	private static Set<String> difference(Set<String> from, Set<String> without) {
		Set<String> difference = new HashSet<>(from);
		difference.removeAll(without);
		return difference;
	}

	/**
	 * Creates a subscription whose alerts go to a webhook receiver of its own.
	 * @param name the receiver's name
	 * @param criteria the query and filters of the subscription
	 * @param matches the same criteria over the articles ingest published: what the
	 * subscription must alert on
	 */
	private static Followed subscribe(String name, Map<String, Object> criteria,
			Predicate<PublishedArticles.Published> matches) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>(criteria);
		body.put("name", "Failure test " + name);
		body.put("channel", Map.of("type", "webhook", "url", inbox.url(name)));
		JsonNode created = send(HttpRequest.newBuilder(services.get("search-service").uri("/api/subscriptions"))
			.header("Authorization", "Bearer " + API_KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), 201);
		inbox.secret(name, created.path("channel").path("secret").asString());
		Followed subscription = new Followed(name, created.path("id").asString(),
				Instant.parse(created.path("createdAt").asString()), matches);
		subscriptions.put(name, subscription);
		return subscription;
	}

	private static int ruleVersion(String topic) throws Exception {
		JsonNode rules = send(HttpRequest.newBuilder(services.get("analysis-service").uri("/api/topics"))
			.header("Authorization", "Bearer " + API_KEY)
			.build(), 200);
		for (JsonNode rule : rules) {
			if (topic.equals(rule.path("id").asString())) {
				return rule.path("version").asInt();
			}
		}
		throw new IllegalStateException("analysis-service has no rule for " + topic);
	}

	private static String feedName(int feed) {
		return "Failure wire " + feed;
	}

	private static Set<String> missing(Set<String> expected) throws Exception {
		Set<String> missing = new HashSet<>(expected);
		missing.removeAll(index.present(expected));
		return missing;
	}

	private static void awaitIndexed(String articleId) {
		await(articleId + " searchable").atMost(UNBLOCKED.plusSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> index.present(Set.of(articleId)).contains(articleId));
	}

	private static void assertDeadLettered(String topic, String key, int partition) {
		ConsumerRecord<String, byte[]> record = kafka.awaitKey(topic, key, UNBLOCKED);
		assertThat(record.partition()).as("the dead letter keeps the partition").isEqualTo(partition);
		assertThat(record.headers().lastHeader("kafka_dlt-exception-message")).as("the reason of %s", key).isNotNull();
		assertThat(record.headers().lastHeader("kafka_dlt-original-topic")).isNotNull();
	}

	private static ArticleFetched article(String name) {
		String url = "https://wire.newsmon.invalid/" + run + "/" + name;
		String articleId = UUID.randomUUID().toString().replace("-", "");
		Instant now = Instant.now();
		return new ArticleFetched(ArticleFetched.SCHEMA_VERSION, articleId, url, "failure-tests", "failure tests",
				"A ferry note written straight to Kafka, " + run, "The morning ferry left on time.",
				"The morning ferry left on time and the harbour master reported calm water.", null, List.of(), "en",
				now, now, null, List.of());
	}

	private static String register(String url, String name) throws Exception {
		JsonNode feed = send(HttpRequest.newBuilder(services.get("ingest-service").uri("/api/feeds"))
			.header("Authorization", "Bearer " + API_KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json
				.writeValueAsString(Map.of("url", url, "name", name, "language", "en", "intervalSeconds", 3600))))
			.build(), 201);
		return feed.path("id").asString();
	}

	private static JsonNode send(HttpRequest request, int expectedStatus) throws Exception {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s %s answered %s", request.method(), request.uri(), response.body())
			.isEqualTo(expectedStatus);
		return json.readTree(response.body());
	}

	/**
	 * The configurations the Kafka clients of a process logged when they were created:
	 * the effective values, whatever set them.
	 */
	static List<Map<String, String>> clientConfigurations(Path log, String header) throws IOException {
		List<Map<String, String>> configurations = new ArrayList<>();
		Map<String, String> current = null;
		for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
			if (line.contains(header)) {
				current = new HashMap<>();
				configurations.add(current);
			}
			else if (current != null && line.startsWith("\t") && line.contains(" = ")) {
				int separator = line.indexOf(" = ");
				current.put(line.substring(1, separator), line.substring(separator + 3).strip());
			}
			else {
				current = null;
			}
		}
		return configurations;
	}

	private static Duration since(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static void measure(String what, Duration duration) {
		measurements.add("%-100s %6.1f s".formatted(what, duration.toMillis() / 1000.0));
	}

	private static void measure(String what, int count) {
		measurements.add("%-100s %6d".formatted(what, count));
	}

	private static void measure(String what, String value) {
		measurements.add("%-100s %6s".formatted(what, value));
	}

	/**
	 * A subscription of the tests.
	 *
	 * @param name the name of its webhook receiver
	 * @param id its id
	 * @param createdAt when search-service created it: it alerts on articles fetched
	 * since
	 * @param matches which published articles its criteria match
	 */
	record Followed(String name, String id, Instant createdAt, Predicate<PublishedArticles.Published> matches) {

	}

}

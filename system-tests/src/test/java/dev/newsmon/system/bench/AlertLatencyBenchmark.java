package dev.newsmon.system.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.ArticleFetched;
import dev.newsmon.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alert latency of search-service alone (issue 6): from an {@link ArticleAnalyzed} record
 * sent to {@link Topics#ARTICLES_ANALYZED} to its webhook arriving at a
 * {@link WebhookReceiver} on 127.0.0.1, with 10,000 subscriptions, at fixed offered
 * rates. Only search-service runs (from its jar, within a 256 MB heap, as in
 * {@link EndToEndBenchmark}), on the broker and Elasticsearch of
 * {@code deploy/local/infra.sh up --profile bench}; the benchmark itself is the producer,
 * so ingest and analysis queues play no part.
 * <p>
 * Run from the repository root: <pre>
 * deploy/local/mvn.sh -o -q package -DskipTests -pl search-service -am
 * deploy/local/infra.sh up --profile bench
 * deploy/local/bench.sh system-tests dev.newsmon.system.bench.AlertLatencyBenchmark [key=value ...]
 * </pre> Parameters (defaults in {@link #DEFAULTS}): rates (articles/s offered, one phase
 * each, comma separated), seconds (length of each phase), warmup (seconds at the first
 * rate, not measured), subscriptions, matchingPercent (subscriptions that some articles
 * match; the others wait for words no article holds), fanout (alerts per article), drain
 * (seconds without a new webhook that end a phase), docs (true writes the tables into
 * docs/performance.md).
 * <p>
 * Each article is sent at a planned instant ({@code rate} per second, evenly spaced), its
 * record timestamp and {@code fetchedAt} set to the instant of the send; latency is the
 * webhook's arrival minus that instant. The stages come from the service's own
 * timestamps, read back from Elasticsearch after each phase: the article document's
 * {@code indexedAt} (set as the batch is converted, before its bulk request) and the
 * delivery log's {@code matchedAt} (set once the batch is indexed and matched, before the
 * delivery is logged and dispatched). All clocks are this machine's.
 */
public final class AlertLatencyBenchmark {

	static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("rates", "50,200"), Map.entry("seconds", "60"),
			Map.entry("warmup", "15"), Map.entry("subscriptions", "10000"), Map.entry("matchingPercent", "10"),
			Map.entry("fanout", "1"), Map.entry("drain", "10"), Map.entry("docs", "false"));

	private static final List<String> LANGUAGES = List.of("en", "ja", "ko");

	/** Words none of the generated articles holds. */
	private static final List<String> ABSENT = List.of("earthquake", "vaccine", "football", "orchestra", "volcano",
			"\"election fraud\"", "pandemic", "olympics", "bitcoin", "wildfire");

	private static final List<String> ABSENT_JA = List.of("地震", "ワクチン", "サッカー", "火山", "選手権");

	private static final List<String> ABSENT_KO = List.of("지진", "백신", "축구", "화산", "선수권");

	/**
	 * Words every English article has: conjunctions with them are evaluated, not skipped.
	 */
	private static final List<String> PRESENT = List.of("ministry", "officials", "budget", "security", "shipping");

	/** Topics of the taxonomy no generated article carries. */
	private static final List<String> ABSENT_TOPICS = List.of("cyber-security", "taiwan-strait", "north-korea",
			"us-alliances", "arms-industry");

	/** The topic every generated article carries. */
	private static final String ARTICLE_TOPIC = "semiconductors";

	private static final String API_KEY = "bench-" + UUID.randomUUID();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, String> args;

	private final String kafka = BenchOutput.env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:39092");

	private final String elasticsearchUrl = BenchOutput.env("ELASTICSEARCH_URL", "http://127.0.0.1:39200");

	private final String run = Long.toString(System.currentTimeMillis(), 36);

	private final Map<String, Long> infraPids = new LinkedHashMap<>();

	/** Subscription id to its number; numbers below the matching count can match. */
	private final Map<String, Integer> subscriptionNumbers = new ConcurrentHashMap<>();

	/** Article id to its number. */
	private final Map<String, Integer> articleNumbers = new ConcurrentHashMap<>();

	/** Article id to the epoch ms of its send; filled by the sender. */
	private final Map<String, Long> sentAt = new ConcurrentHashMap<>();

	/** Article id to the epoch ms of the broker's acknowledgement. */
	private final Map<String, Long> ackedAt = new ConcurrentHashMap<>();

	private final List<String> rows = new ArrayList<>();

	private final List<String> stages = new ArrayList<>();

	private final List<String> resources = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private final int matching;

	private final int fanout;

	private ServiceJvm search;

	private WebhookReceiver webhooks;

	private int nextArticle;

	private AlertLatencyBenchmark(Map<String, String> args) {
		this.args = args;
		this.fanout = intArg("fanout");
		int wanted = intArg("subscriptions") * intArg("matchingPercent") / 100;
		// whole blocks of fanout subscriptions, each block alerted by the same articles
		this.matching = wanted / this.fanout * this.fanout;
		if (this.matching == 0) {
			throw new IllegalArgumentException("no subscription would match: raise matchingPercent or lower fanout");
		}
	}

	public static void main(String[] arguments) throws Exception {
		Map<String, String> args = new LinkedHashMap<>(DEFAULTS);
		for (String argument : arguments) {
			String[] pair = argument.split("=", 2);
			if (pair.length != 2 || !DEFAULTS.containsKey(pair[0])) {
				throw new IllegalArgumentException("unknown argument " + argument + "; known: " + DEFAULTS.keySet());
			}
			args.put(pair[0], pair[1]);
		}
		new AlertLatencyBenchmark(args).run();
		System.exit(0);
	}

	private int intArg(String name) {
		return Integer.parseInt(this.args.get(name));
	}

	private void run() throws Exception {
		String loadBefore = BenchOutput.loadAverage();
		Instant started = Instant.now();
		Elastic elastic = new Elastic(this.elasticsearchUrl);
		infraPid("kafka", Path.of("..", ".local", "bench", "kafka", "kafka.pid"));
		infraPid("elasticsearch", Path.of("..", ".local", "bench", "elasticsearch", "elasticsearch.pid"));
		// a subscriptions topic of the run's own: subscriptions of earlier runs, with
		// webhooks to receivers long gone, would otherwise be matched and retried too
		Map<String, String> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", this.kafka, "ELASTICSEARCH_URL",
				this.elasticsearchUrl, "NEWSMON_API_KEY", API_KEY, "NEWSMON_ALLOWED_NETWORKS", "127.0.0.0/8",
				"NEWSMON_SEARCH_SUBSCRIPTIONS_TOPIC", "bench-subscriptions-" + this.run);
		long starting = System.nanoTime();
		this.webhooks = new WebhookReceiver();
		try (KafkaProducer<String, String> producer = producer()) {
			this.search = ServiceJvm.start("search-service", 38080, environment);
			this.search.awaitReady(Duration.ofMinutes(4));
			BenchOutput.log("search-service ready in %.1f s", (System.nanoTime() - starting) / 1e9);
			Thread sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(this::sampleHeap);
			subscribe(intArg("subscriptions"));
			List<Double> rates = new ArrayList<>();
			for (String rate : this.args.get("rates").split(",")) {
				rates.add(Double.parseDouble(rate.strip()));
			}
			// warm-up: JIT, connection pools, index segments; also lets the reader take
			// in
			// the last subscriptions
			Phase warmup = offer(producer, rates.get(0), intArg("warmup"));
			awaitQuiet(warmup);
			BenchOutput.log("warm-up: %d articles, %d of %d alerts", warmup.articles.size(), received(warmup).size(),
					warmup.articles.size() * this.fanout);
			for (double rate : rates) {
				measure(producer, elastic, rate);
			}
			sampler.interrupt();
			this.notes.add("search-service's highest heap used, sampled each second: %.0f MB of 256 MB (%s).".formatted(
					this.search.maxHeapMb(), this.search.heldHeap() ? "alive, no OutOfMemoryError" : "NOT held"));
		}
		finally {
			this.webhooks.close();
			if (this.search != null) {
				this.search.close();
			}
		}
		String report = report(started, loadBefore, BenchOutput.loadAverage());
		System.out.println(report);
		Path file = Path.of("target", "bench", "alert-latency.md");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
		if (Boolean.parseBoolean(this.args.get("docs"))) {
			BenchOutput.writeDocs("alert latency", report);
		}
	}

	private KafkaProducer<String, String> producer() {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		// each record leaves at once, as analysis-service's per-record sends do
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
	}

	private void measure(KafkaProducer<String, String> producer, Elastic elastic, double rate) throws Exception {
		String loadStart = BenchOutput.loadAverage();
		Usage usage = new Usage();
		Phase phase = offer(producer, rate, intArg("seconds"));
		double sendSeconds = (System.nanoTime() - phase.startNanos) / 1e9;
		awaitQuiet(phase);
		String cpu = usage.end();
		String loadEnd = BenchOutput.loadAverage();
		Map<String, Long> received = received(phase);
		List<Long> latencies = new ArrayList<>();
		int unexpected = 0;
		for (Map.Entry<String, Long> delivery : received.entrySet()) {
			String[] parts = delivery.getKey().split(":");
			if (!expected(parts[0], parts[parts.length - 1])) {
				unexpected++;
				continue;
			}
			latencies.add(delivery.getValue() - this.sentAt.get(parts[parts.length - 1]));
		}
		long expected = (long) phase.articles.size() * this.fanout;
		long p99 = Visibility.quantile(latencies, 0.99);
		String offered = "%.0f/s (%,d sent in %.1f s)".formatted(rate, phase.articles.size(), sendSeconds);
		this.rows.add("| %s | %,d / %,d%s | %d / %d / %d ms | %s |".formatted(offered, expected, latencies.size(),
				(unexpected > 0) ? " (%d unexpected)".formatted(unexpected) : "", Visibility.quantile(latencies, 0.5),
				p99, Visibility.quantile(latencies, 1.0),
				verdict(p99 >= 0 && p99 <= 1000 && latencies.size() == expected, p99 / 1000.0)));
		this.resources.add("| %.0f/s | %s | %s → %s |".formatted(rate, cpu, loadStart, loadEnd));
		stages(elastic, rate, phase, received);
		BenchOutput.log("rate %.0f/s: %d articles, %d of %d alerts, p50 %d ms, p99 %d ms", rate, phase.articles.size(),
				latencies.size(), expected, Visibility.quantile(latencies, 0.5), p99);
	}

	/**
	 * Where the time of each alert went, from the article's indexing time and the
	 * delivery's match time as the service stored them.
	 */
	private void stages(Elastic elastic, double rate, Phase phase, Map<String, Long> received) throws Exception {
		Map<String, String> indexed = elastic.sourceField(Elastic.ALIAS, phase.articles, "indexedAt");
		Map<String, String> matched = elastic.sourceField("news-alert-deliveries", received.keySet(), "matchedAt");
		List<Long> acked = new ArrayList<>();
		List<Long> toIndexed = new ArrayList<>();
		List<Long> toMatched = new ArrayList<>();
		List<Long> toReceived = new ArrayList<>();
		for (String article : phase.articles) {
			Long ack = this.ackedAt.get(article);
			String at = indexed.get(article);
			if (ack != null) {
				acked.add(ack - this.sentAt.get(article));
			}
			if (at != null) {
				toIndexed.add(Instant.parse(at).toEpochMilli() - this.sentAt.get(article));
			}
		}
		received.forEach((delivery, arrival) -> {
			String article = delivery.substring(delivery.lastIndexOf(':') + 1);
			String at = matched.get(delivery);
			String was = indexed.get(article);
			if (at != null && was != null) {
				long match = Instant.parse(at).toEpochMilli();
				toMatched.add(match - Instant.parse(was).toEpochMilli());
				toReceived.add(arrival - match);
			}
		});
		this.stages.add("| %.0f/s | %s | %s | %s | %s |".formatted(rate, quantiles(acked), quantiles(toIndexed),
				quantiles(toMatched), quantiles(toReceived)));
	}

	private static String quantiles(List<Long> values) {
		return "%d / %d / %d".formatted(Visibility.quantile(values, 0.5), Visibility.quantile(values, 0.99),
				Visibility.quantile(values, 1.0));
	}

	/**
	 * Whether the delivery belongs to one of the subscriptions the article was made for.
	 */
	private boolean expected(String subscriptionId, String articleId) {
		Integer number = this.subscriptionNumbers.get(subscriptionId);
		Integer article = this.articleNumbers.get(articleId);
		return number != null && article != null && number < this.matching && number / this.fanout == block(article);
	}

	private int block(int article) {
		return article % (this.matching / this.fanout);
	}

	/** Sends articles at {@code rate} per second for {@code seconds}, evenly spaced. */
	private Phase offer(KafkaProducer<String, String> producer, double rate, int seconds) throws Exception {
		Phase phase = new Phase();
		long count = Math.round(rate * seconds);
		double gapNanos = 1e9 / rate;
		for (long n = 0; n < count; n++) {
			long due = phase.startNanos + (long) (n * gapNanos);
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			int number = this.nextArticle++;
			Instant now = Instant.now();
			String value = json.writeValueAsString(article(number, now));
			String id = articleId(number);
			this.articleNumbers.put(id, number);
			long sent = now.toEpochMilli();
			this.sentAt.put(id, sent);
			phase.articles.add(id);
			phase.ids.add(id);
			producer.send(new ProducerRecord<>(Topics.ARTICLES_ANALYZED, null, sent, id, value), (metadata, ex) -> {
				if (ex == null) {
					this.ackedAt.put(id, System.currentTimeMillis());
				}
				else {
					phase.failed.incrementAndGet();
				}
			});
		}
		producer.flush();
		if (phase.failed.get() > 0) {
			this.notes.add(phase.failed.get() + " sends failed at " + rate + "/s");
		}
		return phase;
	}

	/** Waits until no webhook of the phase has arrived for {@code drain} seconds. */
	private void awaitQuiet(Phase phase) throws InterruptedException {
		long quietNanos = intArg("drain") * 1_000_000_000L;
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		long expected = (long) phase.articles.size() * this.fanout;
		int seen = -1;
		long lastChange = System.nanoTime();
		while (System.nanoTime() < deadline) {
			int now = received(phase).size();
			if (now != seen) {
				seen = now;
				lastChange = System.nanoTime();
			}
			if (now >= expected && System.nanoTime() - lastChange > 1_000_000_000L) {
				return;
			}
			if (System.nanoTime() - lastChange > quietNanos) {
				return;
			}
			Thread.sleep(200);
		}
	}

	/**
	 * The deliveries received for the phase's articles, with their arrival (epoch ms).
	 */
	private Map<String, Long> received(Phase phase) {
		Map<String, Long> received = new HashMap<>();
		this.webhooks.received().forEach((delivery, at) -> {
			if (phase.ids.contains(delivery.substring(delivery.lastIndexOf(':') + 1))) {
				received.put(delivery, at);
			}
		});
		return received;
	}

	/**
	 * Article {@code number}: English, Japanese or Korean news text whose title names the
	 * marker of each subscription of its block; its source is the block's source and its
	 * language the block's language.
	 */
	private ArticleAnalyzed article(int number, Instant now) {
		int block = block(number);
		String language = LANGUAGES.get(block % 3);
		long seed = number * 104729L + this.run.hashCode();
		StringBuilder title = new StringBuilder(NewsText.title(language, seed));
		for (int k = block * this.fanout; k < (block + 1) * this.fanout; k++) {
			title.append(" — ").append(marker(k)).append(" bulletin");
		}
		String body = NewsText.body(language, seed);
		String summary = body.substring(0, Math.min(200, body.length()));
		String id = articleId(number);
		ArticleFetched fetched = new ArticleFetched(ArticleFetched.SCHEMA_VERSION, id,
				"https://alerts.newsmon.invalid/" + this.run + "/" + number, "bench-alerts-" + block, source(block),
				title.toString(), summary, body, null, List.of(), language, now, now, "<p>" + summary + "</p>",
				List.of());
		return new ArticleAnalyzed(ArticleAnalyzed.SCHEMA_VERSION, fetched, language,
				List.of(new ArticleAnalyzed.TopicTag(ARTICLE_TOPIC, 0.6, List.of())), List.of(), seed,
				"story-" + this.run + "-" + number, now);
	}

	private String articleId(int number) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(("alerts/" + this.run + "/" + number).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash).substring(0, 32);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A made-up word of subscription {@code k} that articles of its block name. */
	private String marker(int k) {
		return "kw" + this.run + "x" + Integer.toString(k, 36);
	}

	/** A made-up word that no article names. */
	private String absentName(int j) {
		return "zq" + this.run + "y" + Integer.toString(j, 36);
	}

	private String source(int block) {
		return "Alert bench " + this.run + " source " + block;
	}

	/**
	 * Subscription {@code i}: the first {@link #matching} match the articles of block
	 * {@code i / fanout}, in four ways (a word, a phrase, a word in one language, a
	 * source); the others are a mix of words, phrases, alternatives, exclusions, Japanese
	 * and Korean words, topic and language filters that no article satisfies.
	 */
	private Map<String, Object> subscription(int i) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Alert benchmark " + i);
		if (i < this.matching) {
			int block = i / this.fanout;
			switch (i % 4) {
				case 0 -> body.put("query", marker(i));
				case 1 -> body.put("query", "\"" + marker(i) + " bulletin\"");
				case 2 -> {
					body.put("query", marker(i));
					body.put("languages", List.of(LANGUAGES.get(block % 3)));
				}
				default -> body.put("sources", List.of(source(block)));
			}
		}
		else {
			int j = i - this.matching;
			switch (j % 10) {
				case 0 -> body.put("query", ABSENT.get(j / 10 % ABSENT.size()));
				case 1 -> body.put("query", absentName(j) + " " + PRESENT.get(j / 10 % PRESENT.size()));
				case 2 -> body.put("query", "\"" + absentName(j) + " " + absentName(j + 1) + "\"");
				case 3 -> body.put("query", absentName(j) + " | " + absentName(j + 1));
				case 4 -> body.put("query", absentName(j) + " -" + PRESENT.get(j / 10 % PRESENT.size()));
				case 5 -> body.put("query", ABSENT_JA.get(j / 10 % ABSENT_JA.size()));
				case 6 -> body.put("query", ABSENT_KO.get(j / 10 % ABSENT_KO.size()));
				case 7 -> {
					body.put("topics", List.of(ABSENT_TOPICS.get(j / 10 % ABSENT_TOPICS.size())));
					body.put("languages", List.of(LANGUAGES.get(j / 10 % 3)));
				}
				case 8 -> {
					body.put("query", absentName(j));
					body.put("topics", List.of(ARTICLE_TOPIC));
				}
				default -> {
					body.put("query", absentName(j));
					body.put("sources", List.of(source(j / 10 % Math.max(1, this.matching / this.fanout))));
				}
			}
		}
		body.put("channel", Map.of("type", "webhook", "url", this.webhooks.url()));
		return body;
	}

	private void subscribe(int count) throws Exception {
		long start = System.nanoTime();
		List<Map<String, Object>> bodies = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			bodies.add(subscription(i));
		}
		List<String> ids = BenchSubscriptions.create(this.search, API_KEY, bodies, this.notes);
		for (int i = 0; i < ids.size(); i++) {
			if (ids.get(i) != null) {
				this.subscriptionNumbers.put(ids.get(i), i);
			}
		}
		BenchOutput.log("%d subscriptions (%d matching) created in %.1f s", count, this.matching,
				(System.nanoTime() - start) / 1e9);
	}

	private void sampleHeap() {
		while (!Thread.currentThread().isInterrupted()) {
			this.search.sampleHeapMb();
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private void infraPid(String name, Path file) {
		try {
			this.infraPids.put(name, Long.parseLong(Files.readString(file).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			this.notes.add("no CPU figures for " + name + ": " + file + " unreadable");
		}
	}

	/** The articles of one phase. */
	private static final class Phase {

		private final long startNanos = System.nanoTime();

		private final List<String> articles = new ArrayList<>();

		private final Set<String> ids = ConcurrentHashMap.newKeySet();

		private final AtomicInteger failed = new AtomicInteger();

	}

	/**
	 * CPU of search-service, the broker, Elasticsearch and this process over a phase, in
	 * cores.
	 */
	private final class Usage {

		private final long start = System.nanoTime();

		private final Map<String, Double> cpu = new LinkedHashMap<>();

		Usage() {
			this.cpu.put("search-service", AlertLatencyBenchmark.this.search.cpuSeconds());
			AlertLatencyBenchmark.this.infraPids.forEach((name, pid) -> this.cpu.put(name, ServiceJvm.cpuSeconds(pid)));
			this.cpu.put("benchmark", ServiceJvm.cpuSeconds(ProcessHandle.current().pid()));
		}

		String end() {
			double seconds = (System.nanoTime() - this.start) / 1e9;
			StringBuilder line = new StringBuilder("%.0f s |".formatted(seconds));
			double total = 0;
			for (Map.Entry<String, Double> entry : this.cpu.entrySet()) {
				double now = switch (entry.getKey()) {
					case "search-service" -> AlertLatencyBenchmark.this.search.cpuSeconds();
					case "benchmark" -> ServiceJvm.cpuSeconds(ProcessHandle.current().pid());
					default -> ServiceJvm.cpuSeconds(AlertLatencyBenchmark.this.infraPids.get(entry.getKey()));
				};
				double cores = (now - entry.getValue()) / seconds;
				total += cores;
				line.append(" %.2f |".formatted(cores));
			}
			return line.append(" %.2f".formatted(total)).toString();
		}

	}

	private static String verdict(boolean met, double fraction) {
		return (met ? "met" : "MISSED") + " (p99 %.0f%% of 1 s)".formatted(fraction * 100);
	}

	private String report(Instant started, String loadBefore, String loadAfter) {
		StringBuilder out = new StringBuilder();
		out.append("Run of %s (%.0f min), load average before %s, after %s; parameters %s%n%n".formatted(started,
				Duration.between(started, Instant.now()).toSeconds() / 60.0, loadBefore, loadAfter, this.args));
		out.append("| Offered | Alerts expected / received | Send → webhook received p50 / p99 / max | "
				+ "Target p99 ≤ 1 s, every alert |\n|---|---|---|---|\n");
		this.rows.forEach((row) -> out.append(row).append('\n'));
		out.append("\nStages, p50 / p99 / max in ms: send → broker acknowledgement; send → `indexedAt` "
				+ "(the batch's documents built, before its bulk request); `indexedAt` → `matchedAt` (bulk "
				+ "request, then matching); `matchedAt` → webhook received (delivery log write, dispatch, POST):\n\n"
				+ "| Offered | Send → ack | Send → indexedAt | indexedAt → matchedAt | matchedAt → received |\n"
				+ "|---|---|---|---|---|\n");
		this.stages.forEach((row) -> out.append(row).append('\n'));
		out.append("\nCPU per phase, in cores (1.00 = one core busy; the machine has 2), and the load average "
				+ "(1, 5, 15 min) at its start and end:\n\n| Offered | Length | search-service | ");
		out.append(String.join(" | ", this.infraPids.keySet()))
			.append(" | benchmark (producer, receiver) | all | Load average |\n|---|---|---|");
		out.append("---|".repeat(this.infraPids.size() + 3)).append('\n');
		this.resources.forEach((row) -> out.append(row).append('\n'));
		this.notes.forEach((note) -> out.append('\n').append(note).append('\n'));
		return out.toString();
	}

}

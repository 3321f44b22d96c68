package dev.newsmon.system.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.newsmon.events.ArticleFetched;
import dev.newsmon.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end-to-end benchmark of issue 9: the three services from their executable jars
 * (each within a 256 MB heap) on the broker and Elasticsearch of
 * {@code deploy/local/infra.sh up --profile bench}, fed by a {@link NewsFarm}; measured
 * against raw baselines on the same infrastructure, in the same run.
 * <p>
 * Run from the repository root: <pre>
 * deploy/local/mvn.sh -o -q package -DskipTests -pl ingest-service,analysis-service,search-service -am
 * deploy/local/infra.sh up --profile bench
 * deploy/local/bench.sh system-tests dev.newsmon.system.bench.EndToEndBenchmark [key=value ...]
 * </pre> Parameters (defaults in {@link #DEFAULTS}): feeds, hosts, rate (articles/s
 * offered in the latency phase), warmup, latencySeconds, maxSeconds, itemsPerPoll,
 * workers, backlog, backlogTimeout, rawDocs, wire (percent of wire copies), subscriptions
 * (0: none), matchingPercent (subscriptions that follow one feed),
 * analysisProducerLingerMs and analysisConcurrency (configuration experiments on
 * analysis-service, unset by default), port (search-service's; ingest-service and
 * analysis-service take the next two), docs (true writes the table into
 * docs/performance.md).
 */
public final class EndToEndBenchmark {

	static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("feeds", "3000"), Map.entry("hosts", "16"),
			Map.entry("rate", "200"), Map.entry("warmup", "20"), Map.entry("latencySeconds", "60"),
			Map.entry("maxSeconds", "60"), Map.entry("itemsPerPoll", "10"), Map.entry("workers", "8"),
			Map.entry("backlog", "50000"), Map.entry("backlogTimeout", "1200"), Map.entry("rawDocs", "20000"),
			Map.entry("wire", "30"), Map.entry("docs", "false"), Map.entry("subscriptions", "10000"),
			Map.entry("matchingPercent", "10"), Map.entry("analysisProducerLingerMs", ""),
			Map.entry("analysisConcurrency", ""), Map.entry("port", "38080"));

	/** Words none of the generated articles holds: subscriptions that never match. */
	private static final List<String> ABSENT = List.of("earthquake", "vaccine", "football", "orchestra", "volcano",
			"election fraud", "pandemic", "olympics", "bitcoin", "wildfire", "地震", "ワクチン", "サッカー", "지진", "백신", "축구");

	private static final String API_KEY = "bench-" + UUID.randomUUID();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Map<String, String> args;

	private final String kafka = BenchOutput.env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:39092");

	private final String elasticsearchUrl = BenchOutput.env("ELASTICSEARCH_URL", "http://127.0.0.1:39200");

	private final String run = Long.toString(System.currentTimeMillis(), 36);

	private final Map<String, ServiceJvm> services = new LinkedHashMap<>();

	private final Map<String, Long> infraPids = new LinkedHashMap<>();

	private final List<String[]> rows = new ArrayList<>();

	private final List<String> resources = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private final List<String> feedNames = new ArrayList<>();

	private WebhookReceiver webhooks;

	private EndToEndBenchmark(Map<String, String> args) {
		this.args = args;
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
		new EndToEndBenchmark(args).run();
		System.exit(0);
	}

	/**
	 * Configuration experiments on analysis-service, off by default: the producer's
	 * linger.ms and the listener's concurrency.
	 */
	private Map<String, String> analysisEnvironment(Map<String, String> environment) {
		Map<String, String> analysis = new LinkedHashMap<>(environment);
		if (!this.args.get("analysisProducerLingerMs").isEmpty()) {
			analysis.put("SPRING_APPLICATION_JSON",
					"{\"spring\":{\"kafka\":{\"producer\":{\"properties\":{\"linger.ms\":"
							+ Integer.parseInt(this.args.get("analysisProducerLingerMs")) + "}}}}}");
		}
		if (!this.args.get("analysisConcurrency").isEmpty()) {
			analysis.put("SPRING_KAFKA_LISTENER_CONCURRENCY", this.args.get("analysisConcurrency"));
		}
		return analysis;
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
		Map<String, String> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", this.kafka, "ELASTICSEARCH_URL",
				this.elasticsearchUrl, "NEWSMON_API_KEY", API_KEY, "NEWSMON_ALLOWED_NETWORKS", "127.0.0.0/8",
				"NEWSMON_DEMO_FEEDS", "false", "NEWSMON_INGEST_POLL_ENABLED", "false",
				// the farm has a few hosts for thousands of feeds; a real one has
				// thousands
				"NEWSMON_INGEST_POLL_HOSTGAP", "0s");
		long starting = System.nanoTime();
		try (NewsFarm farm = new NewsFarm(this.run, intArg("hosts"), intArg("itemsPerPoll"), intArg("wire"))) {
			this.services.put("ingest-service", ServiceJvm.start("ingest-service", intArg("port") + 1, environment));
			this.services.put("analysis-service",
					ServiceJvm.start("analysis-service", intArg("port") + 2, analysisEnvironment(environment)));
			this.services.put("search-service", ServiceJvm.start("search-service", intArg("port"), environment));
			for (ServiceJvm service : this.services.values()) {
				service.awaitReady(Duration.ofMinutes(4));
			}
			BenchOutput.log("services ready in %.1f s", (System.nanoTime() - starting) / 1e9);
			Thread sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(this::sampleHeaps);
			List<String> feedIds = register(farm, intArg("feeds"));
			this.webhooks = new WebhookReceiver();
			subscribe(intArg("subscriptions"));
			measure(farm, elastic, feedIds);
			this.webhooks.close();
			sampler.interrupt();
			for (ServiceJvm service : this.services.values()) {
				this.resources.add("| %s | %.0f MB | %s |".formatted(service.name(), service.maxHeapMb(),
						service.heldHeap() ? "held (alive, no OutOfMemoryError)" : "NOT held"));
			}
		}
		finally {
			for (ServiceJvm service : this.services.values()) {
				service.close();
			}
		}
		String report = report(started, loadBefore, BenchOutput.loadAverage());
		System.out.println(report);
		Path file = Path.of("target", "bench", "end-to-end.md");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
		if (Boolean.parseBoolean(this.args.get("docs"))) {
			BenchOutput.writeDocs("end-to-end", report);
		}
	}

	private void measure(NewsFarm farm, Elastic elastic, List<String> feedIds) throws Exception {
		int itemsPerPoll = intArg("itemsPerPoll");
		try (PollPump pump = new PollPump(this.services.get("ingest-service"), feedIds, API_KEY, intArg("workers"))) {
			// warm-up at the offered rate: JIT, connection pools, index segments
			double pollsPerSecond = Double.parseDouble(this.args.get("rate")) / itemsPerPoll;
			pump.startPaced(pollsPerSecond);
			Thread.sleep(intArg("warmup") * 1000L);
			pump.stop();
			BenchOutput.log("warm-up done: %d polls, %d failed, %d articles searchable", pump.succeeded(),
					pump.failed(), elastic.count());
			latencyPhase(farm, elastic, pump, pollsPerSecond);
			throughputPhase(farm, elastic, pump);
		}
		double bulkRate = rawBulk(elastic);
		backlog(elastic, bulkRate);
	}

	private void latencyPhase(NewsFarm farm, Elastic elastic, PollPump pump, double pollsPerSecond) throws Exception {
		int seconds = intArg("latencySeconds");
		Usage usage = new Usage();
		long generated = farm.generated();
		long stories = farm.stories();
		long polls = pump.succeeded();
		long skipped = pump.skipped();
		long from = System.currentTimeMillis();
		try (Visibility visibility = new Visibility(elastic, from, 250, 6000)) {
			pump.startPaced(pollsPerSecond);
			Thread.sleep(seconds * 1000L);
			pump.stop();
			visibility.fetchedUntil(System.currentTimeMillis());
			double offered = (farm.generated() - generated) / (double) seconds;
			double distinct = (farm.stories() - stories) / (double) seconds;
			visibility.awaitQuiet(20_000, 240_000);
			// late webhooks: deliveries run behind indexing
			Thread.sleep(5000);
			usage.end("fixed rate");
			webhookLatency(visibility.fetchedAt());
			BenchOutput.log("latency phase: %d articles seen, p50 %d ms, p99 %d ms", visibility.count(),
					visibility.quantile(0.5), visibility.quantile(0.99));
			row("Offered at a fixed rate (items served / distinct stories)",
					"%.0f items/s, %.0f stories/s (%d polls, %d skipped)".formatted(offered, distinct,
							pump.succeeded() - polls, pump.skipped() - skipped),
					"200 articles/s", "");
			long p99 = visibility.quantile(0.99);
			row("Fetch → searchable p50 / p99 / max at that rate",
					"%d / %d / %d ms (%d articles, %d search errors)".formatted(visibility.quantile(0.5), p99,
							visibility.quantile(1.0), visibility.count(), visibility.errors()),
					"p99 ≤ 2,000 ms", verdict(p99 >= 0 && p99 <= 2000, p99 / 2000.0, "of target"));
		}
	}

	private double e2eRate;

	private void webhookLatency(Map<String, Long> fetchedAt) {
		int subscriptions = intArg("subscriptions");
		if (subscriptions == 0) {
			return;
		}
		List<Long> latencies = new ArrayList<>();
		this.webhooks.received().forEach((delivery, received) -> {
			Long fetched = fetchedAt.get(delivery.substring(delivery.lastIndexOf(':') + 1));
			if (fetched != null) {
				latencies.add(received - fetched);
			}
		});
		long p99 = Visibility.quantile(latencies, 0.99);
		row("Fetch → webhook received p50 / p99 / max, %,d subscriptions".formatted(subscriptions),
				"%d / %d / %d ms (%,d alerts)".formatted(Visibility.quantile(latencies, 0.5), p99,
						Visibility.quantile(latencies, 1.0), latencies.size()),
				"p99 ≤ 1,000 ms", verdict(p99 >= 0 && p99 <= 1000, p99 / 1000.0, "of target"));
	}

	/**
	 * Subscriptions with a webhook to {@link #webhooks}: {@code matchingPercent} of them
	 * follow one feed's source each, feeds spread evenly over all, the others wait for
	 * words no article holds.
	 */
	private void subscribe(int count) throws Exception {
		if (count == 0) {
			return;
		}
		long start = System.nanoTime();
		int matching = count * intArg("matchingPercent") / 100;
		List<Map<String, Object>> bodies = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("name", "Benchmark subscription " + i);
			if (i < matching) {
				// spread over all the feeds: the pump polls them in order, so followed
				// feeds
				// bunched at the start would be polled in some phases only
				int feed = (int) ((long) i * this.feedNames.size() / matching);
				body.put("sources", List.of(this.feedNames.get(feed)));
			}
			else {
				body.put("query", ABSENT.get(i % ABSENT.size()));
			}
			body.put("channel", Map.of("type", "webhook", "url", this.webhooks.url()));
			bodies.add(body);
		}
		BenchSubscriptions.create(this.services.get("search-service"), API_KEY, bodies, this.notes);
		BenchOutput.log("%d subscriptions (%d following a feed) created in %.1f s", count, matching,
				(System.nanoTime() - start) / 1e9);
	}

	private void throughputPhase(NewsFarm farm, Elastic elastic, PollPump pump) throws Exception {
		int seconds = intArg("maxSeconds");
		Usage usage = new Usage();
		long generated = farm.generated();
		long from = System.currentTimeMillis();
		try (Visibility visibility = new Visibility(elastic, from, 1000, 20000)) {
			pump.startFlat();
			Thread.sleep(seconds * 1000L);
			pump.stop();
			visibility.fetchedUntil(System.currentTimeMillis());
			double offered = (farm.generated() - generated) / (double) seconds;
			visibility.awaitQuiet(20_000, 240_000);
			usage.end("as fast as possible");
			double span = (visibility.lastNewMs() - from) / 1000.0;
			this.e2eRate = visibility.count() / span;
			BenchOutput.log("throughput phase: %d articles in %.1f s", visibility.count(), span);
			row("Fetch → searchable, as fast as ingest polls",
					"%.0f articles/s (%d articles in %.1f s; %.0f items/s served)".formatted(this.e2eRate,
							visibility.count(), span, offered),
					"", "");
			row("Fetch → searchable p50 / p99 under saturation",
					"%d / %d ms".formatted(visibility.quantile(0.5), visibility.quantile(0.99)), "", "");
		}
	}

	private double rawBulk(Elastic elastic) throws Exception {
		List<String> documents = elastic.sample(intArg("rawDocs"));
		String index = "bench-raw-" + this.run;
		elastic.createLike(index);
		try {
			Usage usage = new Usage();
			double seconds = elastic.bulk(index, documents, 500);
			usage.end("raw _bulk");
			double rate = documents.size() / seconds;
			row("Raw `_bulk` of the same analysed documents (batches of 500, one client)",
					"%.0f docs/s (%d in %.1f s)".formatted(rate, documents.size(), seconds), "", "");
			double ratio = this.e2eRate / rate;
			row("End-to-end throughput / raw `_bulk`", "%.2f".formatted(ratio), "≥ 0.50",
					verdict(ratio >= 0.5, ratio / 0.5, "of target"));
			return rate;
		}
		finally {
			elastic.delete(index);
		}
	}

	private void backlog(Elastic elastic, double bulkRate) throws Exception {
		int size = intArg("backlog");
		long before = elastic.count();
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		Usage usage = new Usage();
		long start = System.nanoTime();
		long bytes = 0;
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
				new StringSerializer())) {
			Instant now = Instant.now();
			for (int i = 0; i < size; i++) {
				String language = NewsText.LANGUAGES.get(i % 3);
				String url = "https://backlog.newsmon.invalid/" + this.run + "/" + language + "/" + i;
				long seed = i * 104729L + this.run.hashCode();
				String body = NewsText.body(language, seed);
				String summary = body.substring(0, Math.min(200, body.length()));
				String id = articleId(url);
				String value = json.writeValueAsString(new ArticleFetched(ArticleFetched.SCHEMA_VERSION, id, url,
						"bench-backlog-" + language, "Benchmark backlog wire", NewsText.title(language, seed), summary,
						body, null, List.of(), language, now, now, "<p>" + summary + "</p>", List.of()));
				bytes += value.length();
				producer.send(new ProducerRecord<>(Topics.ARTICLES_FETCHED, id, value));
			}
			producer.flush();
		}
		double produceSeconds = (System.nanoTime() - start) / 1e9;
		double produceRate = size / produceSeconds;
		row("Raw Kafka producer, same broker (acks=all, idempotent, ~%.1f KB records)".formatted(bytes / 1024.0 / size),
				"%.0f records/s (%d in %.1f s)".formatted(produceRate, size, produceSeconds), "", "");
		BenchOutput.log("backlog of %d published in %.1f s; draining", size, produceSeconds);
		long deadline = start + intArg("backlogTimeout") * 1_000_000_000L;
		long count = before;
		while (System.nanoTime() < deadline && count < before + size) {
			Thread.sleep(2000);
			count = elastic.count();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		usage.end("backlog drain");
		long drained = count - before;
		double rate = drained / seconds;
		double minutesFor300k = 300_000 / rate / 60;
		row("Backlog of %,d published → searchable".formatted(size), "%,d in %.0f s = %.0f articles/s%s"
			.formatted(drained, seconds, rate, (drained < size) ? " (timed out)" : ""), "", "");
		row("300,000 backlog drain (extrapolated at that rate)", "%.1f min".formatted(minutesFor300k), "≤ 20 min",
				verdict(minutesFor300k <= 20, minutesFor300k / 20, "of target"));
		row("Backlog drain rate / raw `_bulk`", "%.2f".formatted(rate / bulkRate), "", "");
	}

	private static String articleId(String url) throws NoSuchAlgorithmException {
		byte[] hash = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(hash).substring(0, 32);
	}

	private List<String> register(NewsFarm farm, int feeds) throws Exception {
		long start = System.nanoTime();
		ServiceJvm ingest = this.services.get("ingest-service");
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> ids = new ArrayList<>();
			for (int n = 0; n < feeds; n++) {
				String url = farm.feedUrl(n);
				String language = NewsFarm.language(n);
				String name = "Benchmark " + language + " feed " + n;
				this.feedNames.add(name);
				ids.add(executor.submit(() -> {
					HttpResponse<String> response = http.send(HttpRequest.newBuilder(ingest.uri("/api/feeds"))
						.header("Authorization", "Bearer " + API_KEY)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
								Map.of("url", url, "name", name, "language", language, "intervalSeconds", 3600))))
						.build(), HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() != 201) {
						throw new IllegalStateException(
								"registering " + url + ": " + response.statusCode() + " " + response.body());
					}
					return json.readTree(response.body()).path("id").asString();
				}));
			}
			List<String> result = new ArrayList<>();
			for (Future<String> id : ids) {
				result.add(id.get());
			}
			BenchOutput.log("%d feeds registered in %.1f s", feeds, (System.nanoTime() - start) / 1e9);
			return result;
		}
		finally {
			executor.shutdown();
		}
	}

	private void sampleHeaps() {
		while (!Thread.currentThread().isInterrupted()) {
			this.services.values().forEach(ServiceJvm::sampleHeapMb);
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

	/** CPU of every process over one phase, in cores (1.00 = one core busy). */
	private final class Usage {

		private final long start = System.nanoTime();

		private final Map<String, Double> cpu = new LinkedHashMap<>();

		Usage() {
			EndToEndBenchmark.this.services.forEach((name, service) -> this.cpu.put(name, service.cpuSeconds()));
			EndToEndBenchmark.this.infraPids.forEach((name, pid) -> this.cpu.put(name, ServiceJvm.cpuSeconds(pid)));
		}

		void end(String phase) {
			double seconds = (System.nanoTime() - this.start) / 1e9;
			StringBuilder line = new StringBuilder("| " + phase + " | %.0f s |".formatted(seconds));
			double total = 0;
			for (Map.Entry<String, Double> entry : this.cpu.entrySet()) {
				ServiceJvm service = EndToEndBenchmark.this.services.get(entry.getKey());
				double now = (service != null) ? service.cpuSeconds()
						: ServiceJvm.cpuSeconds(EndToEndBenchmark.this.infraPids.get(entry.getKey()));
				double cores = (now - entry.getValue()) / seconds;
				total += cores;
				line.append(" %.2f |".formatted(cores));
			}
			line.append(" %.2f |".formatted(total));
			EndToEndBenchmark.this.resources.add(line.toString());
		}

	}

	private void row(String metric, String measured, String target, String verdict) {
		this.rows.add(new String[] { metric, measured, target, verdict });
	}

	private static String verdict(boolean met, double fraction, String what) {
		return (met ? "met" : "MISSED") + " (" + "%.0f%% ".formatted(fraction * 100) + what + ")";
	}

	private String report(Instant started, String loadBefore, String loadAfter) {
		StringBuilder out = new StringBuilder();
		out.append("Run of %s (%.0f min), load average before %s, after %s; parameters %s%n%n".formatted(started,
				Duration.between(started, Instant.now()).toSeconds() / 60.0, loadBefore, loadAfter, this.args));
		out.append("| Measure | Measured | Target | Verdict |\n|---|---|---|---|\n");
		for (String[] row : this.rows) {
			out.append("| ").append(String.join(" | ", row)).append(" |\n");
		}
		out.append("\nCPU per phase, in cores (1.00 = one core busy; the machine has 2):\n\n| Phase | Length | ");
		List<String> names = new ArrayList<>(this.services.keySet());
		names.addAll(this.infraPids.keySet());
		out.append(String.join(" | ", names)).append(" | all |\n|---|---|");
		out.append("---|".repeat(names.size() + 1)).append('\n');
		this.resources.stream()
			.filter((line) -> !line.contains(" MB |"))
			.forEach((line) -> out.append(line).append('\n'));
		out.append("\nHeap per service (-Xmx256m, highest used heap sampled each second):\n\n")
			.append("| Service | Highest heap used | Within 256 MB |\n|---|---|---|\n");
		this.resources.stream()
			.filter((line) -> line.contains(" MB |"))
			.forEach((line) -> out.append(line).append('\n'));
		this.notes.forEach((note) -> out.append("\n").append(note).append('\n'));
		return out.toString();
	}

}

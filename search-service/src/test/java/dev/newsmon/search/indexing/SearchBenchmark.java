package dev.newsmon.search.indexing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.ArticleFetched;
import dev.newsmon.search.SearchApplication;
import dev.newsmon.search.cjk.CjkTokenizer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Indexing throughput of the service against raw {@code _bulk}, then search latency.
 * <ol>
 * <li>Publishes N synthetic articles in English, Japanese and Korean to a topic of its
 * own (not timed).</li>
 * <li>Starts the service on that topic and times its real consumer: from starting the
 * listener until the group has committed every offset, i.e. until Elasticsearch
 * acknowledged every article.</li>
 * <li>Builds the same documents (the same conversion, CJK segmentation included, not
 * timed) and times sequential raw {@code _bulk} requests of 500 of them into a second
 * index with the same mapping.</li>
 * <li>Runs a mixed query set through {@code GET /api/search} from 20 concurrent clients
 * and reports p50 and p99.</li>
 * </ol>
 * Run with
 * {@code deploy/local/bench.sh search-service dev.newsmon.search.indexing.SearchBenchmark [N]}.
 */
public final class SearchBenchmark {

	private static final int BULK_SIZE = 500;

	private static final int CLIENTS = 20;

	private static final CjkTokenizer SEGMENTER = new CjkTokenizer();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final String[] EN = ("north korea missile launch nato japan south korea alliance exercise navy "
			+ "coast guard taiwan strait drills china military budget defence spending semiconductor export controls "
			+ "supply chain cyber attack hackers intelligence sharing summit minister talks sanctions ukraine russia "
			+ "artillery shells tanks howitzers poland submarine aukus quad indo-pacific strategy free open maritime "
			+ "security partnership deterrence troops base command warships patrol aircraft fighter jets carrier "
			+ "island dispute senkaku spratly philippines vessel water cannon blockade invasion threat diplomacy "
			+ "agreement treaty cooperation officials said on monday week report government parliament election")
		.split(" ");

	private static final String[] JA = ("北朝鮮,弾道ミサイル,発射,防衛省,日本,韓国,米国,中国,台湾,海峡,演習,共同訓練,防衛費,"
			+ "予算,半導体,輸出規制,サプライチェーン,サイバー攻撃,情報共有,首脳会談,外相,制裁,ロシア,ウクライナ,砲弾,戦車,"
			+ "潜水艦,インド太平洋,戦略,自由,海洋,安全保障,抑止力,在日米軍,司令部,艦艇,哨戒機,戦闘機,空母,尖閣諸島,"
			+ "南シナ海,フィリピン,放水,封鎖,侵攻,外交,協定,協力,政府,発表,関係,改善,同盟,NATO,首相,大統領,会議")
		.split(",");

	private static final String[] JA_PARTICLES = { "が", "を", "は", "に", "と", "の", "で" };

	private static final String[] KO = ("북한 탄도미사일 발사 합동참모본부 일본 한국 미국 중국 대만 해협 훈련 연합훈련 국방비 예산 "
			+ "반도체 수출 통제 공급망 사이버 공격 정보 공유 정상회담 장관 제재 러시아 우크라이나 포탄 전차 자주포 잠수함 "
			+ "인도태평양 전략 자유 해양 안보 억제력 주한미군 사령부 함정 초계기 전투기 항공모함 독도 남중국해 필리핀 물대포 "
			+ "봉쇄 침공 외교 협정 협력 정부 발표 관계 개선 동맹 NATO 총리 대통령 회의 밝혔다 했다 강화하기로")
		.split(" ");

	private static final int TOPICAL = 12;

	private static final String[] EN_SYLLABLES = ("ba be bi bo bu da de di do du fa fe fi fo ga ge gi go ka ke ki ko ku "
			+ "la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu "
			+ "va ve vi vo za ze zi zo bar ber dor fen gar kel lin mar nor pel ran ser tor vin wal")
		.split(" ");

	private static final String[] JA_SYLLABLES = ("県,市,町,村,山,川,田,中,本,島,野,原,大,小,高,長,新,東,西,南,北,会,社,学,校,"
			+ "店,駅,道,物,事,業,場,者,人,時,日,月,年,金,円,水,火,木,土,花,海,空,雨,雪,風,春,夏,秋,冬,朝,夜,子,女,男,家,"
			+ "車,船,鉄,米,茶,酒,肉,魚,文,化,産,品,価,格,料,理,音,楽,映,画,旅,行,祭,林,森,石,橋,池,門,寺,宮,神,城")
		.split(",");

	private static final String[] KO_SYLLABLES = ("가 나 다 라 마 바 사 아 자 차 카 타 파 하 고 노 도 로 모 보 소 오 조 초 "
			+ "구 누 두 루 무 부 수 우 주 추 기 니 디 리 미 비 시 이 지 치 강 남 동 림 문 박 산 성 원 정 천 한 현 호 화")
		.split(" ");

	private static final String[] TOPICS = { "north-korea", "korea-japan-relations", "nato-asia-partnership",
			"taiwan-strait", "south-china-sea", "defense-spending", "semiconductors", "cyber-security",
			"joint-exercises", "us-alliances" };

	private static final String[] QUERIES = { "missile", "north korea", "\"coast guard\"", "taiwan | strait",
			"nato -russia", "defence budget", "北朝鮮", "インド太平洋戦略", "NATO 日本", "半導体 輸出規制", "북한", "한일 관계", "인도태평양 전략",
			"반도체 공급망", "NATO 北朝鮮 북한", "sanctions&sort=newest", "missile&topic=north-korea",
			"&lang=ja&topic=taiwan-strait", "훈련&lang=ko", "drills&from=2026-10-01" };

	private SearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int n = (args.length > 0) ? Integer.parseInt(args[0]) : 200_000;
		String version = (args.length > 1) ? args[1] : "1";
		// "keep" leaves the service's index in place, to look at its queries afterwards
		boolean keep = args.length > 2 && args[2].equals("keep");
		String kafka = required("KAFKA_BOOTSTRAP_SERVERS");
		String elasticsearch = required("ELASTICSEARCH_URL");
		String run = UUID.randomUUID().toString().substring(0, 8);
		String topic = "bench.articles.analyzed." + run;
		String alias = "bench-" + run;
		String group = "bench-" + run;
		Instant base = Instant.now();
		System.out.printf("N = %,d synthetic articles (en/ja/ko 1:1:1), mapping v%s, run %s%n", n, version, run);

		Properties admin = new Properties();
		admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
		try (Admin kafkaAdmin = Admin.create(admin)) {
			kafkaAdmin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
			try {
				publish(kafka, topic, n, base);
				// as arguments: they must win over application.yml, as default properties
				// do not
				try (ConfigurableApplicationContext service = new SpringApplicationBuilder(SearchApplication.class).run(
						"--server.port=0", "--spring.kafka.bootstrap-servers=" + kafka,
						"--spring.elasticsearch.uris=" + elasticsearch, "--spring.kafka.consumer.group-id=" + group,
						"--newsmon.search.index.alias=" + alias, "--newsmon.search.index.version=" + version,
						"--newsmon.search.messaging.topic=" + topic, "--spring.kafka.listener.auto-startup=false",
						"--logging.level.root=WARN")) {
					double serviceRate = timeService(service, kafkaAdmin, topic, group, n);
					send(elasticsearch, "POST", "/" + alias + "/_refresh", null);
					String raw = alias + "-vraw";
					send(elasticsearch, "PUT", "/" + raw, "{\"settings\":{\"number_of_replicas\":0}}");
					double rawRate = timeRawBulk(elasticsearch, raw, n, base);
					System.out.printf("Indexing: service %,.0f docs/s, raw _bulk %,.0f docs/s, ratio %.2f%n",
							serviceRate, rawRate, serviceRate / rawRate);
					send(elasticsearch, "DELETE", "/" + raw, null);
					String port = service.getEnvironment().getProperty("local.server.port");
					searchLatency("http://localhost:" + port);
				}
			}
			finally {
				kafkaAdmin.deleteTopics(List.of(topic)).all().get();
				kafkaAdmin.deleteConsumerGroups(List.of(group));
				if (keep) {
					System.out.printf("Kept the index %s-v%s (alias %s)%n", alias, version, alias);
				}
				else {
					send(elasticsearch, "DELETE", "/" + alias + "-v" + version, null);
					send(elasticsearch, "DELETE", "/_index_template/" + alias, null);
				}
			}
		}
	}

	private static void publish(String kafka, String topic, int n, Instant base) throws Exception {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
		properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		long start = System.nanoTime();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
				new ByteArraySerializer())) {
			Random random = new Random(42);
			for (int i = 0; i < n; i++) {
				ArticleAnalyzed article = article(i, random, base);
				producer
					.send(new ProducerRecord<>(topic, article.article().articleId(), json.writeValueAsBytes(article)));
			}
			producer.flush();
		}
		System.out.printf("Published %,d records in %.1f s (not timed below)%n", n, seconds(start));
	}

	private static double timeService(ConfigurableApplicationContext service, Admin admin, String topic, String group,
			int n) throws Exception {
		List<TopicPartition> partitions = new ArrayList<>();
		for (int p = 0; p < 6; p++) {
			partitions.add(new TopicPartition(topic, p));
		}
		Map<TopicPartition, Long> end = new java.util.HashMap<>();
		admin
			.listOffsets(partitions.stream()
				.collect(java.util.stream.Collectors.toMap((p) -> p, (p) -> OffsetSpec.latest())))
			.all()
			.get()
			.forEach((partition, info) -> end.put(partition, info.offset()));
		long start = System.nanoTime();
		service.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("search-articles-analyzed").start();
		while (true) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get();
			boolean done = true;
			for (TopicPartition partition : partitions) {
				OffsetAndMetadata offset = committed.get(partition);
				if (end.get(partition) > 0 && (offset == null || offset.offset() < end.get(partition))) {
					done = false;
				}
			}
			if (done) {
				break;
			}
			Thread.sleep(100);
		}
		double elapsed = seconds(start);
		System.out.printf("Service (Kafka consumer -> ArticleIndexer -> _bulk, committed): %,d in %.1f s%n", n,
				elapsed);
		return n / elapsed;
	}

	private static double timeRawBulk(String elasticsearch, String index, int n, Instant base) throws Exception {
		ArticleDocuments documents = new ArticleDocuments(new CjkTokenizer());
		Random random = new Random(42);
		long timed = 0;
		long building = 0;
		Instant now = Instant.now();
		for (int i = 0; i < n; i += BULK_SIZE) {
			StringBuilder body = new StringBuilder();
			long build = System.nanoTime();
			for (int j = i; j < Math.min(n, i + BULK_SIZE); j++) {
				ArticleAnalyzed article = article(j, random, base);
				ArticleDocument document = documents.toDocument(article, now);
				body.append("{\"index\":{\"_id\":\"")
					.append(document.articleId())
					.append("\",\"version\":")
					.append(ArticleDocuments.version(article))
					.append(",\"version_type\":\"external_gte\"}}\n")
					.append(json.writeValueAsString(document))
					.append('\n');
			}
			building += System.nanoTime() - build;
			long start = System.nanoTime();
			HttpResponse<String> response = send(elasticsearch, "POST", "/" + index + "/_bulk", body.toString());
			timed += System.nanoTime() - start;
			if (response.statusCode() != 200 || response.body().contains("\"errors\":true")) {
				throw new IllegalStateException("Raw bulk failed: " + response.body().substring(0, 500));
			}
		}
		double elapsed = timed / 1e9;
		System.out.printf("Raw _bulk of the same documents (%d per request, sequential): %,d in %.1f s%n", BULK_SIZE, n,
				elapsed);
		System.out.printf(
				"  building those records and documents (incl. the words analysis sends), not timed above: %.1f s%n",
				building / 1e9);
		return n / elapsed;
	}

	private static void searchLatency(String service) throws Exception {
		int warmup = 200;
		int measured = 2000;
		run(service, warmup, CLIENTS);
		serviceTimes(service);
		long start = System.nanoTime();
		long[] latencies = run(service, measured, CLIENTS);
		double elapsed = seconds(start);
		Arrays.sort(latencies);
		System.out.printf("Search: %d clients, %d requests over %d queries, %.0f req/s, p50 %.1f ms, p99 %.1f ms%n",
				CLIENTS, measured, QUERIES.length, measured / elapsed, latencies[measured / 2] / 1e6,
				latencies[(int) (measured * 0.99)] / 1e6);
	}

	/**
	 * One client, so nothing queues: each request's latency is its own cost. Reports the
	 * whole set's p50 and p99 and each query's median, slowest first.
	 */
	private static void serviceTimes(String service) throws Exception {
		int rounds = 10;
		long[] latencies = run(service, rounds * QUERIES.length, 1);
		long[] sorted = latencies.clone();
		Arrays.sort(sorted);
		System.out.printf("Search: 1 client, %d requests over %d queries, p50 %.1f ms, p99 %.1f ms%n", sorted.length,
				QUERIES.length, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
		List<Map.Entry<String, Long>> medians = new ArrayList<>();
		for (int q = 0; q < QUERIES.length; q++) {
			long[] times = new long[rounds];
			for (int r = 0; r < rounds; r++) {
				times[r] = latencies[r * QUERIES.length + q];
			}
			Arrays.sort(times);
			medians.add(Map.entry(QUERIES[q], times[rounds / 2]));
		}
		medians.sort(Map.Entry.<String, Long>comparingByValue().reversed());
		for (Map.Entry<String, Long> median : medians) {
			System.out.printf("  %7.1f ms  %s%n", median.getValue() / 1e6, median.getKey());
		}
	}

	private static long[] run(String service, int requests, int clientCount) throws Exception {
		long[] latencies = new long[requests];
		AtomicInteger next = new AtomicInteger();
		ExecutorService clients = Executors.newFixedThreadPool(clientCount);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int c = 0; c < clientCount; c++) {
				futures.add(clients.submit(() -> {
					for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
						String query = QUERIES[i % QUERIES.length];
						int amp = query.indexOf('&');
						String q = (amp < 0) ? query : query.substring(0, amp);
						String rest = (amp < 0) ? "" : query.substring(amp);
						URI uri = URI
							.create(service + "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + rest);
						long start = System.nanoTime();
						HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
								HttpResponse.BodyHandlers.ofString());
						latencies[i] = System.nanoTime() - start;
						if (response.statusCode() != 200) {
							throw new IllegalStateException(uri + " answered " + response.statusCode());
						}
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			clients.shutdown();
		}
		return latencies;
	}

	static ArticleAnalyzed article(int i, Random random, Instant base) {
		String language = switch (i % 3) {
			case 0 -> "en";
			case 1 -> "ja";
			default -> "ko";
		};
		String title = text(language, random, 8);
		StringBuilder body = new StringBuilder();
		for (int s = 0; s < 8; s++) {
			body.append(text(language, random, 14))
				.append(language.equals("en") ? ". " : (language.equals("ja") ? "。" : ". "));
		}
		String id = String.format("bench%027d", i);
		Instant published = base.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
		ArticleFetched fetched = new ArticleFetched(1, id, "https://bench.example.org/" + id, "feed-" + (i % 50),
				"Source " + (i % 20), title, "", body.toString(), null, List.of(), language, published, published, "",
				List.of());
		List<ArticleAnalyzed.TopicTag> topics = List.of(new ArticleAnalyzed.TopicTag(
				TOPICS[random.nextInt(TOPICS.length)], 0.5 + random.nextDouble() / 2, List.of()));
		// as analysis-service sends them: the words it segmented for tagging (the
		// contract's
		// segmenter, which this service's tokenizer implements too)
		ArticleAnalyzed.CjkWords words = SEGMENTER.words(title, "", body.toString(), language);
		return new ArticleAnalyzed(1, fetched, language, topics, List.of(), random.nextLong(),
				"bench-cluster-" + (i / 5), published.plusSeconds(30), words);
	}

	/**
	 * Words of the topical vocabulary are one in {@code TOPICAL}; the rest come from a
	 * large skewed vocabulary of made-up words, so that a query word matches a few
	 * percent of the articles of its language, as in real news, rather than most of them.
	 */
	private static String text(String language, Random random, int words) {
		StringBuilder out = new StringBuilder();
		for (int w = 0; w < words; w++) {
			boolean topical = random.nextInt(TOPICAL) == 0;
			switch (language) {
				case "en" -> out.append((w > 0) ? " " : "")
					.append(topical ? EN[random.nextInt(EN.length)] : filler(random, EN_SYLLABLES));
				case "ja" -> out.append(topical ? JA[random.nextInt(JA.length)] : filler(random, JA_SYLLABLES))
					.append(JA_PARTICLES[random.nextInt(JA_PARTICLES.length)]);
				default -> out.append((w > 0) ? " " : "")
					.append(topical ? KO[random.nextInt(KO.length)] : filler(random, KO_SYLLABLES));
			}
		}
		return out.toString();
	}

	/** A made-up word of two or three syllables, the common ones far more often. */
	private static String filler(Random random, String[] syllables) {
		StringBuilder word = new StringBuilder();
		int length = 2 + random.nextInt(2);
		for (int i = 0; i < length; i++) {
			double r = random.nextDouble();
			word.append(syllables[(int) (syllables.length * r * r)]);
		}
		return word.toString();
	}

	private static HttpResponse<String> send(String elasticsearch, String method, String path, String body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(elasticsearch + path))
			.header("Content-Type", (path.endsWith("_bulk")) ? "application/x-ndjson" : "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	private static String required(String name) {
		String value = System.getenv(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(name + " must point at Kafka or Elasticsearch");
		}
		return value;
	}

}

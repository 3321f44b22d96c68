package dev.newsmon.search.alert.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.newsmon.search.alert.Subscription;
import dev.newsmon.search.cjk.CjkTokenizer;
import dev.newsmon.search.indexing.ArticleDocument;
import dev.newsmon.search.query.TopicTaxonomy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matching throughput, in articles per second on one thread, of
 * {@link SubscriptionMatcher} with 10,000 subscriptions: single words, two words,
 * phrases, alternatives, exclusions, Japanese and Korean words, a third of them narrowed
 * by topics or languages, and one in ten with filters only. Articles are English,
 * Japanese and Korean news-like text of about 250 words, already converted as for
 * indexing; they are matched in batches of 50, as the listener hands them over, and one
 * at a time.
 * <p>
 * Run with {@code deploy/local/bench.sh search-service jmh AlertMatchingBenchmark -f 1
 * -wi 2 -w 2s -i 3 -r 3s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class AlertMatchingBenchmark {

	static final int BATCH = 50;

	private static final String[] EN = ("north korea missile launch alliance exercise navy coast guard strait drills "
			+ "military budget defence spending chip export controls supply chain cyber attack intelligence summit "
			+ "minister talks sanctions artillery shells tanks submarine strategy maritime security partnership "
			+ "deterrence troops base command warships patrol aircraft fighter carrier island dispute vessel blockade "
			+ "threat diplomacy agreement treaty cooperation officials report government parliament election "
			+ "satellite rocket nuclear test reactor uranium enrichment inspectors border refugees aid trade tariff "
			+ "steel shipbuilding drone radar interceptor battery exports factory plant investment subsidy lithography "
			+ "foundry memory wafer smartphone battery vehicle energy grid pipeline port harbour airport railway "
			+ "earthquake typhoon flood rescue hospital vaccine outbreak court ruling protest strike union wages "
			+ "inflation rates bank currency yen won dollar bonds stocks market investors profit quarterly forecast")
		.split(" ");

	private static final String[] FILLER = ("the a of to in and on for with by at from as that this was were said "
			+ "after before over under new more than about into its their his her they it is are be has have had "
			+ "will would could may two three first last week year day month today yesterday")
		.split(" ");

	private static final String[] JA = ("北朝鮮 弾道ミサイル 発射 防衛省 演習 共同訓練 防衛費 予算 半導体 輸出規制 供給網 "
			+ "首脳会談 外相 制裁 潜水艦 安全保障 抑止力 艦艇 哨戒機 戦闘機 空母 外交 協定 協力 政府 発表 同盟 首相 会議 "
			+ "地震 台風 洪水 病院 裁判所 判決 賃金 物価 金利 為替 株価 投資 工場 電池 鉄道 港湾 選挙 議会 衛星")
		.split(" ");

	private static final String[] KO = ("북한 탄도미사일 발사 합동참모본부 훈련 연합훈련 국방비 예산 반도체 수출 통제 "
			+ "공급망 정상회담 장관 제재 잠수함 안보 억지력 함정 초계기 전투기 항공모함 외교 협정 협력 정부 발표 동맹 총리 "
			+ "회의 지진 태풍 홍수 병원 법원 판결 임금 물가 금리 환율 주가 투자 공장 배터리 철도 항만 선거 국회 위성")
		.split(" ");

	private static final String[] TOPICS = { "north-korea", "semiconductors", "minilateral-groupings",
			"joint-exercises", "missile-defense", "taiwan-strait", "south-china-sea", "cyber" };

	private static final String[] SOURCES = { "Wire One", "Wire Two", "Harbour Times", "Capital Daily", "Morning Post",
			"Evening Bulletin" };

	private static final String[] SYLLABLES = ("ka ri mo ta ne so lu vi ba de an or el is um ko ra ti po ze "
			+ "mi na ho gu fa le si tor ven dal mar kel bro stan ford ton berg")
		.split(" ");

	private static final String[] KANA = "カ リ モ タ ネ ソ ル ヴィ バ デ ア オ エ イ ウ コ ラ ティ ポ ゼ ミ ナ ホ グ フ レ シ ト ン ド".split(" ");

	private static final String[] HANGUL = "가 리 모 타 네 소 루 비 바 데 안 오 엘 이 움 코 라 티 포 제 미 나 호 구 파 레 시 토 벤 달".split(" ");

	/** Names and rarer words: people, places, companies, ships, products. */
	private static final int NAMES = 3000;

	@Param("10000")
	int subscriptions;

	private String[] names;

	private String[] kanaNames;

	private String[] hangulNames;

	private SubscriptionMatcher matcher;

	private List<ArticleDocument> articles;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		CjkTokenizer tokenizer = new CjkTokenizer();
		Random random = new Random(42);
		this.names = words(random, SYLLABLES, "", NAMES);
		this.kanaNames = words(random, KANA, "", NAMES / 3);
		this.hangulNames = words(random, HANGUL, "", NAMES / 3);
		this.matcher = new SubscriptionMatcher(tokenizer);
		List<Subscription> all = new ArrayList<>(this.subscriptions);
		for (int i = 0; i < this.subscriptions; i++) {
			all.add(subscription(i, random, this.names, this.kanaNames, this.hangulNames));
		}
		this.matcher.putAll(all);
		this.articles = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			this.articles.add(article(i, random, tokenizer, this.names, this.kanaNames, this.hangulNames));
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() throws Exception {
		this.matcher.close();
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public int matchBatchesOf50() {
		int from = this.next;
		this.next = (this.next + BATCH) % (this.articles.size() - BATCH);
		return this.matcher.match(this.articles.subList(from, from + BATCH)).size();
	}

	@Benchmark
	public int matchOneArticle() {
		this.next = (this.next + 1) % this.articles.size();
		return this.matcher.match(List.of(this.articles.get(this.next))).size();
	}

	private static Subscription subscription(int i, Random random, String[] names, String[] kana, String[] hangul) {
		String query = switch (random.nextInt(20)) {
			case 0, 1, 2, 3, 4 -> term(random, names);
			case 5, 6 -> term(random, names) + " " + EN[random.nextInt(EN.length)];
			case 7 -> term(random, names) + " " + term(random, names);
			case 8 -> '"' + EN[random.nextInt(EN.length)] + " " + EN[random.nextInt(EN.length)] + '"';
			case 9 -> term(random, names) + " | " + term(random, names);
			case 10 -> term(random, names) + " -" + EN[random.nextInt(EN.length)];
			case 11, 12 ->
				kana[random.nextInt(kana.length)] + ((random.nextBoolean()) ? " " + JA[random.nextInt(JA.length)] : "");
			case 13, 14 -> hangul[random.nextInt(hangul.length)]
					+ ((random.nextBoolean()) ? " " + KO[random.nextInt(KO.length)] : "");
			case 15 -> (random.nextBoolean()) ? JA[random.nextInt(JA.length)] : KO[random.nextInt(KO.length)];
			case 16 -> EN[random.nextInt(EN.length)];
			case 17 -> '"' + term(random, names) + " " + EN[random.nextInt(EN.length)] + '"';
			default -> null;
		};
		List<String> topics = List.of();
		List<String> languages = List.of();
		List<String> sources = List.of();
		if (query == null) {
			// a topic in some languages
			topics = List.of(TOPICS[random.nextInt(TOPICS.length)]);
			languages = List.of(new String[] { "en", "ja", "ko" }[random.nextInt(3)]);
		}
		else if (random.nextInt(3) == 0) {
			switch (random.nextInt(3)) {
				case 0 -> topics = List.of(TOPICS[random.nextInt(TOPICS.length)]);
				case 1 -> languages = List.of(new String[] { "en", "ja", "ko" }[random.nextInt(3)]);
				default -> sources = List.of(SOURCES[random.nextInt(SOURCES.length)]);
			}
		}
		return new Subscription("s" + i, "subscription " + i, query, topics, languages, sources,
				new Subscription.Channel(Subscription.Channel.Type.ATOM, null, null, null), false, null, Instant.EPOCH);
	}

	/** A name to watch: people watch specific things, spread over the whole list. */
	private static String term(Random random, String[] names) {
		return names[random.nextInt(names.length)];
	}

	private static String[] words(Random random, String[] syllables, String separator, int count) {
		java.util.Set<String> words = new java.util.LinkedHashSet<>();
		while (words.size() < count) {
			StringBuilder word = new StringBuilder();
			int length = 2 + random.nextInt(3);
			for (int s = 0; s < length; s++) {
				word.append((s > 0) ? separator : "").append(syllables[random.nextInt(syllables.length)]);
			}
			words.add(word.toString());
		}
		return words.toArray(String[]::new);
	}

	private static ArticleDocument article(int i, Random random, CjkTokenizer tokenizer, String[] names, String[] kana,
			String[] hangul) {
		String language = new String[] { "en", "en", "ja", "ko" }[i % 4];
		int theme = random.nextInt(1000);
		String title = text(language, 10, random, names, kana, hangul, theme);
		String summary = text(language, 30, random, names, kana, hangul, theme);
		String body = text(language, 220, random, names, kana, hangul, theme);
		List<String> cjk = new ArrayList<>();
		cjk.addAll(tokenizer.tokenize(title, language));
		cjk.addAll(tokenizer.tokenize(summary, language));
		cjk.addAll(tokenizer.tokenize(body, language));
		Instant now = Instant.now();
		return new ArticleDocument("a" + i, "https://example.org/" + i, "feed", SOURCES[i % SOURCES.length], title,
				summary, body, String.join(" ", cjk), null, List.of(), language,
				(i % 3 == 0)
						? List.of(new ArticleDocument.Topic(TOPICS[i % TOPICS.length], 0.7),
								new ArticleDocument.Topic(TOPICS[(i * 7 + 3) % TOPICS.length], 0.4))
						: List.of(new ArticleDocument.Topic(TOPICS[i % TOPICS.length], 0.7)),
				List.of(), "story-" + (i / 3), 0L, now, now, now, now);
	}

	/**
	 * News-like text about one theme: mostly common words, a third words of the theme (a
	 * run of 20 topic words, Zipf within it), and about one word in twelve a name from
	 * the long list (Zipf too: some names are in the news all week).
	 */
	private static String text(String language, int words, Random random, String[] names, String[] kana,
			String[] hangul, int theme) {
		StringBuilder text = new StringBuilder();
		for (int w = 0; w < words; w++) {
			boolean name = random.nextInt(12) == 0;
			switch (language) {
				case "ja" -> text.append(name ? kana[zipf(random, kana.length)] : JA[themed(random, theme, JA.length)])
					.append((w % 8 == 7) ? "。" : "の");
				case "ko" ->
					text.append(name ? hangul[zipf(random, hangul.length)] : KO[themed(random, theme, KO.length)])
						.append((w % 3 == 2) ? "는 " : " ");
				default -> {
					if (name) {
						text.append(names[zipf(random, names.length)]);
					}
					else if (random.nextInt(3) == 0) {
						text.append(EN[themed(random, theme, EN.length)]);
					}
					else {
						text.append(FILLER[random.nextInt(FILLER.length)]);
					}
					text.append(' ');
				}
			}
		}
		return text.toString().strip();
	}

	private static int themed(Random random, int theme, int size) {
		return (theme + zipf(random, 20)) % size;
	}

	/** A rank from 0 to size - 1, small ranks far more often (Zipf-like). */
	private static int zipf(Random random, int size) {
		double u = random.nextDouble();
		return Math.min(size - 1, (int) Math.floor(Math.pow(size + 1, u)) - 1);
	}

	/**
	 * Matching throughput per second of CPU time of the matching thread, which a loaded
	 * machine does not distort as it does wall-clock time. Run with
	 * {@code deploy/local/bench.sh search-service
	 * dev.newsmon.search.alert.matching.AlertMatchingBenchmark [rounds]}.
	 * @param args the number of measured rounds of 1,000 articles (default 5)
	 * @throws Exception if the matcher cannot be closed
	 */
	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 5;
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		AlertMatchingBenchmark benchmark = new AlertMatchingBenchmark();
		benchmark.subscriptions = 10_000;
		benchmark.setUp();
		int batches = 1000 / BATCH;
		for (int round = -2; round < rounds; round++) {
			long cpu = threads.getCurrentThreadCpuTime();
			long wall = System.nanoTime();
			long matches = 0;
			for (int i = 0; i < batches; i++) {
				matches += benchmark.matchBatchesOf50();
			}
			double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
			double wallSeconds = (System.nanoTime() - wall) / 1e9;
			System.out.printf("%s: %,.0f articles per CPU second, %,.0f per wall second, %.1f matches per article%n",
					(round < 0) ? "warm-up" : "round " + (round + 1), batches * BATCH / cpuSeconds,
					batches * BATCH / wallSeconds, (double) matches / (batches * BATCH));
		}
		benchmark.tearDown();
	}

}

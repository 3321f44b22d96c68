package dev.newsmon.search.alert.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.newsmon.search.alert.Subscription;
import dev.newsmon.search.cjk.CjkTokenizer;
import dev.newsmon.search.indexing.ArticleDocument;
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

	@Param("10000")
	int subscriptions;

	private SubscriptionMatcher matcher;

	private List<ArticleDocument> articles;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		CjkTokenizer tokenizer = new CjkTokenizer();
		Random random = new Random(42);
		this.matcher = new SubscriptionMatcher(tokenizer);
		List<Subscription> all = new ArrayList<>(this.subscriptions);
		for (int i = 0; i < this.subscriptions; i++) {
			all.add(subscription(i, random));
		}
		this.matcher.putAll(all);
		this.articles = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			this.articles.add(article(i, random, tokenizer));
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

	private static Subscription subscription(int i, Random random) {
		String query = switch (random.nextInt(10)) {
			case 0, 1, 2 -> term(random);
			case 3 -> term(random) + " " + term(random);
			case 4 -> '"' + EN[zipf(random, EN.length)] + " " + EN[zipf(random, EN.length)] + '"';
			case 5 -> term(random) + " | " + term(random);
			case 6 -> term(random) + " -" + term(random);
			case 7 ->
				JA[random.nextInt(JA.length)] + ((random.nextBoolean()) ? " " + JA[random.nextInt(JA.length)] : "");
			case 8 -> KO[random.nextInt(KO.length)];
			default -> null;
		};
		List<String> topics = List.of();
		List<String> languages = List.of();
		List<String> sources = List.of();
		if (query == null || random.nextInt(3) == 0) {
			switch (random.nextInt(3)) {
				case 0 -> topics = List.of(TOPICS[random.nextInt(TOPICS.length)]);
				case 1 -> languages = List.of(new String[] { "en", "ja", "ko" }[random.nextInt(3)]);
				default -> sources = List.of(SOURCES[random.nextInt(SOURCES.length)]);
			}
		}
		return new Subscription("s" + i, "subscription " + i, query, topics, languages, sources,
				new Subscription.Channel(Subscription.Channel.Type.ATOM, null, null, null), false, null, Instant.EPOCH);
	}

	private static String term(Random random) {
		// subscriptions name specific things more often than the most common words
		return EN[EN.length - 1 - zipf(random, EN.length)];
	}

	private static ArticleDocument article(int i, Random random, CjkTokenizer tokenizer) {
		String language = new String[] { "en", "en", "ja", "ko" }[i % 4];
		String title = text(language, 10, random);
		String summary = text(language, 30, random);
		String body = text(language, 220, random);
		List<String> cjk = new ArrayList<>();
		cjk.addAll(tokenizer.tokenize(title, language));
		cjk.addAll(tokenizer.tokenize(summary, language));
		cjk.addAll(tokenizer.tokenize(body, language));
		Instant now = Instant.now();
		return new ArticleDocument("a" + i, "https://example.org/" + i, "feed", SOURCES[i % SOURCES.length], title,
				summary, body, String.join(" ", cjk), null, List.of(), language,
				List.of(new ArticleDocument.Topic(TOPICS[i % TOPICS.length], 0.7)), List.of(), "story-" + (i / 3), 0L,
				now, now, now, now);
	}

	private static String text(String language, int words, Random random) {
		StringBuilder text = new StringBuilder();
		for (int w = 0; w < words; w++) {
			switch (language) {
				case "ja" -> text.append(JA[zipf(random, JA.length)]).append((w % 8 == 7) ? "。" : "の");
				case "ko" -> text.append(KO[zipf(random, KO.length)]).append((w % 3 == 2) ? "는 " : " ");
				default -> text.append(
						(random.nextInt(3) == 0) ? EN[zipf(random, EN.length)] : FILLER[random.nextInt(FILLER.length)])
					.append(' ');
			}
		}
		return text.toString().strip();
	}

	/** A rank from 0 to size - 1, small ranks far more often (Zipf-like). */
	private static int zipf(Random random, int size) {
		double u = random.nextDouble();
		return Math.min(size - 1, (int) Math.floor(Math.pow(size + 1, u)) - 1);
	}

}

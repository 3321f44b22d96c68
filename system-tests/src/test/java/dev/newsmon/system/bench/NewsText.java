package dev.newsmon.system.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Made-up news text in English, Japanese and Korean, the same for the same seed: a title
 * and a body of about a kilobyte, built from sentences of a small vocabulary.
 */
final class NewsText {

	static final List<String> LANGUAGES = List.of("en", "ja", "ko");

	private static final List<String> EN_SUBJECTS = List.of("The port authority", "Regional regulators",
			"The central bank", "A large shipping group", "City officials", "The energy ministry",
			"Researchers at the national university", "The coast guard", "The defence ministry",
			"A semiconductor maker");

	private static final List<String> EN_VERBS = List.of("announced", "postponed", "approved", "criticised", "reviewed",
			"expanded", "suspended", "defended");

	private static final List<String> EN_OBJECTS = List.of("a new ferry schedule", "plans for an offshore wind farm",
			"the budget for rail repairs", "limits on fishing quotas", "a cyber security audit",
			"tariffs on steel imports", "a joint naval exercise", "subsidies for chip factories");

	private static final List<String> EN_TAILS = List.of("on Tuesday.", "after weeks of talks.", "amid rising costs.",
			"following a storm.", "despite objections from unions.", "ahead of the elections.");

	private static final List<String> JA_SUBJECTS = List.of("港湾当局は", "地方の規制当局は", "中央銀行は", "海運大手は", "市の職員は", "エネルギー省は",
			"国立大学の研究者は", "海上保安庁は", "防衛省は", "半導体メーカーは");

	private static final List<String> JA_OBJECTS = List.of("新しいフェリーの運航計画を", "洋上風力発電の計画を", "鉄道修理の予算を", "漁獲枠の制限を",
			"サイバーセキュリティ監査を", "鉄鋼輸入の関税を", "合同海上演習を", "半導体工場への補助金を");

	private static final List<String> JA_VERBS = List.of("発表した。", "延期した。", "承認した。", "批判した。", "見直した。", "拡大した。", "停止した。",
			"擁護した。");

	private static final List<String> JA_TAILS = List.of("火曜日に、", "数週間の協議の後、", "コスト上昇の中で、", "嵐の後で、", "労働組合の反対にもかかわらず、",
			"選挙を前に、");

	private static final List<String> KO_SUBJECTS = List.of("항만 당국은", "지역 규제 당국은", "중앙은행은", "해운 대기업은", "시 공무원들은",
			"에너지부는", "국립대학 연구진은", "해양경찰은", "국방부는", "반도체 제조사는");

	private static final List<String> KO_OBJECTS = List.of("새로운 여객선 운항 계획을", "해상 풍력 발전 계획을", "철도 보수 예산을", "어획량 제한을",
			"사이버 보안 감사를", "철강 수입 관세를", "합동 해상 훈련을", "반도체 공장 보조금을");

	private static final List<String> KO_VERBS = List.of("발표했다.", "연기했다.", "승인했다.", "비판했다.", "검토했다.", "확대했다.", "중단했다.",
			"옹호했다.");

	private static final List<String> KO_TAILS = List.of("화요일에", "수주간의 협의 끝에", "비용 상승 속에", "폭풍 이후", "노조의 반대에도 불구하고",
			"선거를 앞두고");

	private NewsText() {
	}

	static String sentence(String language, SplittableRandom random) {
		return switch (language) {
			case "ja" ->
				pick(JA_TAILS, random) + pick(JA_SUBJECTS, random) + pick(JA_OBJECTS, random) + pick(JA_VERBS, random);
			case "ko" -> pick(KO_TAILS, random) + " " + pick(KO_SUBJECTS, random) + " " + pick(KO_OBJECTS, random) + " "
					+ pick(KO_VERBS, random);
			default -> pick(EN_SUBJECTS, random) + " " + pick(EN_VERBS, random) + " " + pick(EN_OBJECTS, random) + " "
					+ pick(EN_TAILS, random);
		};
	}

	static String title(String language, long seed) {
		String sentence = sentence(language, new SplittableRandom(seed));
		return sentence.substring(0, sentence.length() - 1) + " (" + Long.toString(seed & 0xffff, 36) + ")";
	}

	/** A body of 8 to 15 sentences. */
	static String body(String language, long seed) {
		SplittableRandom random = new SplittableRandom(seed * 31 + 7);
		int sentences = 8 + random.nextInt(8);
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < sentences; i++) {
			if (!body.isEmpty() && !"ja".equals(language)) {
				body.append(' ');
			}
			body.append(sentence(language, random));
		}
		return body.toString();
	}

	private static String pick(List<String> words, SplittableRandom random) {
		return words.get(random.nextInt(words.size()));
	}

}

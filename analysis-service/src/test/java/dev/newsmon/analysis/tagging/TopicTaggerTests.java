package dev.newsmon.analysis.tagging;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TopicTagger} with the service's rule files.
 */
class TopicTaggerTests {

	private static TopicTagger tagger;

	@BeforeAll
	static void createTagger() {
		tagger = Rules.tagger();
	}

	@AfterAll
	static void closeTagger() {
		tagger.close();
	}

	static Stream<Arguments> cases() {
		return Stream.of(
				Arguments.of("English NATO partnership", "Japan and NATO sign new partnership programme",
						"Japan and NATO agreed on Tuesday to deepen cooperation, with Tokyo opening a liaison office.",
						List.of("nato-asia-partnership")),
				Arguments.of("Japanese North Korea missile", "北朝鮮が弾道ミサイルを発射",
						"北朝鮮は日本海に向けて弾道ミサイル1発を発射した。防衛省によると、ミサイルは排他的経済水域の外に落下した。", List.of("north-korea")),
				Arguments.of("Korean North Korea with particles", "북한은 또 미사일 도발",
						"합동참모본부는 북한이 동해상으로 탄도미사일을 발사했다고 밝혔다. 북한의 도발은 이번 달 들어 세 번째다.", List.of("north-korea")),
				Arguments.of("Korean inflected only in the body", "합참 \"동해상 발사체 포착\"",
						"합동참모본부는 북한은 오늘 아침 동해상으로 탄도미사일을 발사했다고 밝혔다. 군은 북한의 추가 도발에 대비하고 있다.", List.of("north-korea")),
				Arguments.of("Korean semiconductor export controls", "반도체 수출통제 강화…공급망 재편",
						"정부는 첨단 반도체 장비의 수출 통제를 강화하고 공급망 안정을 위한 보조금을 확대하기로 했다.", List.of("semiconductors")),
				Arguments.of("English Taiwan Strait drills", "China holds drills around Taiwan",
						"The People's Liberation Army sent warships and aircraft into the Taiwan Strait in drills that simulated a blockade of the island.",
						List.of("taiwan-strait")),
				Arguments.of("Japanese US alliance", "在日米軍の駐留経費 日米が協議",
						"日米両政府は在日米軍駐留経費の負担をめぐる協議を始めた。日米同盟の抑止力を維持する狙いがある。", List.of("us-alliances")),
				Arguments.of("NATO said once in a football story", "Arsenal beat Chelsea in a late thriller",
						"The match at the Emirates ended 2-1. Fans joked the defence looked as organised as NATO before the second goal. The league table tightens.",
						List.of()),
				Arguments.of("Taiwan in a sports story", "Taiwan beats Korea at baseball",
						"Taiwan won the game 5-2 in front of a full stadium in Taipei. The team now plays Japan in the final.",
						List.of()),
				Arguments.of("Cyber Monday is not cyber security", "Cyber Monday sales break records",
						"Shoppers spent more online than ever on Cyber Monday, with electronics the most popular purchases.",
						List.of()),
				Arguments.of("The Taiwan Strait as a place to travel", "Island hopping in the Taiwan Strait",
						"Ferries leave Kaohsiung every morning for the Penghu islands in the Taiwan Strait, known for basalt cliffs, temples and grilled squid.",
						List.of()),
				Arguments.of("A national team's joint training is not a military exercise", "야구 대표팀, 일본 구단과 합동 훈련",
						"야구 대표팀이 오키나와에서 일본 프로 구단과 합동 훈련을 시작했다. 대표팀은 연습 경기를 두 차례 치른 뒤 귀국한다.", List.of()),
				Arguments.of("Drills around Taiwan are the Taiwan Strait, not also China's military power",
						"PLA encircles Taiwan in blockade drills",
						"China's military sent warships and fighter jets around Taiwan on Monday in drills that rehearsed a blockade. The People's Liberation Army said the drills were a warning.",
						List.of("taiwan-strait")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void tagsWhatTheArticleIsAbout(String name, String title, String body, List<String> expected) {
		List<String> topics = tagger.tag(title, "", body).stream().map(TopicMatch::id).toList();
		assertThat(topics).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void evidenceHasOffsetsIntoTheSection() {
		String title = "북한은 또 미사일 도발";
		TopicMatch match = tagger.tag(title, "", "").get(0);
		assertThat(match.id()).isEqualTo("north-korea");
		assertThat(match.score()).isBetween(0.0, 1.0);
		assertThat(match.evidence()).anySatisfy((evidence) -> {
			assertThat(evidence.field()).isEqualTo("title");
			assertThat(evidence.term()).isEqualTo("North Korea");
			assertThat(title.substring(evidence.start(), evidence.end())).isEqualTo(evidence.text());
			assertThat(evidence.text()).startsWith("북한");
		});
	}

	@Test
	void aRuleReplacedAtRunTimeAppliesToTheNextArticle() {
		RuleParser parser = new RuleParser();
		try (TopicTagger own = new TopicTagger()) {
			own.register(parser.parse("test", rule(1, "penguin")));
			assertThat(own.tag("Penguin news", "", "")).extracting(TopicMatch::id).containsExactly("birds");
			own.register(parser.parse("test", rule(2, "puffin")));
			assertThat(own.tag("Penguin news", "", "")).isEmpty();
			assertThat(own.tag("Puffin news", "", "")).extracting(TopicMatch::id).containsExactly("birds");
			assertThat(own.rules()).singleElement().extracting(TopicRule::version).isEqualTo(2);
			assertThat(own.remove("birds")).isTrue();
			assertThat(own.tag("Puffin news", "", "")).isEmpty();
		}
	}

	private static String rule(int version, String word) {
		return """
				{"id": "birds", "version": %d, "labels": {"en": "Birds", "ja": "鳥", "ko": "새"}, "threshold": 0.5,
				 "terms": [{"term": "%s", "weight": 2, "en": ["%s"]}]}
				""".formatted(version, word, word);
	}

	@Test
	void theLeadIsTheFirstSentence() {
		String body = "North Korea fired a ballistic missile on Monday, the military said. It flew 400 km.";
		assertThat(TopicTagger.leadEnd(body)).isEqualTo(body.indexOf(" It flew"));
		assertThat(TopicTagger.leadEnd("北朝鮮は月曜日、弾道ミサイル1発を日本海に向けて発射したと防衛省が発表した。ミサイルは排他的経済水域の外に落ちた。")).isEqualTo(38);
	}

	@Test
	void aSubjectNamedOnceDeepInTheBodyIsNotTheTopic() {
		String body = "A ransomware attack stopped the port's container terminal for two days, the police said. "
				+ "The attackers used a flaw in the terminal software that had been disclosed months earlier. "
				+ "Officials plan to share threat information with allies, and Japan took part in exercises "
				+ "at NATO's cyber defence centre last year.";
		assertThat(tagger.tag("Hackers halt a container port", "", body)).extracting(TopicMatch::id)
			.doesNotContain("nato-asia-partnership");
	}

	@Test
	void aLongStoryNeedsItsSubjectInMorePassagesThanABrief() {
		String brief = "The defence ministry asked for a record budget on Friday, officials said. "
				+ "Officials cited North Korea and its repeated missile launches as one reason for the request. "
				+ "The request includes funds for new shelters at bases. "
				+ "Pyongyang has tested new missiles three times this year, the ministry noted. "
				+ "The cabinet will decide in December. ";
		String filler = "The finance ministry said the funding plan remained incomplete and would be reviewed. ";
		String analysis = brief + filler.repeat(15);
		assertThat(TopicTagger.sentences(brief)).isEqualTo(5);
		assertThat(TopicTagger.sentences(analysis)).isEqualTo(20);
		assertThat(TopicTagger.Scoring.DEFAULT.minimumBodyPassages(5)).isEqualTo(2);
		assertThat(TopicTagger.Scoring.DEFAULT.minimumBodyPassages(20)).isEqualTo(4);
		assertThat(tagger.tag("Budget request", "", brief)).extracting(TopicMatch::id).contains("north-korea");
		assertThat(tagger.tag("Budget request", "", analysis)).extracting(TopicMatch::id).doesNotContain("north-korea");
	}

	@Test
	void theEnglishChainSeesOnlyTheLatinWordsOfAJapaneseOrKoreanTextAtTheirOffsets() {
		String text = "日本とNATOは協力する。한국과 AUKUS 𠮷";
		String latin = TopicTagger.latinOnly(text);
		assertThat(latin).hasSameSizeAs(text);
		assertThat(latin.indexOf("NATO")).isEqualTo(text.indexOf("NATO"));
		assertThat(latin.indexOf("AUKUS")).isEqualTo(text.indexOf("AUKUS"));
		assertThat(latin.strip()).startsWith("NATO").doesNotContain("日", "한", "𠮷");
	}

}

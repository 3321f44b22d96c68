package dev.newsmon.analysis.tagging;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for entity recognition with the service's gazetteer: one id whatever the
 * language.
 */
class EntityRecognitionTests {

	private static TopicTagger tagger;

	@BeforeAll
	static void createTagger() {
		tagger = Rules.tagger();
	}

	@AfterAll
	static void closeTagger() {
		tagger.close();
	}

	static Stream<Arguments> sameEntityInThreeLanguages() {
		return Stream.of(
				Arguments.of("NATO", "Q7184", "Japan's defence minister visited NATO headquarters in Brussels.",
						"防衛相はブリュッセルの北大西洋条約機構本部を訪れた。", "국방부 장관은 브뤼셀의 나토 본부를 방문했다."),
				Arguments.of("North Korea", "Q423", "North Korea fired two ballistic missiles on Monday.",
						"北朝鮮は月曜日、弾道ミサイル2発を発射した。", "북한은 월요일 탄도미사일 두 발을 발사했다."),
				Arguments.of("Japan", "Q17", "Japan will raise its defence budget again next year.", "日本は来年も防衛費を増やす。",
						"일본은 내년에도 방위비를 늘린다."),
				Arguments.of("Xi Jinping", "Q15031", "Xi Jinping inspected a naval base in Hainan.",
						"習近平国家主席は海南島の海軍基地を視察した。", "시진핑 국가주석은 하이난의 해군 기지를 시찰했다."),
				Arguments.of("JSDF", "newsmon:jsdf", "The Self-Defense Forces joined the drill for the first time.",
						"自衛隊は初めてその訓練に参加した。", "자위대는 처음으로 그 훈련에 참가했다."),
				Arguments.of("USFK", "newsmon:usfk", "US Forces Korea moved a Patriot battery south.",
						"在韓米軍はパトリオット部隊を南へ移した。", "주한미군은 패트리엇 포대를 남쪽으로 옮겼다."),
				Arguments.of("NATO Secretary General", "newsmon:office/nato-secretary-general",
						"The NATO Secretary General will visit Tokyo in May.", "NATO事務総長は5月に東京を訪れる。",
						"나토 사무총장은 5월에 도쿄를 방문한다."));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void sameEntityInThreeLanguages(String name, String id, String en, String ja, String ko) {
		assertThat(ids("Report", en)).as("en").contains(id);
		assertThat(ids("報道", ja)).as("ja").contains(id);
		assertThat(ids("보도", ko)).as("ko").contains(id);
	}

	@Test
	void indoPacificIsNotIndia() {
		assertThat(ids("インド太平洋戦略", "政府は自由で開かれたインド太平洋の実現を目指す。")).doesNotContain("Q668");
		assertThat(ids("인도태평양 전략", "정부는 인도태평양 전략을 발표했다.")).doesNotContain("Q668");
		assertThat(ids("インドと協力", "インド政府と日本は協力を深める。")).contains("Q668", "Q17");
	}

	@Test
	void thePeoplesRepublicIsNotTaiwan() {
		assertThat(ids("Talks", "The People's Republic of China sent a delegation.")).contains("Q148")
			.doesNotContain("Q865");
	}

	@Test
	void theMostMentionedComeFirst() {
		List<EntityMatch> entities = tagger
			.analyse("Russia and North Korea", "",
					"North Korea sent troops. North Korea also sent shells to Russia's army.")
			.entities();
		assertThat(entities).extracting(EntityMatch::id).startsWith("Q423", "Q159");
		assertThat(entities.get(0).mentions()).isEqualTo(3);
		assertThat(entities.get(0).type()).isEqualTo("country");
		assertThat(entities.get(0).name()).isEqualTo("North Korea");
	}

	@Test
	void aGazetteerEntityWithoutNamesIsRefused() {
		String json = "{\"entities\": [{\"id\": \"Q1\", \"type\": \"country\", \"name\": \"Nowhere\"}]}";
		assertThatExceptionOfType(InvalidRuleException.class)
			.isThrownBy(() -> new GazetteerParser().parse("test",
					new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
			.withMessageContaining("Q1");
	}

	private static List<String> ids(String title, String body) {
		return tagger.analyse(title, "", body).entities().stream().map(EntityMatch::id).toList();
	}

}

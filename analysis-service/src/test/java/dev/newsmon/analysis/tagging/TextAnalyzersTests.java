package dev.newsmon.analysis.tagging;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TextAnalyzers}.
 */
class TextAnalyzersTests {

	private static final TextAnalyzers analyzers = new TextAnalyzers();

	@AfterAll
	static void close() {
		analyzers.close();
	}

	@Test
	void debug() {
		for (String s : List.of("한일", "한일 관계", "한미", "한미일", "한-NATO", "13일", "한미동맹", "한미 동맹", "주한미군", "방위비 분담금",
				"사이버 공격", "연합공중훈련", "파이브 아이즈", "인도태평양 전략", "오커스", "在日米軍", "日米豪", "日米韓", "思いやり予算", "拡大抑止", "北朝鮮", "台湾海峡",
				"半導体", "サイバー攻撃")) {
			System.out.println(s + " ja=" + analyzers.tokens("ja", s) + " ko=" + analyzers.tokens("ko", s));
		}
	}

	private static List<String> terms(String language, String text) {
		return analyzers.tokens(language, text).stream().map(TextAnalyzers.Token::term).toList();
	}

	@Test
	void koreanParticlesAreDropped() {
		assertThat(terms("ko", "북한은")).containsExactly("북한");
		assertThat(terms("ko", "북한의")).containsExactly("북한");
	}

}

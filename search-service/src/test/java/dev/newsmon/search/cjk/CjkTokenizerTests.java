package dev.newsmon.search.cjk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CjkTokenizerTests {

	private final CjkTokenizer tokenizer = new CjkTokenizer();

	@Test
	void japaneseIsSegmentedIntoWords() {
		assertThat(this.tokenizer.tokenize("北朝鮮が日本海に弾道ミサイルを発射した", "ja")).contains("北朝鮮", "日本", "ミサイル", "発射")
			.doesNotContain("が", "を");
	}

	@Test
	void japaneseCompoundIsSplitIntoItsParts() {
		assertThat(this.tokenizer.tokenize("インド太平洋戦略", "ja")).containsExactly("インド", "太平洋", "戦略");
	}

	@Test
	void koreanParticlesAreRemoved() {
		assertThat(this.tokenizer.tokenize("북한은 미사일을 발사했다", "ko")).contains("북한", "미사일")
			.doesNotContain("북한은", "은", "을");
		assertThat(this.tokenizer.tokenizeQuery("북한")).containsExactly("북한");
	}

	@Test
	void latinWordsAreLowerCased() {
		assertThat(this.tokenizer.tokenize("NATOと日本", "ja")).containsExactly("nato", "日本");
	}

	@Test
	void otherLanguagesAreNotSegmented() {
		assertThat(this.tokenizer.tokenize("North Korea fired a missile", "en")).isEmpty();
		assertThat(this.tokenizer.tokenizeQuery("missile")).isEmpty();
	}

	@Test
	void queryScriptChoosesTheAnalyzer() {
		assertThat(this.tokenizer.tokenizeQuery("한일 관계")).containsExactly("한일", "관계");
		assertThat(this.tokenizer.tokenizeQuery("北朝鮮")).containsExactly("北朝鮮");
		assertThat(CjkTokenizer.containsCjk("NATO 日本")).isTrue();
		assertThat(CjkTokenizer.containsCjk("NATO Japan")).isFalse();
	}

}

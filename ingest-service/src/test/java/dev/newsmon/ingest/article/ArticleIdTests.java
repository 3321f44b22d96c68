package dev.newsmon.ingest.article;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIdTests {

	@Test
	void isTheFirst32HexCharactersOfTheSha256OfTheCanonicalUrl() {
		// sha256("https://example.com/") computed independently
		assertThat(ArticleId.of("https://example.com/")).isEqualTo("0f115db062b7c0dd030b16878c99dea5");
	}

	@Test
	void variantsOfOneArticleShareTheId() {
		String id = ArticleId.ofUrl("https://news.example.com/world/story-1");
		assertThat(ArticleId.ofUrl("HTTPS://NEWS.example.com:443/world/story-1?utm_source=rss#top")).isEqualTo(id);
		assertThat(ArticleId.ofUrl("https://news.example.com/world/story-1?fbclid=abc")).isEqualTo(id);
		assertThat(ArticleId.ofUrl("https://news.example.com/world/Story-1")).isNotEqualTo(id);
	}

	@Test
	void isLowerCaseHex() {
		assertThat(ArticleId.ofUrl("https://example.com/a")).hasSize(32).matches("[0-9a-f]{32}");
	}

}

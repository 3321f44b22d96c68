package dev.newsmon.search.indexing;

import java.time.Instant;
import java.util.List;

import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.ArticleFetched;
import dev.newsmon.search.cjk.CjkTokenizer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ArticleDocumentsTests {

	private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	private final ArticleDocuments documents = new ArticleDocuments(new CjkTokenizer());

	@Test
	void koreanArticleGetsSegmentedText() {
		ArticleDocument document = this.documents.toDocument(analyzed("a1", "ko", "북한은 미사일을 발사했다", NOW), NOW);
		assertThat(document.textCjk()).contains("북한").doesNotContain("북한은");
		assertThat(document.topics()).containsExactly(new ArticleDocument.Topic("north-korea", 0.9));
		assertThat(document.indexedAt()).isEqualTo(NOW);
	}

	@Test
	void englishArticleHasNoSegmentedText() {
		ArticleDocument document = this.documents.toDocument(analyzed("a1", "en", "A missile test", NOW), NOW);
		assertThat(document.textCjk()).isEmpty();
	}

	@Test
	void versionIsTheAnalysisTime() {
		assertThat(ArticleDocuments.version(analyzed("a1", "en", "t", NOW))).isEqualTo(NOW.toEpochMilli());
	}

	@Test
	void recordsWithoutIdOrVersionAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.documents.toDocument(analyzed(" ", "en", "t", NOW), NOW))
			.withMessageContaining("articleId");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.documents.toDocument(analyzed("a".repeat(513), "en", "t", NOW), NOW))
			.withMessageContaining("512");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.documents.toDocument(analyzed("a1", "en", "t", null), NOW))
			.withMessageContaining("analyzedAt");
	}

	static ArticleAnalyzed analyzed(String id, String language, String title, Instant analyzedAt) {
		ArticleFetched article = new ArticleFetched(1, id, "https://example.org/" + id, "feed-1", "Example News", title,
				"", "", null, List.of(), language, NOW, NOW, "", List.of());
		return new ArticleAnalyzed(1, article, language,
				List.of(new ArticleAnalyzed.TopicTag("north-korea", 0.9, List.of())), List.of(), 42L, "c1", analyzedAt);
	}

}

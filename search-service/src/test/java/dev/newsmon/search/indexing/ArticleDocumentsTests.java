package dev.newsmon.search.indexing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
	void wordsSegmentedByAnalysisAreStoredAsSent() {
		ArticleAnalyzed analyzed = withWords(analyzed("a1", "ko", "북한은 미사일을 발사했다", NOW),
				new ArticleAnalyzed.CjkWords(ArticleAnalyzed.CjkWords.SEGMENTER, "북한 미사일", "", "발사"));
		// words that differ from what this service would make show that they were not
		// segmented again
		assertThat(this.documents.toDocument(analyzed, NOW).textCjk()).isEqualTo("북한 미사일 발사");
	}

	@Test
	void wordsOfAnUnknownSegmenterAreSegmentedAgain() {
		ArticleAnalyzed analyzed = withWords(analyzed("a1", "ko", "북한은 미사일을 발사했다", NOW),
				new ArticleAnalyzed.CjkWords("some-other-segmenter/7", "x y", "", "z"));
		assertThat(this.documents.toDocument(analyzed, NOW).textCjk()).contains("북한", "미사일").doesNotContain("x y");
	}

	@Test
	void missingSectionsOfSentWordsAreEmpty() {
		ArticleAnalyzed analyzed = withWords(analyzed("a1", "ko", "북한은 미사일을 발사했다", NOW),
				new ArticleAnalyzed.CjkWords(ArticleAnalyzed.CjkWords.SEGMENTER, null, null, "북한 미사일"));
		assertThat(this.documents.toDocument(analyzed, NOW).textCjk()).isEqualTo("북한 미사일");
	}

	@Test
	void wordsFarLongerThanTheTextAreSegmentedAgain() {
		ArticleAnalyzed analyzed = withWords(analyzed("a1", "ko", "북한은 미사일을 발사했다", NOW),
				new ArticleAnalyzed.CjkWords(ArticleAnalyzed.CjkWords.SEGMENTER, "북한 ".repeat(10_000), "", ""));
		assertThat(this.documents.toDocument(analyzed, NOW).textCjk()).contains("미사일").hasSizeLessThan(100);
	}

	@Test
	void summaryThatTheBodyRepeatsIsSegmentedOnce() {
		ArticleFetched article = new ArticleFetched(1, "a1", "https://example.org/a1", "feed-1", "Example News", "速報",
				"北朝鮮が発射", "北朝鮮が発射。日本政府は抗議した。", null, List.of(), "ja", NOW, NOW, "", List.of());
		ArticleAnalyzed analyzed = new ArticleAnalyzed(1, article, "ja", List.of(), List.of(), 42L, "c1", NOW);
		assertThat(this.documents.toDocument(analyzed, NOW).textCjk().split(" ")).containsOnlyOnce("北朝鮮");
	}

	@Test
	void englishArticleHasNoSegmentedText() {
		ArticleDocument document = this.documents.toDocument(analyzed("a1", "en", "A missile test", NOW), NOW);
		assertThat(document.textCjk()).isEmpty();
	}

	@Test
	void evidenceIsKeptWithItsFieldAndOffsets() {
		ArticleAnalyzed analyzed = withEvidence(
				Arrays.asList(new ArticleAnalyzed.Evidence("title", "north korea", "North Korea", 0, 11), null));
		ArticleDocument document = this.documents.toDocument(analyzed, NOW);
		assertThat(document.topics()).singleElement()
			.satisfies((topic) -> assertThat(topic.evidence())
				.containsExactly(new ArticleDocument.Evidence("title", "north korea", "North Korea", 0, 11)));
	}

	@Test
	void evidenceIsBoundedPerTopicAndInLength() {
		List<ArticleAnalyzed.Evidence> many = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			many.add(new ArticleAnalyzed.Evidence("body", "t".repeat(500), "x".repeat(1000), i, i + 1000));
		}
		ArticleDocument.Topic topic = this.documents.toDocument(withEvidence(many), NOW).topics().get(0);
		assertThat(topic.evidence()).hasSize(ArticleDocuments.MAX_EVIDENCE_PER_TOPIC);
		assertThat(topic.evidence()).allSatisfy((evidence) -> {
			assertThat(evidence.text()).hasSize(ArticleDocuments.MAX_EVIDENCE_TEXT + 1).endsWith("\u2026");
			assertThat(evidence.term()).hasSize(ArticleDocuments.MAX_EVIDENCE_TEXT + 1);
		});
		assertThat(topic.evidence().get(0).start()).isZero();
	}

	@Test
	void cappingNeverSplitsASurrogatePair() {
		String text = "a".repeat(9) + "\ud83d\ude80";
		assertThat(ArticleDocuments.capped(text, 10)).isEqualTo("a".repeat(9) + "\u2026");
		assertThat(ArticleDocuments.capped("short", 10)).isEqualTo("short");
		assertThat(ArticleDocuments.capped(null, 10)).isNull();
	}

	@Test
	void topicsWithoutEvidenceHaveAnEmptyList() {
		ArticleDocument document = this.documents.toDocument(withEvidence(null), NOW);
		assertThat(document.topics().get(0).evidence()).isEmpty();
	}

	private static ArticleAnalyzed withEvidence(List<ArticleAnalyzed.Evidence> evidence) {
		ArticleAnalyzed plain = analyzed("a1", "en", "North Korea fires a missile", NOW);
		return new ArticleAnalyzed(1, plain.article(), "en",
				List.of(new ArticleAnalyzed.TopicTag("north-korea", 0.9, evidence)), List.of(), 42L, "c1", NOW);
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

	private static ArticleAnalyzed withWords(ArticleAnalyzed analyzed, ArticleAnalyzed.CjkWords words) {
		return new ArticleAnalyzed(analyzed.schemaVersion(), analyzed.article(), analyzed.language(), analyzed.topics(),
				analyzed.entities(), analyzed.simhash(), analyzed.clusterId(), analyzed.analyzedAt(), words);
	}

	static ArticleAnalyzed analyzed(String id, String language, String title, Instant analyzedAt) {
		ArticleFetched article = new ArticleFetched(1, id, "https://example.org/" + id, "feed-1", "Example News", title,
				"", "", null, List.of(), language, NOW, NOW, "", List.of());
		return new ArticleAnalyzed(1, article, language,
				List.of(new ArticleAnalyzed.TopicTag("north-korea", 0.9, List.of())), List.of(), 42L, "c1", analyzedAt);
	}

}

package dev.newsmon.ingest.polling;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.newsmon.events.ArticleFetched;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDedupeTests {

	private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

	@Test
	void publishesNewArticlesOnce() {
		List<ArticleFetched> articles = List.of(article("a", "Title A", "Body"), article("b", "Title B", "Body"));
		ContentDedupe.Decision first = ContentDedupe.decide(articles, Map.of(), (id) -> Optional.empty(), 10);
		assertThat(first.publish()).extracting(ArticleFetched::articleId).containsExactly("a", "b");
		assertThat(first.newToFeed()).isEqualTo(2);
		ContentDedupe.Decision again = ContentDedupe.decide(articles, first.seen(), (id) -> Optional.empty(), 10);
		assertThat(again.publish()).isEmpty();
		assertThat(again.newToFeed()).isZero();
	}

	@Test
	void publishesAChangedArticleAsANewVersion() {
		ContentDedupe.Decision first = ContentDedupe.decide(List.of(article("a", "Title", "Body")), Map.of(),
				(id) -> Optional.empty(), 10);
		ContentDedupe.Decision edited = ContentDedupe.decide(List.of(article("a", "Title", "Body, corrected")),
				first.seen(), (id) -> Optional.empty(), 10);
		assertThat(edited.publish()).extracting(ArticleFetched::body).containsExactly("Body, corrected");
		assertThat(edited.changed()).isEqualTo(1);
		assertThat(edited.newToFeed()).isZero();
		assertThat(edited.seen().get("a")).isNotEqualTo(first.seen().get("a"));
	}

	@Test
	void anArticleAnotherFeedBroughtUnchangedIsRecordedNotPublished() {
		ArticleFetched article = article("a", "Title", "Body");
		String hash = ContentDedupe.hash(article);
		ContentDedupe.Decision same = ContentDedupe.decide(List.of(article), Map.of(), (id) -> Optional.of(hash), 10);
		assertThat(same.publish()).isEmpty();
		assertThat(same.fromOtherFeeds()).isEqualTo(1);
		assertThat(same.seen()).containsEntry("a", hash);
		ContentDedupe.Decision other = ContentDedupe.decide(List.of(article), Map.of(),
				(id) -> Optional.of("0000000000000000"), 10);
		assertThat(other.publish()).hasSize(1);
	}

	@Test
	void forgetsTheOldestBeyondTheBoundButKeepsWhatTheFeedStillLists() {
		Map<String, String> seen = new LinkedHashMap<>();
		seen.put("old1", "h");
		seen.put("listed", ContentDedupe.hash(article("listed", "T", "B")));
		seen.put("old2", "h");
		ContentDedupe.Decision decision = ContentDedupe
			.decide(List.of(article("listed", "T", "B"), article("new", "T", "B")), seen, (id) -> Optional.empty(), 3);
		assertThat(decision.seen().keySet()).containsExactly("old2", "listed", "new");
	}

	@Test
	void hashCoversTitleSummaryAndBodyOnly() {
		ArticleFetched article = article("a", "Title", "Body");
		ArticleFetched refetched = new ArticleFetched(1, "a", "https://example.org/a", "feed", "Source", "Title",
				"Summary", "Body", "someone else", List.of("x"), "en", NOW, NOW.plusSeconds(600), "", List.of());
		assertThat(ContentDedupe.hash(refetched)).isEqualTo(ContentDedupe.hash(article)).hasSize(16);
		assertThat(ContentDedupe.hash(article("a", "Title", "Summary", "Body")))
			.isNotEqualTo(ContentDedupe.hash(article("a", "TitleSummary", "", "Body")));
	}

	private static ArticleFetched article(String id, String title, String body) {
		return article(id, title, "Summary", body);
	}

	private static ArticleFetched article(String id, String title, String summary, String body) {
		return new ArticleFetched(1, id, "https://example.org/" + id, "feed", "Source", title, summary, body, null,
				List.of(), "en", NOW, NOW, "", List.of());
	}

}

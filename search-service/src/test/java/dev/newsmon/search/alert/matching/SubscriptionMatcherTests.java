package dev.newsmon.search.alert.matching;

import java.time.Instant;
import java.util.List;

import dev.newsmon.search.alert.Subscription;
import dev.newsmon.search.cjk.CjkTokenizer;
import dev.newsmon.search.indexing.ArticleDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionMatcherTests {

	private static final CjkTokenizer tokenizer = new CjkTokenizer();

	private final SubscriptionMatcher matcher = new SubscriptionMatcher(tokenizer);

	private final ArticleDocument missile = article("m", "en", "Missile launch over the sea",
			"The navy tracked the launch.", "north-korea", "Wire");

	private final ArticleDocument chips = article("c", "en", "Chip export controls tightened",
			"New rules on lithography tools.", "semiconductors", "Daily");

	private final ArticleDocument japanese = article("j", "ja", "北朝鮮が弾道ミサイルを発射", "防衛省が発表した。", "north-korea", "Wire");

	@AfterEach
	void close() throws Exception {
		this.matcher.close();
	}

	@Test
	void matchesQueriesAndFiltersTogether() {
		this.matcher.putAll(List.of(subscription("launch", "launch", List.of(), List.of()),
				subscription("launch-ja", "launch | 北朝鮮", List.of(), List.of("ja")),
				subscription("chips-topic", null, List.of("semiconductors"), List.of()),
				subscription("not-navy", "-navy", List.of(), List.of("en")),
				subscription("phrase", "\"export controls\"", List.of("semiconductors", "north-korea"), List.of())));
		assertThat(matches(this.missile)).containsExactlyInAnyOrder("launch");
		assertThat(matches(this.chips)).containsExactlyInAnyOrder("chips-topic", "not-navy", "phrase");
		assertThat(matches(this.japanese)).containsExactlyInAnyOrder("launch-ja");
	}

	@Test
	void followsChangesAtRunTime() {
		this.matcher.putAll(List.of(subscription("s", "launch", List.of(), List.of())));
		assertThat(matches(this.missile)).containsExactly("s");
		this.matcher.putAll(List.of(subscription("s", "chip", List.of(), List.of())));
		assertThat(matches(this.missile)).isEmpty();
		assertThat(matches(this.chips)).containsExactly("s");
		this.matcher.putAll(List.of(subscription("s", null, List.of("north-korea"), List.of())));
		assertThat(matches(this.chips)).isEmpty();
		assertThat(matches(this.missile)).containsExactly("s");
		this.matcher.removeAll(List.of("s"));
		assertThat(matches(this.missile)).isEmpty();
		assertThat(this.matcher.size()).isZero();
	}

	@Test
	void matchesEveryArticleOfABatch() {
		this.matcher.putAll(List.of(subscription("groupings", null, List.of("minilateral-groupings"), List.of()),
				subscription("sea", "sea | 発表", List.of(), List.of())));
		List<SubscriptionMatcher.Match> matches = this.matcher.match(List.of(this.missile, this.chips, this.japanese));
		assertThat(matches).extracting((match) -> match.subscription().id() + "/" + match.article().articleId())
			.containsExactly("sea/m", "sea/j");
	}

	private List<String> matches(ArticleDocument article) {
		return this.matcher.match(List.of(article)).stream().map((match) -> match.subscription().id()).toList();
	}

	private static Subscription subscription(String id, String query, List<String> topics, List<String> languages) {
		return new Subscription(id, id, query, topics, languages, List.of(),
				new Subscription.Channel(Subscription.Channel.Type.ATOM, null, null, null), false, null, Instant.EPOCH);
	}

	private static ArticleDocument article(String id, String language, String title, String body, String topic,
			String source) {
		String cjk = String.join(" ", tokenizer.tokenize(title + " " + body, language));
		Instant now = Instant.now();
		return new ArticleDocument(id, "https://example.org/" + id, "feed", source, title, "", body, cjk, null,
				List.of(), language, List.of(new ArticleDocument.Topic(topic, 0.8)), List.of(), "story-" + id, 0L, now,
				now, now, now);
	}

}

package dev.newsmon.analysis.messaging;

import java.util.Set;

import dev.newsmon.analysis.tagging.TopicTagger;
import dev.newsmon.analysis.topics.RuleChanges;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StoredRuleChanges}: a stored rule that cannot be applied, for whatever
 * reason, is skipped and never stops the reading of the rule log.
 */
class StoredRuleChangesTests {

	private static final String RULE = """
			{"id": "north-korea", "version": %d, "labels": {"en": "North Korea", "ja": "北朝鮮", "ko": "북한"},
			 "threshold": 0.5, "terms": [{"term": "North Korea", "weight": 1.5, "en": ["North Korea"]}]}
			""";

	private final TopicTagger tagger = new TopicTagger();

	private final RuleChanges changes = new RuleChanges(this.tagger, (topic, json) -> {
	}, Set.of("north-korea"));

	@AfterEach
	void close() {
		this.tagger.close();
	}

	@Test
	void aValidChangeApplies() {
		assertThat(StoredRuleChanges.apply(this.changes, RULE.formatted(2), "news.rules.v1-0@7")).isTrue();
		assertThat(this.tagger.rule("north-korea").version()).isEqualTo(2);
	}

	@Test
	void anInvalidChangeIsSkipped() {
		StoredRuleChanges.apply(this.changes, RULE.formatted(2), "news.rules.v1-0@7");
		assertThat(
				StoredRuleChanges.apply(this.changes, "{\"id\": \"north-korea\", \"version\": 3}", "news.rules.v1-0@8"))
			.isFalse();
		assertThat(StoredRuleChanges.apply(this.changes, "not json", "news.rules.v1-0@9")).isFalse();
		assertThat(this.tagger.rule("north-korea").version()).isEqualTo(2);
	}

	@Test
	void aChangeThatFailsForAnotherReasonIsSkipped() {
		RuleChanges failing = new RuleChanges(this.tagger, (topic, json) -> {
		}, Set.of("north-korea")) {

			@Override
			public synchronized boolean replay(String json) {
				throw new IllegalStateException("the tagger cannot take it");
			}

		};
		assertThat(StoredRuleChanges.apply(failing, RULE.formatted(2), "news.rules.v1-0@7")).isFalse();
		assertThat(StoredRuleChanges.apply(this.changes, RULE.formatted(3), "news.rules.v1-0@8"))
			.as("later changes still apply")
			.isTrue();
	}

}

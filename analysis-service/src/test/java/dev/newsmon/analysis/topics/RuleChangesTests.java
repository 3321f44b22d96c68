package dev.newsmon.analysis.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.newsmon.analysis.tagging.InvalidRuleException;
import dev.newsmon.analysis.tagging.TopicTagger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RuleChanges}: validated, stored, then applied; replays never go back
 * in versions.
 */
class RuleChangesTests {

	private static final String RULE = """
			{"id": "north-korea", "version": %d, "labels": {"en": "North Korea", "ja": "北朝鮮", "ko": "북한"},
			 "threshold": 0.5, "terms": [{"term": "North Korea", "weight": 1.5, "en": ["%s"]}]}
			""";

	private final List<String> stored = new ArrayList<>();

	private boolean logDown;

	private TopicTagger tagger;

	private RuleChanges changes;

	@BeforeEach
	void createTagger() {
		this.tagger = new TopicTagger();
		this.changes = new RuleChanges(this.tagger, (topic, json) -> {
			if (this.logDown) {
				throw new RuleLogUnavailableException("down", null);
			}
			this.stored.add(topic);
		}, Set.of("north-korea"));
		this.changes.replay(RULE.formatted(1, "North Korea"));
	}

	@AfterEach
	void closeTagger() {
		this.tagger.close();
	}

	@Test
	void aNewerRuleIsStoredThenApplied() {
		this.changes.change("north-korea", RULE.formatted(2, "Pyongyang"));
		assertThat(this.stored).containsExactly("north-korea");
		assertThat(this.tagger.rule("north-korea").version()).isEqualTo(2);
		assertThat(this.tagger.tag("Pyongyang fires a missile", "", "")).isNotEmpty();
	}

	@Test
	void aRuleThatIsNotNewerIsAConflict() {
		assertThatExceptionOfType(RuleVersionConflictException.class)
			.isThrownBy(() -> this.changes.change("north-korea", RULE.formatted(1, "Pyongyang")))
			.withMessageContaining("version");
		assertThat(this.stored).isEmpty();
	}

	@Test
	void aRuleForAnotherTopicThanThePathIsInvalid() {
		assertThatExceptionOfType(InvalidRuleException.class)
			.isThrownBy(() -> this.changes.change("taiwan-strait", RULE.formatted(2, "Pyongyang")))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("id"));
	}

	@Test
	void anUnknownTopicIsInvalid() {
		String rule = RULE.formatted(2, "Pyongyang").replace("\"north-korea\"", "\"space-race\"");
		assertThatExceptionOfType(InvalidRuleException.class).isThrownBy(() -> this.changes.change("space-race", rule))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("id"));
	}

	@Test
	void anAliasWithoutWordsIsInvalidAndNothingIsStored() {
		assertThatExceptionOfType(InvalidRuleException.class)
			.isThrownBy(() -> this.changes.change("north-korea", RULE.formatted(2, "...")))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("terms[0]"));
		assertThat(this.stored).isEmpty();
	}

	@Test
	void aChangeTheLogCannotStoreIsNotApplied() {
		this.logDown = true;
		assertThatExceptionOfType(RuleLogUnavailableException.class)
			.isThrownBy(() -> this.changes.change("north-korea", RULE.formatted(2, "Pyongyang")));
		assertThat(this.tagger.rule("north-korea").version()).isEqualTo(1);
	}

	@Test
	void replayingAnOlderOrTheSameVersionChangesNothing() {
		this.changes.replay(RULE.formatted(3, "Pyongyang"));
		assertThat(this.changes.replay(RULE.formatted(2, "Kim"))).isFalse();
		assertThat(this.changes.replay(RULE.formatted(3, "Kim"))).isFalse();
		assertThat(this.tagger.rule("north-korea").terms().get(0).en()).containsExactly("Pyongyang");
	}

}

package dev.newsmon.analysis.tagging;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.assertj.core.data.Offset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the bundled rules on the labelled sets of src/test/resources/eval and fails
 * the build below the quality bar of the issue (on the development set the rules were
 * tuned on) or below the floors reached on the held-out and fresh sets. Prints the
 * per-topic and per-language tables and every disagreement.
 */
class TaggingEvaluationTests {

	// reached on the held-out set: precision 0.981, recall 0.981
	// (docs/tagging-quality.md)
	private static final double HELD_OUT_PRECISION = 0.92;

	private static final double HELD_OUT_RECALL = 0.95;

	// the fresh set's first run gave precision 0.747, recall 0.966; after the general
	// fixes 0.983 and 1.000. The bar leaves room for one article of each kind to go wrong
	// in a future change, not for a return to the first run.
	private static final double FRESH_PRECISION = 0.90;

	private static final double FRESH_RECALL = 0.90;

	private static TopicTagger tagger;

	@BeforeAll
	static void createTagger() {
		tagger = Rules.tagger();
	}

	@AfterAll
	static void closeTagger() {
		tagger.close();
	}

	@Test
	void developmentSetMeetsTheQualityBar() {
		Evaluation dev = Evaluation.of(tagger, Evaluation.read("/eval/tagging-dev.jsonl"));
		System.out.println(dev.report("dev"));
		assertThat(dev.overall.precision()).isGreaterThanOrEqualTo(0.95);
		assertThat(dev.overall.recall()).isGreaterThanOrEqualTo(0.95);
		assertQualityBar(dev, 0.75);
	}

	@Test
	void heldOutSetStaysAboveItsFloors() {
		Evaluation heldOut = Evaluation.of(tagger, Evaluation.read("/eval/tagging-holdout.jsonl"));
		System.out.println(heldOut.report("held-out"));
		assertThat(heldOut.overall.precision()).isGreaterThanOrEqualTo(HELD_OUT_PRECISION);
		assertThat(heldOut.overall.recall()).isGreaterThanOrEqualTo(HELD_OUT_RECALL);
		assertThat(heldOut.taggedNegatives).isEmpty();
	}

	@Test
	void freshSetStaysAboveItsFloors() {
		Evaluation fresh = Evaluation.of(tagger, Evaluation.read("/eval/tagging-fresh.jsonl"));
		System.out.println(fresh.report("fresh"));
		assertThat(fresh.overall.precision()).isGreaterThanOrEqualTo(FRESH_PRECISION);
		assertThat(fresh.overall.recall()).isGreaterThanOrEqualTo(FRESH_RECALL);
		assertThat(fresh.taggedNegatives).as("hard negatives tagged").isEmpty();
	}

	private static void assertQualityBar(Evaluation evaluation, double topicF1) {
		assertThat(evaluation.overall.precision()).isGreaterThanOrEqualTo(0.90);
		assertThat(evaluation.overall.recall()).isGreaterThanOrEqualTo(0.85);
		for (Map.Entry<String, Evaluation.Counts> topic : evaluation.byTopic.entrySet()) {
			assertThat(topic.getValue().f1()).as(topic.getKey()).isGreaterThanOrEqualTo(topicF1);
		}
		for (Map.Entry<String, Evaluation.Counts> language : evaluation.byLanguage.entrySet()) {
			assertThat(language.getValue().precision()).as("precision " + language.getKey())
				.isCloseTo(evaluation.overall.precision(), Offset.offset(0.05));
			assertThat(language.getValue().recall()).as("recall " + language.getKey())
				.isCloseTo(evaluation.overall.recall(), Offset.offset(0.05));
		}
		assertThat(evaluation.taggedNegatives).as("hard negatives tagged").isEmpty();
	}

}

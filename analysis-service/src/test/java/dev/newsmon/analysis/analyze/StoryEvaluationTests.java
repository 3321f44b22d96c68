package dev.newsmon.analysis.analyze;

import java.util.Map;

import dev.newsmon.analysis.tagging.Rules;
import dev.newsmon.analysis.tagging.TopicTagger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Story clusters on labelled reports: several reports of one event in each language, and
 * reports of other events on the same subjects on the same or the next day (a second
 * missile launch, another Japan-Korea meeting, another incident with Chinese ships),
 * which must stay apart. The fresh set was written after the method was tuned on the dev
 * set and first run as it stands (docs/tagging-quality.md, Stories).
 */
class StoryEvaluationTests {

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
	void reportsOfOneEventShareAStoryAndOtherEventsStayApart() {
		StoryEvaluation dev = StoryEvaluation.of(tagger, "/eval/stories-dev.jsonl");
		System.out.print(dev.report("stories-dev"));
		assertThat(dev.wrongMerges()).isEmpty();
		assertThat(dev.recall()).isGreaterThanOrEqualTo(0.8);
	}

	@Test
	void aFlatBarMergesTheNextDaysLaunchWithTheDayBefore() {
		StoryEvaluation flat = StoryEvaluation.of(tagger, "/eval/stories-dev.jsonl",
				Map.of("similarity-rise-per-day", "0"));
		System.out.print(flat.report("stories-dev, flat bar"));
		assertThat(flat.wrongMerges())
			.anyMatch((pair) -> pair.contains("launch-wonsan") && pair.contains("cruise-nampo"));
	}

	@Test
	void freshReports() {
		StoryEvaluation fresh = StoryEvaluation.of(tagger, "/eval/stories-fresh.jsonl");
		System.out.print(fresh.report("stories-fresh"));
		assertThat(fresh.wrongMerges()).isEmpty();
		assertThat(fresh.recall()).isGreaterThanOrEqualTo(0.8);
	}

}

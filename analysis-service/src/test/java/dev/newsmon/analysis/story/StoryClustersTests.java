package dev.newsmon.analysis.story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StoryClusters}.
 */
class StoryClustersTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

	private final StoryClusters clusters = new StoryClusters(this.clock, Duration.ofHours(48), 3, 3);

	@Test
	void aNewArticleStartsItsOwnStory() {
		assertThat(this.clusters.clusterOf("a", 0b1111L)).isEqualTo("a");
	}

	@Test
	void aNearDuplicateJoinsTheFirstArticlesStory() {
		this.clusters.clusterOf("a", 0b1111L);
		assertThat(this.clusters.clusterOf("b", 0b1000L)).isEqualTo("a");
		assertThat(this.clusters.clusterOf("c", 0b0111_0000L)).isEqualTo("c");
	}

	@Test
	void seeingAnArticleAgainGivesTheSameStory() {
		this.clusters.clusterOf("a", 0L);
		this.clusters.clusterOf("b", 1L);
		assertThat(this.clusters.clusterOf("b", 1L)).isEqualTo("a");
	}

	@Test
	void articlesLeaveTheWindowWithTime() {
		this.clusters.clusterOf("a", 0L);
		this.clock.advance(Duration.ofHours(49));
		assertThat(this.clusters.clusterOf("b", 0L)).isEqualTo("b");
	}

	@Test
	void theOldestArticlesLeaveAFullWindow() {
		this.clusters.clusterOf("a", 0L);
		this.clusters.clusterOf("b", -1L);
		this.clusters.clusterOf("c", 0xff00ff00L);
		this.clusters.clusterOf("d", 0x00ff00ffL);
		assertThat(this.clusters.clusterOf("e", 0L)).isEqualTo("e");
	}

	// the content tests: far-apart SimHashes, so only the words can link
	private final StoryClusters stories = new StoryClusters(this.clock, Duration.ofHours(48), 100, 3, 0.30, 0.20, 20);

	private static final List<String> LAUNCH = List.of("wonsan", "350", "km", "ballistic", "missil", "two",
			"short-rang", "east", "sea");

	private static final List<String> OTHER_LAUNCH = List.of("nampo", "cruis", "missil", "yellow", "sea", "two", "hour",
			"state", "media");

	@Test
	void aReportOfTheSameEventInTheSameLanguageJoinsItsStory() {
		fillWindow();
		this.stories.clusterOf("a", 0L, "en", LAUNCH, null);
		List<String> rewrite = new ArrayList<>(LAUNCH.subList(0, 7));
		rewrite.addAll(List.of("fire", "seoul"));
		assertThat(this.stories.clusterOf("b", -1L, "en", rewrite, null)).isEqualTo("a");
		assertThat(this.stories.clusterOf("c", 0x0f0f0f0fL, "en", OTHER_LAUNCH, null)).isEqualTo("c");
	}

	@Test
	void aBusyStoryStillGathersItsReports() {
		// 300 reports of one event among 4,300 articles: its words stay rare enough
		StoryClusters busy = new StoryClusters(this.clock, Duration.ofHours(48), 5_000, 3, 0.30, 0.20, 20);
		Random random = new Random(3);
		for (int i = 0; i < 4_000; i++) {
			busy.clusterOf("filler-" + i, random.nextLong(), "en", List.of("word" + i, "other" + i, "sea"), null);
		}
		String first = busy.clusterOf("report-0", random.nextLong(), "en", LAUNCH, null);
		for (int i = 1; i < 300; i++) {
			List<String> report = new ArrayList<>(LAUNCH.subList(0, 6));
			report.add("detail" + i);
			assertThat(busy.clusterOf("report-" + i, random.nextLong(), "en", report, null)).isEqualTo(first);
		}
	}

	@Test
	void eachArticleIsCountedByHowItFoundItsStory() {
		fillWindow();
		long newStories = this.stories.count(StoryClusters.Link.NEW_STORY);
		long nearDuplicates = this.stories.count(StoryClusters.Link.NEAR_DUPLICATE);
		long sameEvent = this.stories.count(StoryClusters.Link.SAME_EVENT);
		this.stories.clusterOf("a", 0L, "en", LAUNCH, null);
		this.stories.clusterOf("b", 1L, "en", List.of("unrelated"), null);
		List<String> rewrite = new ArrayList<>(LAUNCH.subList(0, 7));
		rewrite.addAll(List.of("fire", "seoul"));
		this.stories.clusterOf("c", 0x0f0f0f0fL, "en", rewrite, null);
		assertThat(this.stories.count(StoryClusters.Link.NEW_STORY)).isEqualTo(newStories + 1);
		assertThat(this.stories.count(StoryClusters.Link.NEAR_DUPLICATE)).isEqualTo(nearDuplicates + 1);
		assertThat(this.stories.count(StoryClusters.Link.SAME_EVENT)).isEqualTo(sameEvent + 1);
		assertThat(this.stories.size()).isEqualTo(33);
	}

	@Test
	void storiesDoNotCrossLanguages() {
		fillWindow();
		this.stories.clusterOf("a", 0L, "en", LAUNCH, null);
		assertThat(this.stories.clusterOf("b", -1L, "de", LAUNCH, null)).isEqualTo("b");
	}

	@Test
	void aLaterReportMustBeCloserToJoin() {
		fillWindow();
		this.stories.clusterOf("a", 0L, "en", LAUNCH, null);
		List<String> looser = new ArrayList<>(LAUNCH.subList(0, 5));
		looser.addAll(List.of("fire", "seoul", "launch", "morn", "militari"));
		this.clock.advance(Duration.ofHours(40));
		assertThat(this.stories.clusterOf("b", -1L, "en", looser, null)).isEqualTo("b");
		assertThat(this.stories.clusterOf("c", 0x0f0f0f0fL, "en", looser, null)).as("the same words, hours apart")
			.isEqualTo("b");
	}

	@Test
	void reportsAreDatedByPublicationNotByWhenTheyAreAnalysed() {
		List<String> looser = new ArrayList<>(LAUNCH.subList(0, 5));
		looser.addAll(List.of("fire", "seoul", "launch", "morn", "militari"));
		Instant published = this.clock.instant().minus(Duration.ofDays(3));
		// a backlog: published 40 hours apart, analysed within the same second
		fillWindow();
		this.stories.clusterOf("a", 0L, "en", LAUNCH, published);
		assertThat(this.stories.clusterOf("b", -1L, "en", looser, published.plus(Duration.ofHours(40)))).isEqualTo("b");
		// the same two reports published an hour apart
		StoryClusters other = new StoryClusters(this.clock, Duration.ofHours(48), 100, 3, 0.30, 0.20, 20);
		for (int i = 0; i < 30; i++) {
			other.clusterOf("filler-" + i, 0x5555_0000_0000L + ((long) i << 40) * 0x0101L, "en",
					List.of("word" + i, "other" + i, "sea", "two"), null);
		}
		other.clusterOf("a", 0L, "en", LAUNCH, published);
		assertThat(other.clusterOf("b", -1L, "en", looser, published.plus(Duration.ofHours(1)))).isEqualTo("a");
	}

	@Test
	void aPublicationTimeInTheFutureCountsAsNow() {
		fillWindow();
		this.stories.clusterOf("a", 0L, "en", LAUNCH, null);
		List<String> rewrite = new ArrayList<>(LAUNCH.subList(0, 7));
		rewrite.addAll(List.of("fire", "seoul"));
		// a feed that dates its items ten years ahead cannot push them out of today's
		// story
		assertThat(this.stories.clusterOf("b", -1L, "en", rewrite, this.clock.instant().plus(Duration.ofDays(3650))))
			.isEqualTo("a");
	}

	@Test
	void wordsLeaveTheWindowWithTheirArticles() {
		fillWindow();
		this.stories.clusterOf("a", 0L, "en", LAUNCH, null);
		this.clock.advance(Duration.ofHours(49));
		fillWindow();
		assertThat(this.stories.clusterOf("b", -1L, "en", LAUNCH, null)).isEqualTo("b");
	}

	// unrelated articles, so that the event's words are rare in the window
	private void fillWindow() {
		for (int i = 0; i < 30; i++) {
			long simhash = 0x5555_0000_0000L + ((long) i << 40) * 0x0101L;
			this.stories.clusterOf("filler-" + this.clock.instant() + "-" + i, simhash, "en",
					List.of("word" + i, "other" + i, "sea", "two"), null);
		}
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}

package dev.newsmon.ingest.polling;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeenArticlesTests {

	@Test
	void remembersPerFeed() {
		SeenArticles seen = new SeenArticles(10);
		seen.addAll("feed1", List.of("a", "b"));
		assertThat(seen.contains("feed1", "a")).isTrue();
		assertThat(seen.contains("feed2", "a")).isFalse();
		seen.forget("feed1");
		assertThat(seen.contains("feed1", "a")).isFalse();
	}

	@Test
	void forgetsTheOldestBeyondTheBound() {
		SeenArticles seen = new SeenArticles(3);
		seen.addAll("feed1", List.of("a", "b", "c", "d"));
		assertThat(seen.contains("feed1", "a")).isFalse();
		assertThat(seen.contains("feed1", "b")).isTrue();
		assertThat(seen.contains("feed1", "d")).isTrue();
	}

}

package dev.newsmon.search.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's data files agree with the service's taxonomy, and the page keeps to its
 * policy: no inline script or style, no library from another origin.
 */
class WebPageFilesTests {

	@Test
	void taxonomyLabelsCoverEveryTopicInThreeLanguages() throws IOException {
		JsonNode taxonomy = JsonMapper.builder().build().readTree(read("static/taxonomy.json"));
		List<String> ids = new ArrayList<>();
		for (JsonNode topic : taxonomy.get("topics")) {
			ids.add(topic.get("id").asString());
			for (String language : List.of("en", "ja", "ko")) {
				assertThat(topic.get("labels").get(language).asString()).as(topic + " " + language).isNotBlank();
			}
		}
		List<String> known = read("taxonomy/topic-ids.txt").lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
		assertThat(ids).containsExactlyInAnyOrderElementsOf(known);
	}

	@Test
	void thePageHasNoInlineScriptStyleOrForeignLibrary() throws IOException {
		String page = read("static/index.html");
		assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)")
			.doesNotContain("<style")
			.doesNotContain("style=")
			.doesNotContainPattern("\\son[a-z]+=")
			.doesNotContainPattern("(src|href)=\"(https?:)?//");
	}

	private static String read(String resource) throws IOException {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}

package dev.newsmon.analysis.analyze;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/analyze} and {@code GET /api/topics} in the running application, on
 * the real broker named by {@code KAFKA_BOOTSTRAP_SERVERS}.
 */
@DirtiesContext
@SpringBootTest(properties = "spring.kafka.bootstrap-servers=${KAFKA_BOOTSTRAP_SERVERS}")
@AutoConfigureMockMvc
class AnalyzeApiIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MeterRegistry meters;

	@Test
	void storyLinksAndTheWindowAreMetered() {
		assertThat(this.meters.find("newsmon.analysis.stories").functionCounters())
			.extracting((c) -> c.getId().getTag("link"))
			.containsExactlyInAnyOrder("near-duplicate", "same-event", "new-story");
		assertThat(this.meters.find("newsmon.analysis.stories.window").gauge()).isNotNull();
	}

	@Test
	void analyzesAText() throws Exception {
		this.mvc.perform(post("/api/analyze").contentType(MediaType.APPLICATION_JSON).content("""
				{"title": "日本とNATO、サイバー防衛で協力強化",
				 "body": "日本と北大西洋条約機構（NATO）は、サイバー攻撃への対処で協力を強めることで一致した。NATOは日本をインド太平洋の重要なパートナーと位置づけている。"}
				"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.language").value("ja"))
			.andExpect(jsonPath("$.topics[*].id", hasItem("nato-asia-partnership")))
			.andExpect(jsonPath("$.topics[0].label").isNotEmpty())
			.andExpect(jsonPath("$.topics[0].score").isNumber())
			.andExpect(jsonPath("$.topics[0].evidence[0].field").value("title"))
			.andExpect(jsonPath("$.topics[0].evidence[0].start").isNumber())
			.andExpect(jsonPath("$.entities[*].id", hasItem("Q7184")))
			.andExpect(jsonPath("$.entities[*].id", hasItem("Q17")))
			.andExpect(jsonPath("$.entities[0].type").isNotEmpty())
			.andExpect(jsonPath("$.entities[0].name").isNotEmpty())
			.andExpect(jsonPath("$.simhash").isNumber());
	}

	@Test
	void anOffTopicTextHasNoTopics() throws Exception {
		this.mvc.perform(post("/api/analyze").contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"title\": \"Runners set course records at city marathon\", \"body\": \"Cool weather helped.\", \"language\": \"en\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.language").value("en"))
			.andExpect(jsonPath("$.topics", hasSize(0)));
	}

	@Test
	void aMissingTitleIsABadRequest() throws Exception {
		this.mvc.perform(post("/api/analyze").contentType(MediaType.APPLICATION_JSON).content("{\"body\": \"text\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("title: must not be null"));
	}

	@Test
	void anOversizedBodyIsABadRequest() throws Exception {
		String body = "a".repeat(200_001);
		this.mvc
			.perform(post("/api/analyze").contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\": \"t\", \"body\": \"" + body + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("body: size must be")));
	}

	@Test
	void malformedJsonIsABadRequest() throws Exception {
		this.mvc.perform(post("/api/analyze").contentType(MediaType.APPLICATION_JSON).content("{\"title\": "))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("the body is not valid JSON")))
			.andExpect(jsonPath("$.field").doesNotExist());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			unknown field        | {"title":"t","tags":["x"]}      | unknown field 'tags'                 | tags
			unknown field only   | {"headline":"t"}                | unknown field 'headline'             | headline
			title as object      | {"title":{"a":1}}               | field 'title' must be a string       | title
			body as array        | {"title":"t","body":["a"]}      | field 'body' must be a string        | body
			empty body           | ''                              | the body must be a single JSON object | -
			array                | []                              | the body must be a single JSON object | -
			trailing content     | {"title":"t"} {"title":"u"}     | the body must be a single JSON object | -
			""")
	void anUnreadableBodyIsABadRequestNamingTheField(String name, String body, String detail, String field)
			throws Exception {
		this.mvc.perform(post("/api/analyze").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Invalid request body"))
			.andExpect(jsonPath("$.detail").value(detail))
			.andExpect((field != null) ? jsonPath("$.field").value(field) : jsonPath("$.field").doesNotExist());
	}

	@Test
	void listsTheTaxonomyWithLabelsAndRules() throws Exception {
		this.mvc.perform(get("/api/topics"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(16)))
			.andExpect(jsonPath("$[*].id", hasItem("north-korea")))
			.andExpect(jsonPath("$[?(@.id == 'north-korea')].labels.ko").value("북한"))
			.andExpect(jsonPath("$[0].version").isNumber())
			.andExpect(jsonPath("$[0].terms.length()", greaterThan(0)));
	}

}

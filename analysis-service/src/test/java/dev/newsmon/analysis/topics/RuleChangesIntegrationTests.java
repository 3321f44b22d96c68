package dev.newsmon.analysis.topics;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import dev.newsmon.analysis.AnalysisApplication;
import dev.newsmon.analysis.analyze.ArticleAnalyzer;
import dev.newsmon.analysis.tagging.TopicMatch;
import dev.newsmon.analysis.tagging.TopicTagger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rule changes at run time on the real broker named by {@code KAFKA_BOOTSTRAP_SERVERS}:
 * validated, applied at once, stored in the compacted rule topic and replayed by an
 * instance started afterwards. The tests use a rule topic of their own, so their changes
 * never reach a running service.
 */
@DirtiesContext
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${KAFKA_BOOTSTRAP_SERVERS}",
		"newsmon.api-key=" + RuleChangesIntegrationTests.KEY,
		"newsmon.analysis.rules.topic=" + RuleChangesIntegrationTests.RULES_TOPIC })
@AutoConfigureMockMvc
class RuleChangesIntegrationTests {

	static final String KEY = "rule-test-key";

	static final String RULES_TOPIC = "news.rules.v1.integration-tests";

	private static final String TITLE = "%s found in port terminal systems";

	private static final String BODY = "Investigators said %s had been planted in the terminal systems of three ports.";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TopicTagger tagger;

	@Autowired
	private Environment environment;

	@Test
	void aChangedRuleAppliesAtOnceAndReachesAnInstanceStartedLater() throws Exception {
		// versions grow with time: the test topic keeps the changes of earlier runs
		int version = (int) (System.currentTimeMillis() / 1000 - 1_700_000_000L);
		// a word of this run only: the rule topic replays the words of earlier runs
		String word = "Blorb" + Integer.toString(version, 36);
		String article = this.json
			.writeValueAsString(Map.of("title", TITLE.formatted(word), "body", BODY.formatted(word), "language", "en"));
		String rule = cyberRule(version, word);
		this.mvc.perform(post("/api/analyze").contentType(MediaType.APPLICATION_JSON).content(article))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.topics[*].id", not(hasItem("cyber-security"))));
		this.mvc
			.perform(put("/api/topics/cyber-security/rule").header("Authorization", "Bearer " + KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.content(rule))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(version));
		this.mvc.perform(post("/api/analyze").contentType(MediaType.APPLICATION_JSON).content(article))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.topics[0].id").value("cyber-security"))
			.andExpect(jsonPath("$.topics[0].evidence[0].text").value(word));
		this.mvc.perform(get("/api/topics"))
			.andExpect(jsonPath("$[?(@.id == 'cyber-security')].version").value(hasItem(version)));
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(AnalysisApplication.class)
			.web(WebApplicationType.NONE)
			.properties(
					"spring.kafka.bootstrap-servers="
							+ this.environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
					"newsmon.analysis.rules.topic=" + RULES_TOPIC, "spring.kafka.listener.auto-startup=true",
					"spring.jmx.enabled=false")
			.run()) {
			// replayed before the start returned, before any listener ran
			assertThat(second.getBean(TopicTagger.class).rule("cyber-security").version()).isEqualTo(version);
			assertThat(second.getBean(ArticleAnalyzer.class)
				.analyze(TITLE.formatted(word), "", BODY.formatted(word), "en")
				.topics()).extracting(TopicMatch::id).contains("cyber-security");
		}
	}

	@Test
	void aChangeWithoutTheKeyIsUnauthorized() throws Exception {
		this.mvc
			.perform(put("/api/topics/cyber-security/rule").contentType(MediaType.APPLICATION_JSON)
				.content(cyberRule(Integer.MAX_VALUE, "x")))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(put("/api/topics/cyber-security/rule").header("Authorization", "Bearer wrong")
				.contentType(MediaType.APPLICATION_JSON)
				.content(cyberRule(Integer.MAX_VALUE, "x")))
			.andExpect(status().isUnauthorized());
		assertThat(this.tagger.rule("cyber-security").version()).isLessThan(Integer.MAX_VALUE);
	}

	@Test
	void anEmptyTermListIsABadRequestNamingTheField() throws Exception {
		ObjectNode rule = (ObjectNode) this.json.readTree(cyberRule(Integer.MAX_VALUE, "x"));
		rule.putArray("terms");
		expectInvalid("cyber-security", rule.toString(), "terms");
	}

	@Test
	void aWeightOutOfRangeIsABadRequestNamingTheField() throws Exception {
		ObjectNode rule = (ObjectNode) this.json.readTree(cyberRule(Integer.MAX_VALUE, "x"));
		((ObjectNode) rule.get("terms").get(0)).put("weight", 11.0);
		expectInvalid("cyber-security", rule.toString(), "terms[0].weight");
	}

	@Test
	void anUnknownTopicIsABadRequest() throws Exception {
		ObjectNode rule = (ObjectNode) this.json.readTree(cyberRule(Integer.MAX_VALUE, "x"));
		rule.put("id", "space-race");
		expectInvalid("space-race", rule.toString(), "id");
	}

	@Test
	void anUnknownFieldIsABadRequestNamingItAndChangesNothing() throws Exception {
		int before = this.tagger.rule("cyber-security").version();
		ObjectNode rule = (ObjectNode) this.json.readTree(cyberRule(Integer.MAX_VALUE, "x"));
		rule.put("priority", "high");
		expectInvalid("cyber-security", rule.toString(), "priority");
		ObjectNode nested = (ObjectNode) this.json.readTree(cyberRule(Integer.MAX_VALUE, "x"));
		((ObjectNode) nested.get("terms").get(0)).put("boost", 2);
		expectInvalid("cyber-security", nested.toString(), "terms[0].boost");
		assertThat(this.tagger.rule("cyber-security").version()).isEqualTo(before);
	}

	@Test
	void aValueOfTheWrongTypeIsABadRequestNamingTheField() throws Exception {
		ObjectNode rule = (ObjectNode) this.json.readTree(cyberRule(Integer.MAX_VALUE, "x"));
		rule.put("threshold", "high");
		expectInvalid("cyber-security", rule.toString(), "threshold");
	}

	@Test
	void anEmptyBodyIsABadRequest() throws Exception {
		this.mvc
			.perform(put("/api/topics/cyber-security/rule").header("Authorization", "Bearer " + KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.content(""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("the body must be a single JSON object"));
	}

	@Test
	void anOlderVersionIsAConflict() throws Exception {
		this.mvc
			.perform(put("/api/topics/cyber-security/rule").header("Authorization", "Bearer " + KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.content(cyberRule(1, "x")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.field").value("version"));
	}

	private void expectInvalid(String topic, String rule, String field) throws Exception {
		this.mvc
			.perform(put("/api/topics/" + topic + "/rule").header("Authorization", "Bearer " + KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.content(rule))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.rule").value(topic))
			.andExpect(jsonPath("$.field").value(field));
	}

	private String cyberRule(int version, String alias) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/rules/cyber-security.json")) {
			ObjectNode rule = (ObjectNode) this.json.readTree(in);
			rule.put("version", version);
			((ArrayNode) rule.get("terms").get(0).get("en")).add(alias);
			return rule.toString();
		}
	}

}

package dev.newsmon.analysis.tagging;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RuleParser}.
 */
class RuleParserTests {

	private static final String VALID = """
			{"id": "north-korea", "version": 2,
			 "labels": {"en": "North Korea", "ja": "北朝鮮", "ko": "북한"},
			 "threshold": 0.5,
			 "terms": [
			   {"term": "North Korea", "weight": 1.5, "en": ["North Korea", "DPRK"], "ja": ["北朝鮮"], "ko": ["북한"]},
			   {"term": "missile", "weight": 0.5, "all": ["ICBM"], "en": ["missile"]}
			 ],
			 "requires": [["North Korea"]],
			 "near": [{"terms": ["North Korea", "missile"], "within": 5, "weight": 1}],
			 "exclude": {"en": ["football"]}}
			""";

	private final RuleParser parser = new RuleParser();

	@Test
	void readsAValidRule() {
		TopicRule rule = this.parser.parse("north-korea.json", VALID);
		assertThat(rule.id()).isEqualTo("north-korea");
		assertThat(rule.version()).isEqualTo(2);
		assertThat(rule.labels()).containsEntry("ko", "북한");
		assertThat(rule.terms()).hasSize(2);
		assertThat(rule.terms().get(1).aliases("ja")).containsExactly("ICBM");
		assertThat(rule.requires()).containsExactly(java.util.List.of("North Korea"));
		assertThat(rule.near().get(0).within()).isEqualTo(5);
		assertThat(rule.exclude()).containsKey("en");
	}

	@Test
	void readsEveryRuleFileOfTheService() {
		assertThat(Rules.all()).hasSize(16)
			.allSatisfy((rule) -> assertThat(rule.labels()).containsOnlyKeys("en", "ja", "ko"));
	}

	static Stream<Arguments> invalid() {
		return Stream.of(Arguments.of("not JSON", "{\"id\": ", "rule 'bad.json', field '(file)'"),
				Arguments.of("no id", "{\"version\": 1}", "rule 'bad.json', field 'id': is required"),
				Arguments.of("upper-case id", VALID.replace("\"north-korea\"", "\"North\""), "field 'id'"),
				Arguments.of("version zero", VALID.replace("\"version\": 2", "\"version\": 0"),
						"rule 'north-korea', field 'version'"),
				Arguments.of("threshold above one", VALID.replace("0.5,\n", "1.5,\n"),
						"rule 'north-korea', field 'threshold': must be in (0, 1]"),
				Arguments.of("missing label", VALID.replace(", \"ko\": \"북한\"}", "}"),
						"rule 'north-korea', field 'labels.ko': is required"),
				Arguments.of("negative weight", VALID.replace("\"weight\": 1.5", "\"weight\": -1"),
						"rule 'north-korea', field 'terms[0].weight'"),
				Arguments.of("weight as text", VALID.replace("\"weight\": 1.5", "\"weight\": \"high\""),
						"rule 'north-korea', field 'terms[0].weight': must be a number"),
				Arguments.of("blank alias", VALID.replace("\"DPRK\"", "\" \""),
						"rule 'north-korea', field 'terms[0].en[1]': must be a non-blank string"),
				Arguments.of("misspelt field", VALID.replace("\"requires\"", "\"require\""),
						"rule 'north-korea', field 'require': is not a known field"),
				Arguments.of("unknown term in requires", VALID.replace("[[\"North Korea\"]]", "[[\"Pyongyang\"]]"),
						"rule 'north-korea', field 'requires[0]': names 'Pyongyang'"),
				Arguments.of("one term in near", VALID.replace("[\"North Korea\", \"missile\"]", "[\"missile\"]"),
						"rule 'north-korea', field 'near[0].terms': must name exactly two terms"),
				Arguments.of("yields to itself",
						VALID.replace("\"requires\"", "\"yieldTo\": [\"north-korea\"], \"requires\""),
						"rule 'north-korea', field 'yieldTo[0]': 'north-korea' must be the id of another topic"),
				Arguments.of("duplicate term", VALID.replace("\"term\": \"missile\"", "\"term\": \"North Korea\""),
						"rule 'north-korea', field 'terms[1].term': 'North Korea' is defined twice"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalid")
	void rejectsAnInvalidRuleNamingTheRuleAndField(String name, String json, String message) {
		assertThatExceptionOfType(InvalidRuleException.class).isThrownBy(() -> this.parser.parse("bad.json", json))
			.withMessageContaining(message);
	}

	@Test
	void rejectsAnAliasThatAnalysesToNothing() {
		TopicRule rule = this.parser.parse("north-korea.json", VALID.replace("[\"北朝鮮\"]", "[\"の\"]"));
		try (TopicTagger tagger = new TopicTagger()) {
			assertThatExceptionOfType(InvalidRuleException.class).isThrownBy(() -> tagger.register(rule))
				.withMessageContaining("rule 'north-korea', field 'terms[0]': alias 'の' leaves no words");
		}
	}

}

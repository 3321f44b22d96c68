package dev.newsmon.analysis.tagging;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and validates rule files. Every problem is reported as an
 * {@link InvalidRuleException} naming the rule and the field, so a bad file is fixed in
 * one look.
 */
public final class RuleParser {

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Set<String> RULE_FIELDS = Set.of("id", "version", "labels", "threshold", "terms", "requires",
			"near", "exclude", "yieldTo", "description");

	private static final Set<String> TERM_FIELDS = Set.of("term", "weight", "all", "en", "ja", "ko");

	private static final Set<String> NEAR_FIELDS = Set.of("terms", "within", "weight");

	private static final int MAX_WITHIN = 50;

	private final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * Reads one rule.
	 * @param source the name of the file, used in messages until the id is known
	 * @param json the rule file's content
	 * @return the valid rule
	 * @throws InvalidRuleException if the file is not a valid rule
	 */
	public TopicRule parse(String source, InputStream json) {
		try {
			return parse(source, this.mapper.readTree(json));
		}
		catch (JacksonException ex) {
			throw new InvalidRuleException(source, "(file)", "not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Reads one rule.
	 * @param source the name of the file, used in messages until the id is known
	 * @param json the rule file's content
	 * @return the valid rule
	 * @throws InvalidRuleException if the text is not a valid rule
	 */
	public TopicRule parse(String source, String json) {
		try {
			return parse(source, this.mapper.readTree(json));
		}
		catch (JacksonException ex) {
			throw new InvalidRuleException(source, "(file)", "not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private TopicRule parse(String source, JsonNode root) {
		if (root == null || !root.isObject()) {
			throw new InvalidRuleException(source, "(file)", "must be a JSON object");
		}
		String id = string(source, root, "id");
		if (!ID.matcher(id).matches()) {
			throw new InvalidRuleException(source, "id", "'" + id + "' must be lower-case words joined by '-'");
		}
		unknownFields(id, "", root, RULE_FIELDS);
		JsonNode versionNode = required(id, root, "version");
		if (!versionNode.isIntegralNumber() || versionNode.intValue() < 1) {
			throw new InvalidRuleException(id, "version", "must be a whole number of at least 1");
		}
		Map<String, String> labels = labels(id, required(id, root, "labels"));
		double threshold = number(id, required(id, root, "threshold"), "threshold");
		if (!(threshold > 0 && threshold <= 1)) {
			throw new InvalidRuleException(id, "threshold", "must be in (0, 1], was " + threshold);
		}
		List<TopicRule.Term> terms = terms(id, required(id, root, "terms"));
		Set<String> names = new HashSet<>();
		for (TopicRule.Term term : terms) {
			names.add(term.term());
		}
		List<List<String>> requires = requires(id, root.get("requires"), names);
		List<TopicRule.Near> near = near(id, root.get("near"), names);
		Map<String, List<String>> exclude = exclude(id, root.get("exclude"));
		List<String> yieldTo = yieldTo(id, root.get("yieldTo"));
		return new TopicRule(id, versionNode.intValue(), labels, threshold, terms, requires, near, exclude, yieldTo);
	}

	private static Map<String, String> labels(String id, JsonNode node) {
		if (!node.isObject()) {
			throw new InvalidRuleException(id, "labels", "must be an object with en, ja and ko");
		}
		unknownFields(id, "labels.", node, Set.copyOf(TopicRule.LANGUAGES));
		Map<String, String> labels = new LinkedHashMap<>();
		for (String language : TopicRule.LANGUAGES) {
			labels.put(language, string(id, node, language, "labels." + language));
		}
		return labels;
	}

	private static List<TopicRule.Term> terms(String id, JsonNode node) {
		if (!node.isArray() || node.isEmpty()) {
			throw new InvalidRuleException(id, "terms", "must be a non-empty array");
		}
		List<TopicRule.Term> terms = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < node.size(); i++) {
			String path = "terms[" + i + "]";
			JsonNode termNode = node.get(i);
			if (!termNode.isObject()) {
				throw new InvalidRuleException(id, path, "must be an object");
			}
			unknownFields(id, path + ".", termNode, TERM_FIELDS);
			String name = string(id, termNode, "term", path + ".term");
			if (!names.add(name)) {
				throw new InvalidRuleException(id, path + ".term", "'" + name + "' is defined twice");
			}
			double weight = 1.0;
			if (termNode.has("weight")) {
				weight = number(id, termNode.get("weight"), path + ".weight");
				if (!(weight >= 0 && weight <= 10)) {
					throw new InvalidRuleException(id, path + ".weight", "must be in [0, 10], was " + weight);
				}
			}
			TopicRule.Term term = new TopicRule.Term(name, weight, strings(id, termNode.get("all"), path + ".all"),
					strings(id, termNode.get("en"), path + ".en"), strings(id, termNode.get("ja"), path + ".ja"),
					strings(id, termNode.get("ko"), path + ".ko"));
			if (term.all().isEmpty() && term.en().isEmpty() && term.ja().isEmpty() && term.ko().isEmpty()) {
				throw new InvalidRuleException(id, path, "term '" + name + "' has no alias in all, en, ja or ko");
			}
			terms.add(term);
		}
		return terms;
	}

	private static List<List<String>> requires(String id, JsonNode node, Set<String> names) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw new InvalidRuleException(id, "requires", "must be an array of arrays of term names");
		}
		List<List<String>> groups = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			String path = "requires[" + i + "]";
			List<String> group = strings(id, node.get(i), path);
			if (group.isEmpty()) {
				throw new InvalidRuleException(id, path, "must name at least one term");
			}
			knownTerms(id, path, group, names);
			groups.add(group);
		}
		return groups;
	}

	private static List<TopicRule.Near> near(String id, JsonNode node, Set<String> names) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw new InvalidRuleException(id, "near", "must be an array");
		}
		List<TopicRule.Near> near = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			String path = "near[" + i + "]";
			JsonNode nearNode = node.get(i);
			if (!nearNode.isObject()) {
				throw new InvalidRuleException(id, path, "must be an object");
			}
			unknownFields(id, path + ".", nearNode, NEAR_FIELDS);
			List<String> terms = strings(id, nearNode.get("terms"), path + ".terms");
			if (terms.size() != 2) {
				throw new InvalidRuleException(id, path + ".terms", "must name exactly two terms");
			}
			knownTerms(id, path + ".terms", terms, names);
			JsonNode withinNode = required(id, nearNode, "within", path + ".within");
			if (!withinNode.isIntegralNumber() || withinNode.intValue() < 0 || withinNode.intValue() > MAX_WITHIN) {
				throw new InvalidRuleException(id, path + ".within",
						"must be a whole number in [0, " + MAX_WITHIN + "]");
			}
			double weight = number(id, required(id, nearNode, "weight", path + ".weight"), path + ".weight");
			if (!(weight > 0 && weight <= 10)) {
				throw new InvalidRuleException(id, path + ".weight", "must be in (0, 10], was " + weight);
			}
			near.add(new TopicRule.Near(terms, withinNode.intValue(), weight));
		}
		return near;
	}

	private static Map<String, List<String>> exclude(String id, JsonNode node) {
		if (node == null || node.isNull()) {
			return Map.of();
		}
		if (!node.isObject()) {
			throw new InvalidRuleException(id, "exclude", "must be an object of alias lists by language");
		}
		Set<String> keys = new HashSet<>(TopicRule.LANGUAGES);
		keys.add(TopicRule.ALL_LANGUAGES);
		unknownFields(id, "exclude.", node, keys);
		Map<String, List<String>> exclude = new LinkedHashMap<>();
		for (String key : node.propertyNames()) {
			exclude.put(key, strings(id, node.get(key), "exclude." + key));
		}
		return exclude;
	}

	private static List<String> yieldTo(String id, JsonNode node) {
		List<String> topics = strings(id, node, "yieldTo");
		for (int i = 0; i < topics.size(); i++) {
			String topic = topics.get(i);
			if (!ID.matcher(topic).matches() || topic.equals(id)) {
				throw new InvalidRuleException(id, "yieldTo[" + i + "]",
						"'" + topic + "' must be the id of another topic");
			}
		}
		return topics;
	}

	private static void knownTerms(String id, String path, List<String> terms, Set<String> names) {
		for (String term : terms) {
			if (!names.contains(term)) {
				throw new InvalidRuleException(id, path, "names '" + term + "', which is not a term of the rule");
			}
		}
	}

	private static void unknownFields(String id, String prefix, JsonNode node, Set<String> known) {
		for (String name : node.propertyNames()) {
			if (!known.contains(name)) {
				throw new InvalidRuleException(id, prefix + name, "is not a known field (known: " + known + ")");
			}
		}
	}

	private static JsonNode required(String id, JsonNode node, String name) {
		return required(id, node, name, name);
	}

	private static JsonNode required(String id, JsonNode node, String name, String path) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			throw new InvalidRuleException(id, path, "is required");
		}
		return value;
	}

	private static String string(String id, JsonNode node, String name) {
		return string(id, node, name, name);
	}

	private static String string(String id, JsonNode node, String name, String path) {
		JsonNode value = required(id, node, name, path);
		if (!value.isString() || value.stringValue().isBlank()) {
			throw new InvalidRuleException(id, path, "must be a non-blank string");
		}
		return value.stringValue().strip();
	}

	private static double number(String id, JsonNode node, String path) {
		if (!node.isNumber()) {
			throw new InvalidRuleException(id, path, "must be a number");
		}
		return node.doubleValue();
	}

	private static List<String> strings(String id, JsonNode node, String path) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw new InvalidRuleException(id, path, "must be an array of strings");
		}
		List<String> values = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode value = node.get(i);
			if (!value.isString() || value.stringValue().isBlank()) {
				throw new InvalidRuleException(id, path + "[" + i + "]", "must be a non-blank string");
			}
			values.add(value.stringValue().strip());
		}
		return values;
	}

}

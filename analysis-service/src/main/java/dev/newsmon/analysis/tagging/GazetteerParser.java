package dev.newsmon.analysis.tagging;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and validates the gazetteer file; a problem names the entity and the field.
 */
public final class GazetteerParser {

	private static final Set<String> TYPES = Set.of("country", "organization", "person", "office");

	private final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * Reads a gazetteer.
	 * @param source the name of the file, for messages
	 * @param json the file's content
	 * @return the entities
	 * @throws InvalidRuleException if the file is not a valid gazetteer
	 */
	public List<GazetteerEntity> parse(String source, InputStream json) {
		JsonNode root;
		try {
			root = this.mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw new InvalidRuleException(source, "(file)", "not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		JsonNode entities = (root != null) ? root.get("entities") : null;
		if (entities == null || !entities.isArray()) {
			throw new InvalidRuleException(source, "entities", "must be an array");
		}
		List<GazetteerEntity> result = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < entities.size(); i++) {
			JsonNode node = entities.get(i);
			String path = "entities[" + i + "]";
			String id = text(source, node, "id", path);
			if (!ids.add(id)) {
				throw new InvalidRuleException(id, "id", "is defined twice");
			}
			String type = text(id, node, "type", "type");
			if (!TYPES.contains(type)) {
				throw new InvalidRuleException(id, "type", "must be one of " + TYPES);
			}
			String name = text(id, node, "name", "name");
			Map<String, List<String>> names = new LinkedHashMap<>();
			for (String language : TopicRule.LANGUAGES) {
				names.put(language, strings(id, node.get(language), language));
			}
			if (names.values().stream().allMatch(List::isEmpty)) {
				throw new InvalidRuleException(id, "en", "the entity has no name in en, ja or ko");
			}
			Map<String, List<String>> except = new LinkedHashMap<>();
			JsonNode exceptNode = node.get("except");
			if (exceptNode != null) {
				for (String language : TopicRule.LANGUAGES) {
					except.put(language, strings(id, exceptNode.get(language), "except." + language));
				}
			}
			result.add(new GazetteerEntity(id, type, name, Map.copyOf(names), Map.copyOf(except)));
		}
		return List.copyOf(result);
	}

	private static String text(String owner, JsonNode node, String field, String path) {
		JsonNode value = (node != null) ? node.get(field) : null;
		if (value == null || !value.isString() || value.stringValue().isBlank()) {
			throw new InvalidRuleException(owner, path, "must be a non-blank string");
		}
		return value.stringValue();
	}

	private static List<String> strings(String id, JsonNode node, String path) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw new InvalidRuleException(id, path, "must be an array of strings");
		}
		List<String> strings = new ArrayList<>();
		for (JsonNode value : node) {
			if (!value.isString() || value.stringValue().isBlank()) {
				throw new InvalidRuleException(id, path, "must be an array of non-blank strings");
			}
			strings.add(value.stringValue());
		}
		return List.copyOf(strings);
	}

}

package dev.newsmon.analysis.tagging;

import java.util.List;
import java.util.Map;

/**
 * An entity of the gazetteer: a country, organisation, person or office with its names.
 *
 * @param id the canonical id: a Wikidata Q-id, or a {@code newsmon:} id
 * @param type {@code country}, {@code organization}, {@code person} or {@code office}
 * @param name the canonical name, in English
 * @param names the names and aliases by language ({@code en}, {@code ja}, {@code ko})
 * @param except phrases by language whose words must not count as the entity
 */
public record GazetteerEntity(String id, String type, String name, Map<String, List<String>> names,
		Map<String, List<String>> except) {

}

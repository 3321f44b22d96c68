package dev.newsmon.analysis.tagging;

/**
 * An entity named in an article.
 *
 * @param id the canonical id
 * @param type the entity's type
 * @param name the canonical name
 * @param mentions how many times the article names it
 */
public record EntityMatch(String id, String type, String name, int mentions) {

}

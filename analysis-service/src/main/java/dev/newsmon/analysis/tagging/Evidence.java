package dev.newsmon.analysis.tagging;

/**
 * A matched term and where it stands in the article.
 *
 * @param field the section of the text: {@code title}, {@code summary} or {@code body}
 * @param term the name of the rule term that matched
 * @param text the text that matched, as written
 * @param start the offset of the match's first character in the section
 * @param end the offset after the match's last character
 */
public record Evidence(String field, String term, String text, int start, int end) {

}

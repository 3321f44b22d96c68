package dev.newsmon.ingest.processor;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text from the HTML of feed items: markup, scripts, styles and embedded frames
 * removed, entities decoded, whitespace collapsed and paragraphs kept as line breaks.
 */
public final class HtmlText {

	private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
			"h6", "blockquote", "pre", "tr", "table", "section", "article", "header", "footer", "figure", "figcaption",
			"dd", "dt", "hr");

	private HtmlText() {
	}

	/**
	 * Returns the text of an HTML fragment.
	 * @param html the fragment, or {@code null}
	 * @return the text, possibly empty, never {@code null}
	 */
	public static String of(String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		Document document = Jsoup.parseBodyFragment(html);
		document.select("script, style, noscript, iframe, object, embed, template, svg, form").remove();
		StringBuilder text = new StringBuilder(html.length());
		NodeTraversor.traverse(new NodeVisitor() {

			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode textNode) {
					text.append(textNode.getWholeText());
				}
				else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
					text.append('\n');
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
					text.append('\n');
				}
			}

		}, document.body());
		return normalizeWhitespace(text);
	}

	private static String normalizeWhitespace(CharSequence text) {
		StringBuilder result = new StringBuilder(text.length());
		for (String line : text.toString().split("\n")) {
			String collapsed = line.replaceAll("[\\s\\u00a0\\u3000]+", " ").strip();
			if (!collapsed.isEmpty()) {
				if (!result.isEmpty()) {
					result.append('\n');
				}
				result.append(collapsed);
			}
		}
		return result.toString();
	}

}

package dev.newsmon.ingest.processor;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text from the HTML of feed items: markup, scripts, styles and embedded frames
 * removed, entities decoded, whitespace collapsed and paragraphs kept as line breaks.
 */
public final class HtmlText {

	private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
			"h6", "blockquote", "pre", "tr", "table", "section", "article", "header", "footer", "figure", "figcaption",
			"dd", "dt", "hr");

	/**
	 * Formatting and links only: no scripts, styles, frames, images or event handlers,
	 * and links only to http and https (jsoup adds rel=nofollow).
	 */
	private static final Safelist SNIPPET = Safelist.basic().removeProtocols("a", "href", "ftp", "mailto");

	/** A snippet longer than this is given as escaped plain text instead. */
	static final int MAX_SNIPPET_CHARS = 8_000;

	private HtmlText() {
	}

	/**
	 * Returns a sanitized HTML snippet of a fragment, safe to show in a page: only the
	 * elements and attributes of jsoup's basic safelist, relative links made absolute
	 * against the base URI and unsafe ones removed. An oversized result falls back to the
	 * escaped, shortened plain text.
	 * @param html the fragment, or {@code null}
	 * @param baseUri the URI that relative links resolve against, or {@code null}
	 * @return the sanitized HTML, possibly empty, never {@code null}
	 */
	public static String snippet(String html, String baseUri) {
		if (html == null || html.isBlank()) {
			return "";
		}
		String clean = Jsoup.clean(html, (baseUri != null) ? baseUri : "", SNIPPET).strip();
		if (clean.length() <= MAX_SNIPPET_CHARS) {
			return clean;
		}
		String text = of(html);
		// an escaped character takes at most six characters (&quot;)
		return Entities.escape(text.substring(0, Math.min(text.length(), MAX_SNIPPET_CHARS / 6)));
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

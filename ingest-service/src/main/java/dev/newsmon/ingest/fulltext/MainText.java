package dev.newsmon.ingest.fulltext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The main text of an article page: the article's own block
 * ({@code [itemprop=articleBody]}, {@code <article>}, {@code <main>}) when the page marks
 * it, else the block holding the most paragraph text; navigation, asides, footers,
 * scripts, styles, forms, comments and advertising left out, paragraphs kept as lines.
 */
public final class MainText {

	/** Blocks that mark the article, strongest first. */
	private static final List<String> MARKED = List.of("[itemprop=articleBody]", "article", "main", "[role=main]");

	private static final String NEVER_TEXT = "script, style, noscript, iframe, object, embed, template, svg, canvas, "
			+ "form, button, input, select, textarea, nav, aside, footer, header, menu, dialog, "
			+ "[role=navigation], [role=complementary], [role=contentinfo], [role=banner], [aria-hidden=true], [hidden]";

	/** Class or id words of page furniture that is not the article. */
	private static final Pattern FURNITURE = Pattern
		.compile("(?i)(^|[\\s_-])(comments?|reply|share|social|ad|ads|advert\\w*|sponsor\\w*|promo\\w*|related|"
				+ "newsletter|subscribe|cookie\\w*|banner|sidebar|breadcrumbs?|pagination|byline-share)($|[\\s_-])");

	private static final Set<String> PARAGRAPHS = Set.of("p", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote",
			"dd", "figcaption");

	private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");

	/** Less text than this is no article: a home page, a login wall, an error page. */
	static final int MIN_CHARS = 80;

	private MainText() {
	}

	/**
	 * Extracts the main text of a page.
	 * @param html the page
	 * @param baseUri the page's URL, or {@code null}
	 * @return the text, paragraphs separated by line breaks; empty when the page holds no
	 * article
	 */
	public static String of(String html, String baseUri) {
		if (html == null || html.isBlank()) {
			return "";
		}
		return of(Jsoup.parse(html, (baseUri != null) ? baseUri : ""));
	}

	/**
	 * Extracts the main text of a page as fetched: decoded by the charset of its
	 * {@code Content-Type}, else by its byte-order mark or {@code <meta charset>}, else
	 * as UTF-8.
	 * @param body the page's bytes
	 * @param contentType its {@code Content-Type}, or {@code null}
	 * @param baseUri the page's URL
	 * @return the text; empty when the page holds no article
	 */
	public static String of(byte[] body, String contentType, String baseUri) {
		try {
			return of(Jsoup.parse(new ByteArrayInputStream(body), charset(contentType), baseUri));
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static String charset(String contentType) {
		if (contentType == null) {
			return null;
		}
		Matcher charset = CHARSET.matcher(contentType);
		if (!charset.find()) {
			return null;
		}
		try {
			return Charset.isSupported(charset.group(1)) ? charset.group(1) : null;
		}
		catch (IllegalCharsetNameException ex) {
			return null;
		}
	}

	private static String of(Document document) {
		document.select(NEVER_TEXT).remove();
		for (Element element : document.body().select("[class], [id]")) {
			if (element.parent() != null && !MARKED.stream().anyMatch(element::is)
					&& (FURNITURE.matcher(element.className()).find() || FURNITURE.matcher(element.id()).find())) {
				element.remove();
			}
		}
		Element root = marked(document);
		if (root == null) {
			root = densest(document.body());
		}
		String text = (root != null) ? text(root) : "";
		return (text.length() >= MIN_CHARS) ? text : "";
	}

	/** The marked block with the most paragraph text, by the strongest mark present. */
	private static Element marked(Document document) {
		for (String selector : MARKED) {
			Element best = null;
			int bestLength = 0;
			for (Element candidate : document.select(selector)) {
				int length = text(candidate).length();
				if (length > bestLength) {
					best = candidate;
					bestLength = length;
				}
			}
			if (best != null && bestLength >= MIN_CHARS) {
				return best;
			}
		}
		return null;
	}

	/**
	 * The block whose own paragraphs (and, on pages built of divs only, whose divs with
	 * text of their own) hold the most text.
	 */
	private static Element densest(Element body) {
		Map<Element, Integer> scores = new LinkedHashMap<>();
		for (Element element : body.getAllElements()) {
			if (isParagraph(element) && element.parent() != null && !linkHeavy(element)) {
				scores.merge(element.parent(), element.text().length(), Integer::sum);
			}
		}
		return scores.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
	}

	private static boolean isParagraph(Element element) {
		return PARAGRAPHS.contains(element.normalName())
				|| (element.normalName().equals("div") && !element.ownText().isBlank());
	}

	/** The paragraphs of a block, outermost only, one per line. */
	private static String text(Element root) {
		StringBuilder text = new StringBuilder();
		Elements all = root.getAllElements();
		for (Element element : all) {
			if (element == root || !isParagraph(element) || insideParagraph(element, root) || linkHeavy(element)) {
				continue;
			}
			String paragraph = element.normalName().equals("div") ? element.ownText().strip() : element.text().strip();
			if (!paragraph.isEmpty()) {
				if (!text.isEmpty()) {
					text.append('\n');
				}
				text.append(paragraph);
			}
		}
		if (text.isEmpty() && !root.ownText().isBlank()) {
			text.append(root.ownText().strip());
		}
		return text.toString();
	}

	private static boolean insideParagraph(Element element, Element root) {
		for (Element parent = element.parent(); parent != null && parent != root; parent = parent.parent()) {
			if (PARAGRAPHS.contains(parent.normalName())) {
				return true;
			}
		}
		return false;
	}

	/** Mostly link text: a list of headlines or a menu, not prose. */
	private static boolean linkHeavy(Element element) {
		int length = element.text().length();
		if (length == 0) {
			return true;
		}
		int links = 0;
		for (Element link : element.select("a")) {
			links += link.text().length();
		}
		return links * 2 > length;
	}

}

package dev.newsmon.ingest.parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.jdom2.Element;

/**
 * Reads RSS 0.9x, 1.0 and 2.0 and Atom documents with Rome. A document with a DOCTYPE is
 * refused, which turns off external entities and entity expansion (XXE, "billion
 * laughs"); feeds in the wild do not need a DOCTYPE.
 */
public final class FeedParser {

	private static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";

	private static final int MAX_ENCLOSURES = 10;

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	/**
	 * Reads a feed document.
	 * @param body the document's bytes
	 * @param contentType the {@code Content-Type} it was served with, or {@code null};
	 * its charset counts when the document declares none (RFC 7303 section 3)
	 * @param feedUrl the URL it came from, against which relative links are resolved
	 * @return the feed
	 * @throws FeedParseException if the document is not a feed that can be read
	 */
	public ParsedFeed parse(byte[] body, String contentType, URI feedUrl) throws FeedParseException {
		SyndFeed feed;
		try (Reader reader = reader(body, contentType)) {
			SyndFeedInput input = new SyndFeedInput();
			input.setAllowDoctypes(false);
			// keep the RSS channel for its <ttl>, which the synd model drops
			input.setPreserveWireFeed(true);
			feed = input.build(reader);
		}
		catch (FeedException | IOException | IllegalArgumentException ex) {
			throw new FeedParseException("not a readable RSS or Atom feed: " + rootMessage(ex), ex);
		}
		List<ParsedItem> items = new ArrayList<>(feed.getEntries().size());
		for (SyndEntry entry : feed.getEntries()) {
			items.add(item(entry, feedUrl));
		}
		return new ParsedFeed(feed.getTitle(), blankToNull(feed.getLanguage()), items, ttl(feed),
				link(feed, "hub", feedUrl), link(feed, "self", feedUrl));
	}

	/**
	 * A feed-level link by relation: Atom's {@code <link>}, or an {@code atom:link}
	 * inside an RSS channel (WebSub section 4).
	 */
	private static String link(SyndFeed feed, String rel, URI feedUrl) {
		String href = null;
		if (feed.getLinks() != null) {
			href = feed.getLinks()
				.stream()
				.filter((link) -> rel.equals(link.getRel()) && blankToNull(link.getHref()) != null)
				.map(SyndLink::getHref)
				.findFirst()
				.orElse(null);
		}
		if (href == null) {
			for (Element element : feed.getForeignMarkup()) {
				if (ATOM.equals(element.getNamespaceURI()) && element.getName().equals("link")
						&& rel.equals(element.getAttributeValue("rel"))
						&& blankToNull(element.getAttributeValue("href")) != null) {
					href = element.getAttributeValue("href");
					break;
				}
			}
		}
		if (href == null) {
			return null;
		}
		try {
			return (feedUrl != null) ? feedUrl.resolve(href.strip()).toString() : href.strip();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The RSS 2.0 {@code <ttl>}, in minutes; absent or not positive means none. */
	private static Duration ttl(SyndFeed feed) {
		if (feed.originalWireFeed() instanceof Channel channel && channel.getTtl() > 0) {
			return Duration.ofMinutes(channel.getTtl());
		}
		return null;
	}

	/**
	 * A byte-order mark decides the encoding (RFC 7303 section 3.3, XML 1.0 appendix F);
	 * without one, Rome's reader weighs the Content-Type charset and the prolog.
	 */
	private static Reader reader(byte[] body, String contentType) throws IOException {
		for (ByteOrderMark mark : ByteOrderMark.values()) {
			if (mark.starts(body)) {
				return new InputStreamReader(
						new ByteArrayInputStream(body, mark.bytes.length, body.length - mark.bytes.length),
						mark.charset);
			}
		}
		return new XmlReader(new ByteArrayInputStream(body), contentType, true);
	}

	private static ParsedItem item(SyndEntry entry, URI feedUrl) {
		String title = entry.getTitle();
		String summary = text(entry.getDescription());
		if (blankToNull(title) == null) {
			title = media(entry, "title");
		}
		if (summary == null) {
			summary = media(entry, "description");
		}
		return new ParsedItem(title, link(entry, feedUrl), summary, content(entry.getContents()), author(entry),
				categories(entry), instant(entry.getPublishedDate()), instant(entry.getUpdatedDate()),
				enclosures(entry, feedUrl));
	}

	/**
	 * The URLs of the item's {@code <enclosure>}s (RSS 2.0), {@code rel="enclosure"}
	 * links (Atom) and {@code media:content} (Media RSS), made absolute; only http and
	 * https, at most {@value #MAX_ENCLOSURES}.
	 */
	private static List<String> enclosures(SyndEntry entry, URI feedUrl) {
		Set<String> urls = new LinkedHashSet<>();
		for (SyndEnclosure enclosure : entry.getEnclosures()) {
			addUrl(urls, enclosure.getUrl(), feedUrl);
		}
		Deque<Element> elements = new ArrayDeque<>(entry.getForeignMarkup());
		while (!elements.isEmpty()) {
			Element element = elements.poll();
			if (MEDIA_RSS.equals(element.getNamespaceURI())) {
				if (element.getName().equals("content")) {
					addUrl(urls, element.getAttributeValue("url"), feedUrl);
				}
				if (element.getName().equals("group") || element.getName().equals("content")) {
					elements.addAll(element.getChildren());
				}
			}
		}
		return urls.stream().limit(MAX_ENCLOSURES).toList();
	}

	private static void addUrl(Set<String> urls, String value, URI feedUrl) {
		if (blankToNull(value) == null) {
			return;
		}
		try {
			URI uri = (feedUrl != null) ? feedUrl.resolve(value.strip().replace(" ", "%20")) : new URI(value.strip());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (scheme.equals("http") || scheme.equals("https")) {
				urls.add(uri.toString());
			}
		}
		catch (IllegalArgumentException | URISyntaxException ex) {
			// an unusable enclosure URL is left out; the item itself is still good
		}
	}

	/**
	 * A Media RSS text ({@code media:title}, {@code media:description}) of the item, of
	 * its {@code media:content} or of its {@code media:group}: video and photo feeds
	 * often carry their only text there.
	 */
	private static String media(SyndEntry entry, String name) {
		Deque<Element> elements = new ArrayDeque<>(entry.getForeignMarkup());
		while (!elements.isEmpty()) {
			Element element = elements.poll();
			if (!MEDIA_RSS.equals(element.getNamespaceURI())) {
				continue;
			}
			if (element.getName().equals(name)) {
				String value = blankToNull(element.getTextTrim());
				if (value != null) {
					return value;
				}
			}
			else if (element.getName().equals("content") || element.getName().equals("group")) {
				elements.addAll(element.getChildren());
			}
		}
		return null;
	}

	/**
	 * The item's link, else its id when that is a URL (an RSS guid that is a permalink),
	 * resolved against the feed's URL.
	 */
	private static String link(SyndEntry entry, URI feedUrl) {
		String link = blankToNull(entry.getLink());
		if (link == null) {
			String uri = blankToNull(entry.getUri());
			if (uri != null && (uri.startsWith("http://") || uri.startsWith("https://"))) {
				link = uri;
			}
		}
		if (link == null) {
			return null;
		}
		try {
			return (feedUrl != null) ? feedUrl.resolve(link.strip().replace(" ", "%20")).toString() : link.strip();
		}
		catch (IllegalArgumentException ex) {
			return link.strip();
		}
	}

	private static String content(List<SyndContent> contents) {
		if (contents == null || contents.isEmpty()) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		for (SyndContent content : contents) {
			String value = text(content);
			if (value != null) {
				if (!text.isEmpty()) {
					text.append('\n');
				}
				text.append(value);
			}
		}
		return text.isEmpty() ? null : text.toString();
	}

	private static String author(SyndEntry entry) {
		String author = blankToNull(entry.getAuthor());
		if (author == null && entry.getAuthors() != null && !entry.getAuthors().isEmpty()) {
			SyndPerson person = entry.getAuthors().get(0);
			author = blankToNull(person.getName());
		}
		return author;
	}

	private static List<String> categories(SyndEntry entry) {
		List<String> categories = new ArrayList<>();
		if (entry.getCategories() != null) {
			for (SyndCategory category : entry.getCategories()) {
				addCategory(categories, category.getName());
			}
		}
		// RSS 1.0 feeds name their categories with dc:subject
		if (entry.getModule(DCModule.URI) instanceof DCModule dublinCore && dublinCore.getSubjects() != null) {
			for (DCSubject subject : dublinCore.getSubjects()) {
				addCategory(categories, subject.getValue());
			}
		}
		return List.copyOf(categories);
	}

	private static void addCategory(List<String> categories, String name) {
		if (name != null && !name.isBlank() && !categories.contains(name.strip())) {
			categories.add(name.strip());
		}
	}

	private static String text(SyndContent content) {
		return (content != null) ? blankToNull(content.getValue()) : null;
	}

	private static java.time.Instant instant(Date date) {
		return (date != null) ? date.toInstant() : null;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

	private enum ByteOrderMark {

		UTF_8(StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF), UTF_16BE(StandardCharsets.UTF_16BE, 0xFE, 0xFF),
		UTF_16LE(StandardCharsets.UTF_16LE, 0xFF, 0xFE);

		private final Charset charset;

		private final byte[] bytes;

		ByteOrderMark(Charset charset, int... bytes) {
			this.charset = charset;
			this.bytes = new byte[bytes.length];
			for (int i = 0; i < bytes.length; i++) {
				this.bytes[i] = (byte) bytes[i];
			}
		}

		boolean starts(byte[] body) {
			return body.length >= this.bytes.length
					&& Arrays.equals(body, 0, this.bytes.length, this.bytes, 0, this.bytes.length);
		}

	}

}

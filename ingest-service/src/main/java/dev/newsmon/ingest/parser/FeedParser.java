package dev.newsmon.ingest.parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

/**
 * Reads RSS 0.9x, 1.0 and 2.0 and Atom documents with Rome. A document with a DOCTYPE is
 * refused, which turns off external entities and entity expansion (XXE, "billion
 * laughs"); feeds in the wild do not need a DOCTYPE.
 */
public final class FeedParser {

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
		try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
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
		return new ParsedFeed(feed.getTitle(), blankToNull(feed.getLanguage()), items, ttl(feed));
	}

	/** The RSS 2.0 {@code <ttl>}, in minutes; absent or not positive means none. */
	private static Duration ttl(SyndFeed feed) {
		if (feed.originalWireFeed() instanceof Channel channel && channel.getTtl() > 0) {
			return Duration.ofMinutes(channel.getTtl());
		}
		return null;
	}

	private static ParsedItem item(SyndEntry entry, URI feedUrl) {
		return new ParsedItem(entry.getTitle(), link(entry, feedUrl), text(entry.getDescription()),
				content(entry.getContents()), author(entry), categories(entry), instant(entry.getPublishedDate()),
				instant(entry.getUpdatedDate()));
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

}

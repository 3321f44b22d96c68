package dev.newsmon.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Reads and writes OPML 2.0 subscription lists (https://opml.org/spec2.opml): every
 * {@code <outline>} with an {@code xmlUrl} is a feed, at any depth (folders are outlines
 * too). A document with a DOCTYPE is refused, as feeds are, so that no entity is expanded
 * and nothing external is read. A feed's full-text switch has no OPML attribute and is
 * neither written nor read.
 */
final class Opml {

	private Opml() {
	}

	/**
	 * Reads the feeds of an OPML document.
	 * @param body the document
	 * @param maxOutlines the most feed outlines read
	 * @return the feeds, as listed
	 * @throws InvalidOpmlException if the document is not OPML that can be read
	 */
	static List<Outline> read(byte[] body, int maxOutlines) {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		List<Outline> outlines = new ArrayList<>();
		boolean opml = false;
		try {
			XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
			try {
				while (reader.hasNext()) {
					int event = reader.next();
					if (event == XMLStreamConstants.DTD) {
						throw new InvalidOpmlException("a DOCTYPE is not allowed in OPML");
					}
					if (event == XMLStreamConstants.ENTITY_REFERENCE) {
						throw new InvalidOpmlException("entity references are not allowed in OPML");
					}
					if (event != XMLStreamConstants.START_ELEMENT) {
						continue;
					}
					String name = reader.getLocalName();
					if (!opml) {
						if (!name.equals("opml")) {
							throw new InvalidOpmlException("the root element is <" + name + ">, not <opml>");
						}
						opml = true;
					}
					else if (name.equals("outline")) {
						String url = attribute(reader, "xmlUrl");
						if (url != null) {
							if (outlines.size() >= maxOutlines) {
								throw new InvalidOpmlException("more than " + maxOutlines + " feeds");
							}
							String title = attribute(reader, "title");
							outlines.add(new Outline(url, (title != null) ? title : attribute(reader, "text"),
									attribute(reader, "language")));
						}
					}
				}
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			throw new InvalidOpmlException("not well-formed XML: " + ex.getMessage());
		}
		if (!opml) {
			throw new InvalidOpmlException("the document is empty");
		}
		return outlines;
	}

	private static String attribute(XMLStreamReader reader, String name) {
		String value = reader.getAttributeValue(null, name);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * Writes feeds as an OPML 2.0 document.
	 * @param title the document's title
	 * @param feeds the feeds
	 * @return the document
	 */
	static String write(String title, List<Feed> feeds) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			writer.writeStartDocument("UTF-8", "1.0");
			writer.writeCharacters("\n");
			writer.writeStartElement("opml");
			writer.writeAttribute("version", "2.0");
			writer.writeCharacters("\n  ");
			writer.writeStartElement("head");
			writer.writeStartElement("title");
			writer.writeCharacters(title);
			writer.writeEndElement();
			writer.writeEndElement();
			writer.writeCharacters("\n  ");
			writer.writeStartElement("body");
			for (Feed feed : feeds) {
				writer.writeCharacters("\n    ");
				writer.writeEmptyElement("outline");
				writer.writeAttribute("type", "rss");
				writer.writeAttribute("text", feed.name());
				writer.writeAttribute("title", feed.name());
				writer.writeAttribute("xmlUrl", feed.url());
				if (feed.language() != null) {
					writer.writeAttribute("language", feed.language());
				}
			}
			writer.writeCharacters("\n  ");
			writer.writeEndElement();
			writer.writeCharacters("\n");
			writer.writeEndElement();
			writer.writeCharacters("\n");
			writer.writeEndDocument();
			writer.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("cannot write OPML", ex);
		}
		return out.toString();
	}

	/**
	 * A feed listed in an OPML document.
	 *
	 * @param url its {@code xmlUrl}
	 * @param title its {@code title}, else its {@code text}, or {@code null}
	 * @param language its {@code language}, or {@code null}
	 */
	record Outline(String url, String title, String language) {

	}

	/**
	 * An OPML document cannot be read.
	 */
	static class InvalidOpmlException extends RuntimeException {

		InvalidOpmlException(String message) {
			super(message);
		}

	}

}

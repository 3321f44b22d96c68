package dev.newsmon.search.alert;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/**
 * Writes the Atom 1.0 feed (RFC 4287) of a subscription from its delivery log, with Rome.
 */
final class AtomFeed {

	private AtomFeed() {
	}

	/**
	 * Writes the feed.
	 * @param subscription the subscription
	 * @param deliveries its latest deliveries, newest first
	 * @param self the absolute URL of the feed
	 * @return the feed document
	 */
	static String write(Subscription subscription, List<Delivery> deliveries, String self) {
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType("atom_1.0");
		feed.setUri("urn:newsmon:subscription:" + subscription.id());
		feed.setTitle("newsmon: " + subscription.name());
		feed.setDescription(describe(subscription));
		SyndLink link = new SyndLinkImpl();
		link.setRel("self");
		link.setType("application/atom+xml");
		link.setHref(self);
		feed.setLinks(List.of(link));
		feed.setAuthor("newsmon");
		Date updated = Date.from(deliveries.isEmpty() ? subscription.createdAt() : deliveries.get(0).matchedAt());
		feed.setPublishedDate(updated);
		List<SyndEntry> entries = new ArrayList<>();
		for (Delivery delivery : deliveries) {
			Alert.AlertArticle article = delivery.article();
			SyndEntry entry = new SyndEntryImpl();
			entry.setUri("urn:newsmon:delivery:" + delivery.deliveryId());
			entry.setTitle((article != null && article.title() != null) ? article.title() : delivery.articleId());
			if (article != null && article.url() != null) {
				entry.setLink(article.url());
			}
			if (article != null && article.source() != null) {
				entry.setAuthor(article.source());
			}
			SyndContent summary = new SyndContentImpl();
			summary.setType("text");
			summary.setValue(summary(delivery));
			entry.setDescription(summary);
			Date published = Date.from(
					(article != null && article.publishedAt() != null) ? article.publishedAt() : delivery.matchedAt());
			entry.setPublishedDate(published);
			entry.setUpdatedDate(Date.from(delivery.matchedAt()));
			entries.add(entry);
		}
		feed.setEntries(entries);
		try {
			return new SyndFeedOutput().outputString(feed);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("The feed of subscription " + subscription.id() + " cannot be written", ex);
		}
	}

	private static String summary(Delivery delivery) {
		StringBuilder text = new StringBuilder();
		if (delivery.trend() != null) {
			Alert.TrendReport trend = delivery.trend();
			text.append(trend.lastHour())
				.append(" matches in the last hour, against a baseline of ")
				.append(String.format(java.util.Locale.ROOT, "%.2f", trend.baselinePerHour()))
				.append(" per hour. ");
		}
		if (delivery.article() != null && delivery.article().summary() != null) {
			text.append(delivery.article().summary());
		}
		return text.toString().strip();
	}

	private static String describe(Subscription subscription) {
		List<String> parts = new ArrayList<>();
		if (subscription.query() != null) {
			parts.add("query: " + subscription.query());
		}
		if (!subscription.topics().isEmpty()) {
			parts.add("topics: " + String.join(", ", subscription.topics()));
		}
		if (!subscription.languages().isEmpty()) {
			parts.add("languages: " + String.join(", ", subscription.languages()));
		}
		if (!subscription.sources().isEmpty()) {
			parts.add("sources: " + String.join(", ", subscription.sources()));
		}
		return String.join("; ", parts);
	}

}

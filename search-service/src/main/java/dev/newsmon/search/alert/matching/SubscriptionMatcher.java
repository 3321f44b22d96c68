package dev.newsmon.search.alert.matching;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.newsmon.search.alert.Subscription;
import dev.newsmon.search.cjk.CjkTokenizer;
import dev.newsmon.search.indexing.ArticleDocument;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.Query;

/**
 * Matches articles against every subscription. The query of a subscription is registered
 * in a Lucene {@link Monitor} as {@link SubscriptionQuery} translates it, and an article
 * is indexed into the Monitor with the text fields of its Elasticsearch document, so a
 * query matches an article exactly when {@code /api/search} finds it. Topics, languages
 * and sources are then checked on the article itself; a subscription with filters only is
 * checked that way alone.
 */
public final class SubscriptionMatcher implements Closeable {

	private final SubscriptionQuery queries;

	private final Monitor monitor;

	private final Map<String, Subscription> byId = new ConcurrentHashMap<>();

	private final Map<String, Subscription> filtersOnly = new ConcurrentHashMap<>();

	/**
	 * Creates an empty matcher.
	 * @param tokenizer the tokenizer that segmented the articles' CJK text
	 */
	public SubscriptionMatcher(CjkTokenizer tokenizer) {
		this.queries = new SubscriptionQuery(tokenizer);
		try {
			this.monitor = new Monitor(this.queries.documentAnalyzer());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Adds subscriptions or replaces those with the same ids.
	 * @param subscriptions the subscriptions
	 */
	public void putAll(Collection<Subscription> subscriptions) {
		List<MonitorQuery> registered = new ArrayList<>();
		List<String> dropped = new ArrayList<>();
		for (Subscription subscription : subscriptions) {
			Subscription previous = this.byId.put(subscription.id(), subscription);
			if (subscription.query() != null) {
				this.filtersOnly.remove(subscription.id());
				Query query = this.queries.toLucene(subscription.query());
				registered.add(new MonitorQuery(subscription.id(), query, subscription.query(), Map.of()));
			}
			else {
				this.filtersOnly.put(subscription.id(), subscription);
				if (previous != null && previous.query() != null) {
					dropped.add(subscription.id());
				}
			}
		}
		try {
			if (!dropped.isEmpty()) {
				this.monitor.deleteById(dropped);
			}
			if (!registered.isEmpty()) {
				this.monitor.register(registered);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Removes subscriptions.
	 * @param ids their ids
	 */
	public void removeAll(Collection<String> ids) {
		List<String> registered = new ArrayList<>();
		for (String id : ids) {
			Subscription removed = this.byId.remove(id);
			this.filtersOnly.remove(id);
			if (removed != null && removed.query() != null) {
				registered.add(id);
			}
		}
		if (!registered.isEmpty()) {
			try {
				this.monitor.deleteById(registered);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/**
	 * The number of subscriptions.
	 * @return the count
	 */
	public int size() {
		return this.byId.size();
	}

	/**
	 * Matches a batch of articles.
	 * @param articles the articles as indexed
	 * @return every (subscription, article) pair that matches, by article in order
	 */
	public List<Match> match(List<ArticleDocument> articles) {
		if (articles.isEmpty() || this.byId.isEmpty()) {
			return List.of();
		}
		Document[] documents = articles.stream().map(SubscriptionMatcher::document).toArray(Document[]::new);
		MultiMatchingQueries<QueryMatch> matches;
		try {
			matches = this.monitor.match(documents, QueryMatch.SIMPLE_MATCHER);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Match> result = new ArrayList<>();
		for (int i = 0; i < articles.size(); i++) {
			ArticleDocument article = articles.get(i);
			for (QueryMatch match : matches.getMatches(i)) {
				Subscription subscription = this.byId.get(match.getQueryId());
				if (subscription != null && subscription.query() != null && passesFilters(subscription, article)) {
					result.add(new Match(subscription, article));
				}
			}
			for (Subscription subscription : this.filtersOnly.values()) {
				if (passesFilters(subscription, article)) {
					result.add(new Match(subscription, article));
				}
			}
		}
		return result;
	}

	/**
	 * Whether an article passes a subscription's filters, as the search filters decide:
	 * any of the topics, one of the languages, one of the sources.
	 * @param subscription the subscription
	 * @param article the article
	 * @return whether it passes
	 */
	static boolean passesFilters(Subscription subscription, ArticleDocument article) {
		if (!subscription.languages().isEmpty() && !subscription.languages().contains(article.language())) {
			return false;
		}
		if (!subscription.sources().isEmpty() && !subscription.sources().contains(article.source())) {
			return false;
		}
		if (!subscription.topics().isEmpty()) {
			if (article.topics() == null) {
				return false;
			}
			for (ArticleDocument.Topic topic : article.topics()) {
				if (subscription.topics().contains(topic.id())) {
					return true;
				}
			}
			return false;
		}
		return true;
	}

	static Document document(ArticleDocument article) {
		Document document = new Document();
		add(document, "title", article.title());
		add(document, "summary", article.summary());
		add(document, "body", article.body());
		add(document, SubscriptionQuery.CJK_FIELD, article.textCjk());
		return document;
	}

	private static void add(Document document, String field, String text) {
		if (text != null && !text.isEmpty()) {
			document.add(new TextField(field, text, Field.Store.NO));
		}
	}

	@Override
	public void close() throws IOException {
		this.monitor.close();
	}

	/**
	 * A subscription and an article it matches.
	 *
	 * @param subscription the subscription
	 * @param article the article
	 */
	public record Match(Subscription subscription, ArticleDocument article) {

	}

}

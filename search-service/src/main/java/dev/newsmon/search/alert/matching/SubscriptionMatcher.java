package dev.newsmon.search.alert.matching;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.newsmon.search.alert.Subscription;
import dev.newsmon.search.cjk.CjkTokenizer;
import dev.newsmon.search.indexing.ArticleDocument;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.Query;

/**
 * Matches articles against every subscription. The query of a subscription is what
 * {@link SubscriptionQuery} translates it to, the Lucene query that {@code /api/search}
 * runs, and an article is analysed as Elasticsearch indexes the text fields of its
 * document, so a query matches an article exactly when {@code /api/search} finds it.
 * <p>
 * Queries made of terms, exact phrases and boolean clauses (all that the simple syntax
 * produces) are reduced to a {@link Condition} and evaluated on the analysed article
 * directly; only a subscription that has one of the article's anchor terms (a term that
 * every match contains, the rarest-looking one of a conjunction) is evaluated at all.
 * Anything else is registered in a Lucene {@link Monitor}. Topics, languages and sources
 * are checked on the article itself, before the query; a subscription with filters only
 * is checked that way alone.
 */
public final class SubscriptionMatcher implements Closeable {

	private final SubscriptionQuery queries;

	private final Analyzer analyzer;

	private final Monitor monitor;

	private final Map<String, Subscription> byId = new ConcurrentHashMap<>();

	private final Map<String, Subscription> filtersOnly = new ConcurrentHashMap<>();

	/** Subscriptions whose query is a {@link Condition}, by id. */
	private final Map<String, Reduced> reduced = new ConcurrentHashMap<>();

	/** Those of them by anchor: field, then term. */
	private final Map<String, Map<String, Set<Reduced>>> byAnchor = new ConcurrentHashMap<>();

	/** Those of them without anchors, evaluated for every article. */
	private final Map<String, Reduced> unanchored = new ConcurrentHashMap<>();

	/** Subscriptions registered in the Monitor. */
	private final Set<String> monitored = ConcurrentHashMap.newKeySet();

	/**
	 * Creates an empty matcher.
	 * @param tokenizer the tokenizer that segmented the articles' CJK text
	 */
	public SubscriptionMatcher(CjkTokenizer tokenizer) {
		this.queries = new SubscriptionQuery(tokenizer);
		this.analyzer = this.queries.documentAnalyzer();
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
	public synchronized void putAll(Collection<Subscription> subscriptions) {
		List<MonitorQuery> registered = new ArrayList<>();
		List<String> dropped = new ArrayList<>();
		for (Subscription subscription : subscriptions) {
			String id = subscription.id();
			this.byId.put(id, subscription);
			unreduce(id);
			if (this.monitored.remove(id)) {
				dropped.add(id);
			}
			if (subscription.query() != null) {
				this.filtersOnly.remove(id);
				Query query = this.queries.toLucene(subscription.query());
				Condition condition = Condition.of(query);
				if (condition != null) {
					reduce(new Reduced(subscription, condition));
				}
				else {
					this.monitored.add(id);
					registered.add(new MonitorQuery(id, query, subscription.query(), Map.of()));
				}
			}
			else {
				this.filtersOnly.put(id, subscription);
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
	public synchronized void removeAll(Collection<String> ids) {
		List<String> registered = new ArrayList<>();
		for (String id : ids) {
			this.byId.remove(id);
			this.filtersOnly.remove(id);
			unreduce(id);
			if (this.monitored.remove(id)) {
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

	private void reduce(Reduced entry) {
		this.reduced.put(entry.subscription.id(), entry);
		if (entry.anchors == null) {
			this.unanchored.put(entry.subscription.id(), entry);
			return;
		}
		for (Condition.FieldTerm anchor : entry.anchors) {
			this.byAnchor.computeIfAbsent(anchor.field(), (field) -> new ConcurrentHashMap<>())
				.computeIfAbsent(anchor.term(), (term) -> ConcurrentHashMap.newKeySet())
				.add(entry);
		}
	}

	private void unreduce(String id) {
		Reduced entry = this.reduced.remove(id);
		if (entry == null) {
			return;
		}
		this.unanchored.remove(id);
		if (entry.anchors != null) {
			for (Condition.FieldTerm anchor : entry.anchors) {
				Map<String, Set<Reduced>> terms = this.byAnchor.get(anchor.field());
				Set<Reduced> entries = (terms != null) ? terms.get(anchor.term()) : null;
				if (entries != null) {
					entries.remove(entry);
					if (entries.isEmpty()) {
						terms.remove(anchor.term(), entries);
					}
				}
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
		MultiMatchingQueries<QueryMatch> monitorMatches = null;
		if (!this.monitored.isEmpty()) {
			Document[] documents = articles.stream().map(SubscriptionMatcher::document).toArray(Document[]::new);
			try {
				monitorMatches = this.monitor.match(documents, QueryMatch.SIMPLE_MATCHER);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		List<Match> result = new ArrayList<>();
		for (int i = 0; i < articles.size(); i++) {
			ArticleDocument article = articles.get(i);
			matchReduced(article, result);
			if (monitorMatches != null) {
				for (QueryMatch match : monitorMatches.getMatches(i)) {
					Subscription subscription = this.byId.get(match.getQueryId());
					if (subscription != null && subscription.query() != null && passesFilters(subscription, article)) {
						result.add(new Match(subscription, article));
					}
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

	private void matchReduced(ArticleDocument article, List<Match> result) {
		if (this.reduced.isEmpty()) {
			return;
		}
		ArticleTerms terms = ArticleTerms.analyse(this.analyzer, texts(article));
		Set<Reduced> seen = new HashSet<>();
		for (Map.Entry<String, Map<String, ArticleTerms.Positions>> field : terms.fields().entrySet()) {
			Map<String, Set<Reduced>> anchored = this.byAnchor.get(field.getKey());
			if (anchored == null) {
				continue;
			}
			for (String term : field.getValue().keySet()) {
				Set<Reduced> entries = anchored.get(term);
				if (entries != null) {
					for (Reduced entry : entries) {
						if (seen.add(entry)) {
							evaluate(entry, article, terms, result);
						}
					}
				}
			}
		}
		for (Reduced entry : this.unanchored.values()) {
			evaluate(entry, article, terms, result);
		}
	}

	private void evaluate(Reduced entry, ArticleDocument article, ArticleTerms terms, List<Match> result) {
		if (passesFilters(entry.subscription, article) && entry.condition.matches(terms)
				&& this.reduced.get(entry.subscription.id()) == entry) {
			result.add(new Match(entry.subscription, article));
		}
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

	private static Map<String, String> texts(ArticleDocument article) {
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put("title", article.title());
		texts.put("summary", article.summary());
		texts.put("body", article.body());
		texts.put(SubscriptionQuery.CJK_FIELD, article.textCjk());
		return texts;
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

	/** A subscription whose query is a {@link Condition}, with its anchors. */
	private static final class Reduced {

		private final Subscription subscription;

		private final Condition condition;

		private final Set<Condition.FieldTerm> anchors;

		Reduced(Subscription subscription, Condition condition) {
			this.subscription = subscription;
			this.condition = condition;
			this.anchors = condition.anchors();
		}

	}

}

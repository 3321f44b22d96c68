package dev.newsmon.events;

/**
 * The Kafka topics of newsmon. A topic name carries its contract version; a consumer that
 * cannot read a record sends it to the topic's dead-letter topic ({@code <topic>-dlt}).
 */
public final class Topics {

	/** {@link ArticleFetched} records, keyed by article id. */
	public static final String ARTICLES_FETCHED = "news.articles.fetched.v1";

	/** {@link ArticleAnalyzed} records, keyed by article id. */
	public static final String ARTICLES_ANALYZED = "news.articles.analyzed.v1";

	/** The feed registry and each feed's fetch state; log-compacted, keyed by feed id. */
	public static final String FEEDS = "news.feeds.v1";

	/** Alert subscriptions; log-compacted, keyed by subscription id. */
	public static final String SUBSCRIPTIONS = "news.subscriptions.v1";

	/** Topic rules changed at run time; log-compacted, keyed by topic id. */
	public static final String RULES = "news.rules.v1";

	/** The suffix of a topic's dead-letter topic. */
	public static final String DEAD_LETTER_SUFFIX = "-dlt";

	private Topics() {
	}

}

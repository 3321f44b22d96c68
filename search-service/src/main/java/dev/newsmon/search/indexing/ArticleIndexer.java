package dev.newsmon.search.indexing;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.search.cjk.CjkTokenizer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * Writes analysed articles to Elasticsearch in one bulk request per batch. Each
 * document's {@code _id} is its article id and its external version the analysis time, so
 * a replay never duplicates and an older analysis never replaces a newer one.
 */
@Component
public class ArticleIndexer {

	private static final Log logger = LogFactory.getLog(ArticleIndexer.class);

	private final ElasticsearchClient client;

	private final IndexProperties properties;

	private final ArticleDocuments documents;

	private final Clock clock;

	private final IndexingHealth health;

	ArticleIndexer(ElasticsearchClient client, IndexProperties properties, CjkTokenizer tokenizer, Clock clock,
			IndexingHealth health) {
		this.client = client;
		this.properties = properties;
		this.documents = new ArticleDocuments(tokenizer);
		this.clock = clock;
		this.health = health;
	}

	/**
	 * Indexes the articles and returns those that can never be indexed. Returns only once
	 * Elasticsearch has acknowledged every other article.
	 * @param articles the articles, in the order they were consumed
	 * @return the articles that are malformed, by position in {@code articles}
	 * @throws IndexingFailedException when Elasticsearch could not take some articles
	 * now; the whole batch may be retried, as writes are idempotent
	 */
	public List<Rejection> index(List<ArticleAnalyzed> articles) {
		return indexInto(this.properties.alias(), articles);
	}

	/**
	 * Indexes the articles into the given index or alias, as {@link #index(List)} does.
	 * @param index the index or alias to write to
	 * @param articles the articles, in the order they were consumed
	 * @return the articles that are malformed, by position in {@code articles}
	 * @throws IndexingFailedException when Elasticsearch could not take some articles now
	 */
	public List<Rejection> indexInto(String index, List<ArticleAnalyzed> articles) {
		return indexBatch(index, articles).rejections();
	}

	/**
	 * Indexes the articles, as {@link #index(List)} does, and also returns the documents
	 * that Elasticsearch stored, for alert matching.
	 * @param articles the articles, in the order they were consumed
	 * @return the rejected articles and the stored documents
	 * @throws IndexingFailedException when Elasticsearch could not take some articles now
	 */
	public Batch indexBatch(List<ArticleAnalyzed> articles) {
		return indexBatch(this.properties.alias(), articles);
	}

	/**
	 * Indexes the articles into the given index or alias, as {@link #indexBatch(List)}
	 * does.
	 * @param index the index or alias to write to
	 * @param articles the articles, in the order they were consumed
	 * @return the rejected articles and the stored documents
	 * @throws IndexingFailedException when Elasticsearch could not take some articles now
	 */
	public Batch indexBatch(String index, List<ArticleAnalyzed> articles) {
		List<Rejection> rejections = new ArrayList<>();
		List<ArticleDocument> documents = new ArrayList<>();
		List<ArticleDocument> stored = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		BulkRequest.Builder bulk = new BulkRequest.Builder().index(index)
			// the index refreshes every second on its own; waiting for it would slow
			// writes
			.refresh(Refresh.False);
		Instant now = this.clock.instant();
		for (int i = 0; i < articles.size(); i++) {
			ArticleAnalyzed analyzed = articles.get(i);
			ArticleDocument document;
			try {
				document = this.documents.toDocument(analyzed, now);
			}
			catch (IllegalArgumentException ex) {
				rejections.add(new Rejection(i, ex.getMessage()));
				continue;
			}
			positions.add(i);
			documents.add(document);
			bulk.operations((operation) -> operation.index((write) -> write.id(document.articleId())
				.version(ArticleDocuments.version(analyzed))
				.versionType(VersionType.ExternalGte)
				.document(document)));
		}
		if (positions.isEmpty()) {
			return new Batch(rejections, stored);
		}
		BulkResponse response = send(bulk.build());
		int retries = 0;
		List<BulkResponseItem> items = response.items();
		for (int i = 0; i < items.size(); i++) {
			BulkResponseItem item = items.get(i);
			String errorType = (item.error() != null) ? item.error().type() : null;
			switch (BulkItemOutcome.of(item.status(), errorType)) {
				case INDEXED -> stored.add(documents.get(i));
				case STALE -> {
					// a newer analysis is stored already
				}
				case MALFORMED -> rejections.add(new Rejection(positions.get(i), "Elasticsearch rejected the document ("
						+ item.status() + " " + errorType + "): " + item.error().reason()));
				case RETRY -> {
					retries++;
					if (retries == 1) {
						logger.warn("Elasticsearch could not index " + item.id() + " now (" + item.status() + " "
								+ errorType + ")");
					}
				}
			}
		}
		if (retries > 0) {
			String reason = retries + " of " + items.size()
					+ " articles could not be indexed now; the batch will be retried";
			this.health.failed(reason);
			throw new IndexingFailedException(reason, null);
		}
		this.health.succeeded();
		rejections.sort((a, b) -> Integer.compare(a.position(), b.position()));
		return new Batch(rejections, stored);
	}

	private BulkResponse send(BulkRequest request) {
		try {
			return this.client.bulk(request);
		}
		catch (IOException | ElasticsearchException ex) {
			String reason = "Elasticsearch did not take the bulk request: " + ex.getMessage();
			this.health.failed(reason);
			throw new IndexingFailedException(reason, ex);
		}
	}

	/**
	 * What became of a batch.
	 *
	 * @param rejections the articles that are malformed, by position in the batch
	 * @param stored the documents Elasticsearch stored, in batch order
	 */
	public record Batch(List<Rejection> rejections, List<ArticleDocument> stored) {

	}

	/**
	 * An article that can never be indexed as it is.
	 *
	 * @param position its position in the batch
	 * @param reason why, for the dead-letter headers
	 */
	public record Rejection(int position, String reason) {

	}

}

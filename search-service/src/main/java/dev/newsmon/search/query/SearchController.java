package dev.newsmon.search.query;

import java.time.Instant;
import java.util.List;

import dev.newsmon.search.indexing.ArticleDocument;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search}, {@code GET /api/articles/{id}} (and {@code /similar}) and
 * {@code GET /api/stories/{clusterId}}. Parameters are taken as text and checked by
 * {@link SearchCriteria}, so every mistake is answered with a problem that names the
 * parameter.
 */
@RestController
class SearchController {

	private static final Log logger = LogFactory.getLog(SearchController.class);

	private static final int SIMILAR_DEFAULT_SIZE = 10;

	private static final int SIMILAR_MAX_SIZE = 50;

	private final ArticleSearch search;

	SearchController(ArticleSearch search) {
		this.search = search;
	}

	@GetMapping("/api/search")
	SearchResult search(@RequestParam(required = false) String q,
			@RequestParam(name = "topic", required = false) List<String> topics,
			@RequestParam(required = false) String lang, @RequestParam(required = false) String source,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String size,
			@RequestParam(required = false) String cursor) {
		SearchCriteria criteria = SearchCriteria.parse(q, topics, lang, source, from, to, sort, size, cursor,
				this.search.topicIds());
		return this.search.search(criteria);
	}

	@GetMapping("/api/articles/{id}")
	ArticleView article(@PathVariable String id) {
		return this.search.article(id).map(ArticleView::of).orElseThrow(() -> {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"No article has the id " + id);
			problem.setTitle("Article not found");
			return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
		});
	}

	@GetMapping("/api/articles/{id}/similar")
	SimilarArticles similar(@PathVariable String id, @RequestParam(required = false) String size) {
		int count = SearchCriteria.parseSize(size, SIMILAR_DEFAULT_SIZE, SIMILAR_MAX_SIZE);
		return this.search.similar(id, count)
			.orElseThrow(() -> notFound("Article not found", "No article has the id " + id));
	}

	@GetMapping("/api/stories/{clusterId}")
	Story story(@PathVariable String clusterId) {
		if (clusterId.length() > 256) {
			throw new InvalidParameterException("clusterId", "is longer than 256 characters");
		}
		return this.search.story(clusterId)
			.orElseThrow(() -> notFound("Story not found", "No article belongs to the story " + clusterId));
	}

	private static ErrorResponseException notFound(String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
		problem.setTitle(title);
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

	@ExceptionHandler
	ProblemDetail searchUnavailable(SearchUnavailableException ex) {
		logger.warn("Search failed", ex.getCause());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"Search is unavailable for a moment; try again shortly");
		problem.setTitle("Search unavailable");
		return problem;
	}

	/**
	 * A stored article, without the index's internal fields.
	 */
	record ArticleView(String id, String url, String feedId, String source, String title, String summary, String body,
			String author, List<String> categories, String language, List<ArticleDocument.Topic> topics,
			List<ArticleDocument.Entity> entities, String clusterId, long simhash, Instant publishedAt,
			Instant fetchedAt, Instant analyzedAt, Instant indexedAt) {

		static ArticleView of(ArticleDocument document) {
			return new ArticleView(document.articleId(), document.url(), document.feedId(), document.source(),
					document.title(), document.summary(), document.body(), document.author(), document.categories(),
					document.language(), document.topics(), document.entities(), document.clusterId(),
					document.simhash(), document.publishedAt(), document.fetchedAt(), document.analyzedAt(),
					document.indexedAt());
		}

	}

}

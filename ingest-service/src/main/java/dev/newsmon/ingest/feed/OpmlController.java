package dev.newsmon.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Imports feeds from an OPML subscription list and exports the registry as one, so that
 * users move their feeds between newsmon and other readers.
 */
@RestController
@RequestMapping("/api/feeds")
class OpmlController {

	private static final MediaType OPML = MediaType.parseMediaType("text/x-opml;charset=UTF-8");

	private final FeedRegistry registry;

	private final Validator validator;

	private final FeedsProperties properties;

	OpmlController(FeedRegistry registry, Validator validator, FeedsProperties properties) {
		this.registry = registry;
		this.validator = validator;
		this.properties = properties;
	}

	@PostMapping("/import")
	ImportResult importOpml(HttpServletRequest request) throws IOException {
		List<Opml.Outline> outlines = Opml.read(body(request), this.properties.maxImportFeeds());
		List<ImportedFeed> feeds = new ArrayList<>(outlines.size());
		for (Opml.Outline outline : outlines) {
			feeds.add(register(outline));
		}
		return ImportResult.of(feeds);
	}

	private ImportedFeed register(Opml.Outline outline) {
		NewFeed feed = new NewFeed(outline.url(), outline.title(), outline.language(), null, null);
		Set<ConstraintViolation<NewFeed>> violations = this.validator.validate(feed);
		if (!violations.isEmpty()) {
			String reason = violations.stream()
				.sorted(Comparator.comparing((violation) -> violation.getPropertyPath().toString()))
				.map((violation) -> violation.getPropertyPath() + ": " + violation.getMessage())
				.collect(Collectors.joining("; "));
			return new ImportedFeed(outline.url(), "invalid", null, reason);
		}
		try {
			FeedRegistry.Registration registration = this.registry.register(feed, true);
			return new ImportedFeed(outline.url(), registration.created() ? "added" : "existing",
					registration.state().feed().id(), null);
		}
		catch (InvalidFeedException ex) {
			return new ImportedFeed(outline.url(), "invalid", null, ex.getField() + ": " + ex.getMessage());
		}
	}

	/** Reads the body up to the limit, refusing a larger one without reading it all. */
	private byte[] body(HttpServletRequest request) throws IOException {
		long limit = this.properties.maxImportSize().toBytes();
		if (request.getContentLengthLong() > limit) {
			throw tooLarge(limit);
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes((int) limit + 1);
			if (body.length > limit) {
				throw tooLarge(limit);
			}
			return body;
		}
	}

	private static ErrorResponseException tooLarge(long limit) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"an OPML document may have at most " + limit + " bytes");
		problem.setTitle("OPML document too large");
		return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
	}

	@GetMapping("/export")
	ResponseEntity<String> exportOpml() {
		List<Feed> feeds = this.registry.feeds().stream().map(FeedState::feed).toList();
		return ResponseEntity.ok()
			.contentType(OPML)
			.header("Content-Disposition", "attachment; filename=\"newsmon-feeds.opml\"")
			.body(Opml.write("newsmon feeds", feeds));
	}

	@ExceptionHandler
	ProblemDetail invalidOpml(Opml.InvalidOpmlException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid OPML");
		return problem;
	}

	/**
	 * What an import did.
	 *
	 * @param added how many feeds were added
	 * @param existing how many were registered already
	 * @param invalid how many could not be registered
	 * @param feeds each feed of the document, with what happened to it
	 */
	record ImportResult(int added, int existing, int invalid, List<ImportedFeed> feeds) {

		static ImportResult of(List<ImportedFeed> feeds) {
			return new ImportResult(count(feeds, "added"), count(feeds, "existing"), count(feeds, "invalid"), feeds);
		}

		private static int count(List<ImportedFeed> feeds, String status) {
			return (int) feeds.stream().filter((feed) -> feed.status().equals(status)).count();
		}

	}

	/**
	 * One feed of an imported document.
	 *
	 * @param url its URL as listed
	 * @param status {@code added}, {@code existing} or {@code invalid}
	 * @param id its feed id, unless invalid
	 * @param reason why it is invalid, or {@code null}
	 */
	record ImportedFeed(String url, String status, String id, String reason) {

	}

}

package dev.newsmon.ingest.feed;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The feed registry's API: list, add, show and remove feeds, each with its health.
 */
@RestController
@RequestMapping("/api/feeds")
class FeedController {

	private final FeedRegistry registry;

	FeedController(FeedRegistry registry) {
		this.registry = registry;
	}

	@GetMapping
	List<FeedResponse> feeds() {
		return this.registry.feeds().stream().map(FeedResponse::of).toList();
	}

	@GetMapping("/{id}")
	FeedResponse feed(@PathVariable String id) {
		return this.registry.feed(id).map(FeedResponse::of).orElseThrow(() -> notFound(id));
	}

	@PostMapping
	ResponseEntity<FeedResponse> register(@Valid @RequestBody NewFeed request) {
		FeedRegistry.Registration registration = this.registry.register(request, true);
		FeedResponse body = FeedResponse.of(registration.state());
		if (registration.created()) {
			return ResponseEntity.created(URI.create("/api/feeds/" + body.id())).body(body);
		}
		return ResponseEntity.ok(body);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		if (!this.registry.remove(id)) {
			throw notFound(id);
		}
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler
	ProblemDetail invalidFeed(InvalidFeedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.getField() + ": " + ex.getMessage());
		problem.setTitle("Invalid feed");
		problem.setProperty("field", ex.getField());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidRequest(MethodArgumentNotValidException ex) {
		String detail = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + ": " + error.getDefaultMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid feed");
		FieldError first = ex.getBindingResult().getFieldError();
		if (first != null) {
			problem.setProperty("field", first.getField());
		}
		return problem;
	}

	private static ErrorResponseException notFound(String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no feed with id '" + id + "'");
		problem.setTitle("Feed not found");
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

}

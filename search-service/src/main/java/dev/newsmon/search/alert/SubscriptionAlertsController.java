package dev.newsmon.search.alert;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What a subscription's alerts can be read from, by whoever has its capability id: the
 * delivery log, the Atom feed and the server-sent event stream. All three work for every
 * subscription, whatever its channel.
 */
@RestController
class SubscriptionAlertsController {

	private static final Log logger = LogFactory.getLog(SubscriptionAlertsController.class);

	private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

	private static final int DEFAULT_SIZE = 20;

	private static final int MAX_SIZE = 100;

	private final Subscriptions subscriptions;

	private final DeliveryLog log;

	private final AlertStreams streams;

	private final AlertProperties properties;

	SubscriptionAlertsController(Subscriptions subscriptions, DeliveryLog log, AlertStreams streams,
			AlertProperties properties) {
		this.subscriptions = subscriptions;
		this.log = log;
		this.streams = streams;
		this.properties = properties;
	}

	@GetMapping("/api/subscriptions/{id}/deliveries")
	DeliveryView.Page deliveries(@PathVariable String id, @RequestParam(required = false) String size) {
		Subscription subscription = subscription(id);
		int count = size(size);
		return new DeliveryView.Page(this.log.recent(subscription.id(), count).stream().map(DeliveryView::of).toList());
	}

	@GetMapping(path = "/api/subscriptions/{id}/feed", produces = "application/atom+xml")
	ResponseEntity<String> feed(@PathVariable String id, HttpServletRequest request) {
		Subscription subscription = subscription(id);
		List<Delivery> deliveries = this.log.recent(subscription.id(), this.properties.feedSize());
		String self = ServletUriComponentsBuilder.fromRequestUri(request).build().toUriString();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
			.body(AtomFeed.write(subscription, deliveries, self));
	}

	@GetMapping(path = "/api/subscriptions/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable String id) {
		return this.streams.open(subscription(id).id());
	}

	private Subscription subscription(String id) {
		if (!ID.matcher(id).matches()) {
			throw notFound();
		}
		return this.subscriptions.find(id).orElseThrow(SubscriptionAlertsController::notFound);
	}

	private static int size(String size) {
		if (size == null || size.isBlank()) {
			return DEFAULT_SIZE;
		}
		try {
			int value = Integer.parseInt(size.strip());
			if (value >= 1 && value <= MAX_SIZE) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"size: must be a whole number from 1 to " + MAX_SIZE);
		problem.setTitle("Invalid parameter");
		problem.setType(URI.create("https://newsmon.dev/problems/invalid-parameter"));
		problem.setProperty("parameter", "size");
		throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	private static ErrorResponseException notFound() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No subscription has this id");
		problem.setTitle("Subscription not found");
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

	@ExceptionHandler({ UncheckedIOException.class,
			co.elastic.clients.elasticsearch._types.ElasticsearchException.class })
	ProblemDetail logUnavailable(RuntimeException ex) {
		logger.warn("The delivery log could not be read", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The delivery log is unavailable for a moment; try again shortly");
		problem.setTitle("Deliveries unavailable");
		return problem;
	}

}

package dev.newsmon.search.alert;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import dev.newsmon.search.alert.matching.SubscriptionQuery;
import dev.newsmon.search.cjk.CjkTokenizer;
import dev.newsmon.problem.UnreadableJson;
import dev.newsmon.search.query.TopicTaxonomy;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/subscriptions}: create, list and delete (with the API key), and read one by
 * its id. Ids are random 128-bit capability ids, like the secret address of a private
 * calendar: whoever has one may read that subscription, its feed, events and deliveries
 * (ADR 0012).
 */
@RestController
class SubscriptionController {

	private static final Log logger = LogFactory.getLog(SubscriptionController.class);

	private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

	private final Subscriptions subscriptions;

	private final SubscriptionLog log;

	private final SubscriptionRequests requests;

	private final ApiKey apiKey;

	private final AlertProperties properties;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final JsonMapper strictJson = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	SubscriptionController(Subscriptions subscriptions, SubscriptionLog log, CjkTokenizer tokenizer,
			AccessProperties access, AlertProperties properties, Clock clock) {
		this.subscriptions = subscriptions;
		this.log = log;
		this.apiKey = new ApiKey(access.apiKey());
		this.properties = properties;
		this.clock = clock;
		SubscriptionQuery queries = new SubscriptionQuery(tokenizer);
		this.requests = new SubscriptionRequests(TopicTaxonomy.topicIds(), queries::problem,
				new WebhookAddresses(access.allowedNetworks()), this::newSecret);
	}

	@PostMapping("/api/subscriptions")
	ResponseEntity<SubscriptionView> create(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			HttpServletRequest request) throws IOException {
		this.apiKey.check(authorization);
		SubscriptionRequest body = read(request);
		Subscription subscription = this.requests.toSubscription(body, newId(), this.clock.instant());
		this.log.write(subscription);
		if (!this.subscriptions.awaitApplied(subscription.id(), subscription, this.properties.applyTimeout())) {
			logger.warn("Subscription " + subscription.id() + " was written but not read back within "
					+ this.properties.applyTimeout());
		}
		return ResponseEntity.created(URI.create("/api/subscriptions/" + subscription.id()))
			.body(SubscriptionView.withSecret(subscription));
	}

	@GetMapping("/api/subscriptions")
	List<SubscriptionView> list(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		this.apiKey.check(authorization);
		return this.subscriptions.all()
			.stream()
			.sorted(Comparator.comparing(Subscription::createdAt).thenComparing(Subscription::id))
			.map(SubscriptionView::of)
			.toList();
	}

	@GetMapping("/api/subscriptions/{id}")
	SubscriptionView get(@PathVariable String id) {
		return SubscriptionView.of(subscription(id));
	}

	@DeleteMapping("/api/subscriptions/{id}")
	ResponseEntity<Void> delete(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@PathVariable String id) {
		this.apiKey.check(authorization);
		subscription(id);
		this.log.delete(id);
		this.subscriptions.awaitApplied(id, null, this.properties.applyTimeout());
		return ResponseEntity.noContent().build();
	}

	Subscription subscription(String id) {
		if (!ID.matcher(id).matches()) {
			throw notFound(id);
		}
		return this.subscriptions.find(id).orElseThrow(() -> notFound(id));
	}

	private SubscriptionRequest read(HttpServletRequest request) throws IOException {
		int limit = this.properties.maxBodyBytes();
		if (request.getContentLengthLong() > limit) {
			throw tooLarge(limit);
		}
		byte[] bytes;
		try (InputStream in = request.getInputStream()) {
			bytes = in.readNBytes(limit + 1);
		}
		if (bytes.length > limit) {
			throw tooLarge(limit);
		}
		if (bytes.length == 0) {
			throw new InvalidSubscriptionException("body", "a JSON object is expected");
		}
		try {
			return this.strictJson.readValue(bytes, SubscriptionRequest.class);
		}
		catch (UnrecognizedPropertyException ex) {
			throw new InvalidSubscriptionException(UnreadableJson.field(ex), "is not a field of a subscription");
		}
		catch (JacksonException ex) {
			String field = UnreadableJson.field(ex);
			throw new InvalidSubscriptionException((field != null) ? field : "body", UnreadableJson.reason(ex));
		}
	}

	private String newId() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private String newSecret() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static ErrorResponseException notFound(String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No subscription has this id");
		problem.setTitle("Subscription not found");
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

	private static ErrorResponseException tooLarge(int limit) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"A subscription has at most " + limit + " bytes");
		problem.setTitle("Body too large");
		return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
	}

	@ExceptionHandler
	ProblemDetail invalidSubscription(InvalidSubscriptionException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.field() + ": " + ex.getMessage());
		problem.setTitle("Invalid subscription");
		problem.setType(URI.create("https://newsmon.dev/problems/invalid-subscription"));
		problem.setProperty("field", ex.field());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail logUnavailable(SubscriptionLog.SubscriptionLogException ex) {
		logger.warn("Subscription write failed", ex.getCause());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"Subscriptions cannot be written for a moment; try again shortly");
		problem.setTitle("Subscriptions unavailable");
		return problem;
	}

}

package dev.newsmon.search.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Checks a {@link SubscriptionRequest} and turns it into a {@link Subscription}, naming
 * the first field that is wrong.
 */
final class SubscriptionRequests {

	static final int MAX_NAME_LENGTH = 200;

	static final int MAX_QUERY_LENGTH = 500;

	static final int MAX_FILTER_VALUES = 50;

	static final int MAX_URL_LENGTH = 2048;

	static final int MAX_SECRET_LENGTH = 256;

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

	// RFC 5322 addr-spec without quoted local parts, comments or address literals: what
	// a mail server that newsmon talks to is asked to deliver to
	private static final Pattern EMAIL = Pattern.compile(
			"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]");

	private final Set<String> topicIds;

	private final Function<String, String> queryProblem;

	private final WebhookAddresses addresses;

	private final Supplier<String> secrets;

	/**
	 * Creates the checks.
	 * @param topicIds the topic ids of the taxonomy
	 * @param queryProblem what is wrong with a query, or {@code null} when nothing is
	 * @param addresses the rule for webhook addresses
	 * @param secrets makes a webhook secret when none is given
	 */
	SubscriptionRequests(Set<String> topicIds, Function<String, String> queryProblem, WebhookAddresses addresses,
			Supplier<String> secrets) {
		this.topicIds = topicIds;
		this.queryProblem = queryProblem;
		this.addresses = addresses;
		this.secrets = secrets;
	}

	/**
	 * Checks a request.
	 * @param request the request
	 * @param id the id the subscription gets
	 * @param now its creation time
	 * @return the subscription
	 * @throws InvalidSubscriptionException naming the first field that is wrong
	 */
	Subscription toSubscription(SubscriptionRequest request, String id, Instant now) {
		if (request == null) {
			throw new InvalidSubscriptionException("body", "a JSON object is expected");
		}
		String name = strip(request.name());
		if (name == null) {
			throw new InvalidSubscriptionException("name", "is required");
		}
		if (name.length() > MAX_NAME_LENGTH) {
			throw new InvalidSubscriptionException("name", "is longer than " + MAX_NAME_LENGTH + " characters");
		}
		String query = strip(request.query());
		if (query != null) {
			if (query.length() > MAX_QUERY_LENGTH) {
				throw new InvalidSubscriptionException("query", "is longer than " + MAX_QUERY_LENGTH + " characters");
			}
			String problem = this.queryProblem.apply(query);
			if (problem != null) {
				throw new InvalidSubscriptionException("query", problem);
			}
		}
		List<String> topics = values("topics", request.topics());
		for (String topic : topics) {
			if (!this.topicIds.contains(topic)) {
				throw new InvalidSubscriptionException("topics", "'" + topic + "' is not a topic id of the taxonomy");
			}
		}
		List<String> languages = values("languages", request.languages());
		for (String language : languages) {
			if (!LANGUAGE.matcher(language).matches()) {
				throw new InvalidSubscriptionException("languages",
						"'" + language + "' is not a lowercase two-letter ISO 639-1 code such as en, ja or ko");
			}
		}
		List<String> sources = values("sources", request.sources());
		for (String source : sources) {
			if (source.length() > 256) {
				throw new InvalidSubscriptionException("sources", "a source is longer than 256 characters");
			}
		}
		if (query == null && topics.isEmpty() && languages.isEmpty() && sources.isEmpty()) {
			throw new InvalidSubscriptionException("query",
					"a query or at least one topic, language or source is required");
		}
		Subscription.Channel channel = channel(request.channel());
		Subscription.Trend trend = trend(request.trend());
		boolean oncePerStory = Boolean.TRUE.equals(request.oncePerStory());
		return new Subscription(id, name, query, topics, languages, sources, channel, oncePerStory, trend, now);
	}

	private Subscription.Channel channel(SubscriptionRequest.Channel channel) {
		if (channel == null || strip(channel.type()) == null) {
			throw new InvalidSubscriptionException("channel.type", "is required: webhook, email, sse or atom");
		}
		Subscription.Channel.Type type = switch (channel.type().strip().toLowerCase(Locale.ROOT)) {
			case "webhook" -> Subscription.Channel.Type.WEBHOOK;
			case "email" -> Subscription.Channel.Type.EMAIL;
			case "sse" -> Subscription.Channel.Type.SSE;
			case "atom" -> Subscription.Channel.Type.ATOM;
			default -> throw new InvalidSubscriptionException("channel.type",
					"'" + channel.type() + "' is not one of webhook, email, sse or atom");
		};
		return switch (type) {
			case WEBHOOK -> {
				notGiven(channel.email(), "channel.email", "webhook");
				yield new Subscription.Channel(type, webhookUrl(channel.url()), secret(channel.secret()), null);
			}
			case EMAIL -> {
				notGiven(channel.url(), "channel.url", "email");
				notGiven(channel.secret(), "channel.secret", "email");
				yield new Subscription.Channel(type, null, null, email(channel.email()));
			}
			case SSE, ATOM -> {
				String name = type.name().toLowerCase(Locale.ROOT);
				notGiven(channel.url(), "channel.url", name);
				notGiven(channel.secret(), "channel.secret", name);
				notGiven(channel.email(), "channel.email", name);
				yield new Subscription.Channel(type, null, null, null);
			}
		};
	}

	private String webhookUrl(String value) {
		String url = strip(value);
		if (url == null) {
			throw new InvalidSubscriptionException("channel.url", "is required for a webhook");
		}
		if (url.length() > MAX_URL_LENGTH) {
			throw new InvalidSubscriptionException("channel.url", "is longer than " + MAX_URL_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new InvalidSubscriptionException("channel.url", "is not a URL: " + ex.getReason());
		}
		if (!uri.isAbsolute() || uri.isOpaque()) {
			throw new InvalidSubscriptionException("channel.url", "must be an absolute http or https URL");
		}
		String problem = this.addresses.problem(uri);
		if (problem != null) {
			throw new InvalidSubscriptionException("channel.url", problem);
		}
		return uri.toString();
	}

	private String secret(String value) {
		if (value == null) {
			return this.secrets.get();
		}
		if (value.length() < 16 || value.length() > MAX_SECRET_LENGTH) {
			throw new InvalidSubscriptionException("channel.secret",
					"must have between 16 and " + MAX_SECRET_LENGTH + " characters; leave it out to get one");
		}
		return value;
	}

	private static String email(String value) {
		String email = strip(value);
		if (email == null) {
			throw new InvalidSubscriptionException("channel.email", "is required for email");
		}
		if (email.length() > 254 || email.indexOf('@') > 64 || !EMAIL.matcher(email).matches()) {
			throw new InvalidSubscriptionException("channel.email", "is not an email address: " + email);
		}
		return email;
	}

	private static Subscription.Trend trend(SubscriptionRequest.Trend trend) {
		if (trend == null) {
			return null;
		}
		if (trend.factor() == null || trend.factor().isNaN() || trend.factor() <= 1.0 || trend.factor() > 1000) {
			throw new InvalidSubscriptionException("trend.factor", "must be a number above 1 and at most 1000");
		}
		int minimum = (trend.minimumMatches() != null) ? trend.minimumMatches() : 1;
		if (minimum < 1 || minimum > 100_000) {
			throw new InvalidSubscriptionException("trend.minimumMatches", "must be between 1 and 100000");
		}
		return new Subscription.Trend(trend.factor(), minimum);
	}

	private static void notGiven(String value, String field, String type) {
		if (value != null) {
			throw new InvalidSubscriptionException(field, "does not belong to a channel of type " + type);
		}
	}

	private static List<String> values(String field, List<String> values) {
		if (values == null) {
			return List.of();
		}
		if (values.size() > MAX_FILTER_VALUES) {
			throw new InvalidSubscriptionException(field, "has more than " + MAX_FILTER_VALUES + " values");
		}
		List<String> checked = new ArrayList<>();
		for (String value : values) {
			String stripped = strip(value);
			if (stripped == null) {
				throw new InvalidSubscriptionException(field, "has an empty value");
			}
			if (!checked.contains(stripped)) {
				checked.add(stripped);
			}
		}
		return List.copyOf(checked);
	}

	private static String strip(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}

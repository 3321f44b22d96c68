package dev.newsmon.search.alert;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SubscriptionRequestsTests {

	private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

	private final SubscriptionRequests requests = new SubscriptionRequests(Set.of("north-korea", "semiconductors"),
			(q) -> q.contains("\"\"") ? "has no word to search for" : null,
			new WebhookAddresses(List.of("10.9.0.0/16")), () -> "generated-secret");

	@Test
	void takesAQueryWithFiltersAndAWebhook() {
		Subscription subscription = this.requests.toSubscription(new SubscriptionRequest("  Missiles ", "missile",
				List.of("north-korea", "north-korea"), List.of("en", "ja"), List.of("Wire"),
				new SubscriptionRequest.Channel("WebHook", "https://93.184.215.14/hook", null, null), true, null), "id",
				NOW);
		assertThat(subscription.name()).isEqualTo("Missiles");
		assertThat(subscription.topics()).containsExactly("north-korea");
		assertThat(subscription.languages()).containsExactly("en", "ja");
		assertThat(subscription.channel().type()).isEqualTo(Subscription.Channel.Type.WEBHOOK);
		assertThat(subscription.channel().secret()).isEqualTo("generated-secret");
		assertThat(subscription.oncePerStory()).isTrue();
		assertThat(subscription.createdAt()).isEqualTo(NOW);
	}

	@Test
	void takesFiltersWithoutAQuery() {
		Subscription subscription = this.requests.toSubscription(new SubscriptionRequest("Chips", null,
				List.of("semiconductors"), null, null, new SubscriptionRequest.Channel("atom", null, null, null), null,
				new SubscriptionRequest.Trend(3.0, null)), "id", NOW);
		assertThat(subscription.query()).isNull();
		assertThat(subscription.trend()).isEqualTo(new Subscription.Trend(3.0, 1));
	}

	@Test
	void keepsAGivenSecretAndAllowsListedNetworks() {
		Subscription subscription = this.requests.toSubscription(new SubscriptionRequest("n", "q", null, null, null,
				new SubscriptionRequest.Channel("webhook", "http://10.9.1.2:8080/hook", "0123456789abcdef", null), null,
				null), "id", NOW);
		assertThat(subscription.channel().secret()).isEqualTo("0123456789abcdef");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', nullValues = "null", value = {
			// case; name; query; topic; language; type; url; email; field
			"no name; null; missile; null; null; sse; null; null; name",
			"blank name; '  '; missile; null; null; sse; null; null; name",
			"neither query nor filter; n; null; null; null; sse; null; null; query",
			"query without words; n; '\"\"'; null; null; sse; null; null; query",
			"unknown topic; n; null; weather; null; sse; null; null; topics",
			"uppercase language; n; null; null; EN; sse; null; null; languages",
			"three-letter language; n; null; null; eng; sse; null; null; languages",
			"no channel type; n; q; null; null; null; null; null; channel.type",
			"unknown channel type; n; q; null; null; pigeon; null; null; channel.type",
			"webhook without url; n; q; null; null; webhook; null; null; channel.url",
			"webhook to ftp; n; q; null; null; webhook; ftp://93.184.215.14/x; null; channel.url",
			"webhook relative; n; q; null; null; webhook; /hook; null; channel.url",
			"webhook loopback; n; q; null; null; webhook; http://127.0.0.1/hook; null; channel.url",
			"webhook localhost name; n; q; null; null; webhook; http://localhost:8080/hook; null; channel.url",
			"webhook RFC 1918; n; q; null; null; webhook; http://192.168.1.10/hook; null; channel.url",
			"webhook RFC 1918 class A; n; q; null; null; webhook; http://10.0.0.1/hook; null; channel.url",
			"webhook link-local metadata; n; q; null; null; webhook; http://169.254.169.254/latest; null; channel.url",
			"webhook CGNAT; n; q; null; null; webhook; http://100.64.1.1/hook; null; channel.url",
			"webhook IPv6 loopback; n; q; null; null; webhook; http://[::1]/hook; null; channel.url",
			"webhook IPv6 ULA; n; q; null; null; webhook; http://[fd00::1]/hook; null; channel.url",
			"webhook IPv4-mapped; n; q; null; null; webhook; http://[::ffff:127.0.0.1]/hook; null; channel.url",
			"webhook decimal host; n; q; null; null; webhook; http://2130706433/hook; null; channel.url",
			"webhook hex host; n; q; null; null; webhook; http://0x7f000001/hook; null; channel.url",
			"webhook short dotted host; n; q; null; null; webhook; http://127.1/hook; null; channel.url",
			"webhook octal host; n; q; null; null; webhook; http://0177.0.0.1/hook; null; channel.url",
			"webhook user info; n; q; null; null; webhook; http://u:p@93.184.215.14/hook; null; channel.url",
			"email without address; n; q; null; null; email; null; null; channel.email",
			"email without at; n; q; null; null; email; null; alerts.example.org; channel.email",
			"email without domain dot; n; q; null; null; email; null; me@localhost; channel.email",
			"email with display name; n; q; null; null; email; null; Me <me@example.org>; channel.email",
			"email with url; n; q; null; null; email; https://x.org; me@example.org; channel.url",
			"sse with url; n; q; null; null; sse; https://x.org; null; channel.url" })
	void refusesWithTheFieldThatIsWrong(String name, String subscriptionName, String query, String topic,
			String language, String type, String url, String email, String field) {
		SubscriptionRequest request = new SubscriptionRequest(subscriptionName, query,
				(topic != null) ? List.of(topic) : null, (language != null) ? List.of(language) : null, null,
				new SubscriptionRequest.Channel(type, url, null, email), null, null);
		assertThatExceptionOfType(InvalidSubscriptionException.class)
			.isThrownBy(() -> this.requests.toSubscription(request, "id", NOW))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', value = { "name too long; name", "short secret; channel.secret",
			"factor of one; trend.factor", "no minimum; trend.minimumMatches" })
	void refusesOutOfRangeValues(String name, String field) {
		SubscriptionRequest request = switch (name) {
			case "name too long" -> new SubscriptionRequest("n".repeat(201), "q", null, null, null,
					new SubscriptionRequest.Channel("sse", null, null, null), null, null);
			case "short secret" -> new SubscriptionRequest("n", "q", null, null, null,
					new SubscriptionRequest.Channel("webhook", "https://93.184.215.14/", "short", null), null, null);
			case "factor of one" -> new SubscriptionRequest("n", "q", null, null, null,
					new SubscriptionRequest.Channel("sse", null, null, null), null,
					new SubscriptionRequest.Trend(1.0, 3));
			default -> new SubscriptionRequest("n", "q", null, null, null,
					new SubscriptionRequest.Channel("sse", null, null, null), null,
					new SubscriptionRequest.Trend(2.0, 0));
		};
		assertThatExceptionOfType(InvalidSubscriptionException.class)
			.isThrownBy(() -> this.requests.toSubscription(request, "id", NOW))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "alerts@example.org", "first.last+news@mail.example.co.jp", "o'neil@example.ie" })
	void takesEmailAddresses(String email) {
		Subscription subscription = this.requests.toSubscription(new SubscriptionRequest("n", "q", null, null, null,
				new SubscriptionRequest.Channel("email", null, null, email), null, null), "id", NOW);
		assertThat(subscription.channel().email()).isEqualTo(email);
	}

}

package dev.newsmon.search.alert;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A subscription as the API shows it: without its webhook secret, except in the answer to
 * its creation.
 *
 * @param id the capability id
 * @param name the name
 * @param query the query, or {@code null}
 * @param topics topic ids
 * @param languages languages
 * @param sources sources
 * @param channel the channel
 * @param oncePerStory whether it alerts once per story
 * @param trend the burst rule, or {@code null}
 * @param createdAt when it was created
 * @param links where its alerts can be read
 */
record SubscriptionView(String id, String name, String query, List<String> topics, List<String> languages,
		List<String> sources, ChannelView channel, boolean oncePerStory, Subscription.Trend trend, Instant createdAt,
		Links links) {

	static SubscriptionView of(Subscription subscription) {
		return of(subscription, false);
	}

	static SubscriptionView withSecret(Subscription subscription) {
		return of(subscription, true);
	}

	private static SubscriptionView of(Subscription subscription, boolean secret) {
		Subscription.Channel channel = subscription.channel();
		String self = "/api/subscriptions/" + subscription.id();
		return new SubscriptionView(subscription.id(), subscription.name(), subscription.query(), subscription.topics(),
				subscription.languages(), subscription.sources(),
				new ChannelView(channel.type().name().toLowerCase(Locale.ROOT), channel.url(), channel.email(),
						secret ? channel.secret() : null),
				subscription.oncePerStory(), subscription.trend(), subscription.createdAt(),
				new Links(self, self + "/feed", self + "/events", self + "/deliveries"));
	}

	/**
	 * The channel.
	 *
	 * @param type the type, lowercase
	 * @param url the webhook URL
	 * @param email the email address
	 * @param secret the webhook secret, only in the answer to the creation
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ChannelView(String type, String url, String email, String secret) {

	}

	/**
	 * Where to read the subscription's alerts.
	 *
	 * @param self the subscription
	 * @param feed its Atom feed
	 * @param events its server-sent event stream
	 * @param deliveries its delivery log
	 */
	record Links(String self, String feed, String events, String deliveries) {

	}

}

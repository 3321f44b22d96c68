package dev.newsmon.search.alert.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are sent.
 *
 * @param connectTimeout the longest wait for a TCP connection
 * @param attemptTimeout the longest one attempt may take, response headers included
 * @param retryFor for how long after the first attempt a failing delivery is retried
 * before it is recorded as failed
 * @param initialBackoff the wait after the first failed attempt (doubling each time, with
 * jitter)
 * @param maxBackoff the longest wait between two attempts
 * @param concurrency how many POSTs may be in flight at once
 * @param maxPending how many deliveries may be under way (sending or waiting for a
 * retry); beyond that new alerts fail at once rather than pile up
 * @param maxPendingPerReceiver how many of those may go to one receiver (scheme, host and
 * port), so that a receiver that is down or slow cannot take every slot and hold up the
 * alerts of all other subscriptions
 * @param maxResponseBytes how much of a response body is read (for the delivery log)
 */
@ConfigurationProperties("newsmon.search.alert.webhook")
public record WebhookProperties(@DefaultValue("3s") Duration connectTimeout,
		@DefaultValue("10s") Duration attemptTimeout, @DefaultValue("10m") Duration retryFor,
		@DefaultValue("1s") Duration initialBackoff, @DefaultValue("2m") Duration maxBackoff,
		@DefaultValue("8") int concurrency, @DefaultValue("10000") int maxPending,
		@DefaultValue("1000") int maxPendingPerReceiver, @DefaultValue("1024") int maxResponseBytes) {

}

package dev.newsmon.search.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.newsmon.search.indexing.IndexProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AlertDispatcherTests {

	private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

	@Test
	void outcomeIsLoggedWithoutHoldingTheThreadThatCompletedTheDelivery() throws Exception {
		CountDownLatch elasticsearch = new CountDownLatch(1);
		BlockingQueue<Thread> loggedOn = new LinkedBlockingQueue<>();
		DeliveryLog log = new DeliveryLog(null, alertProperties(),
				new IndexProperties("news-articles", 1, 0, false, 5)) {

			@Override
			void finish(String deliveryId, AlertChannel.Outcome outcome) {
				loggedOn.add(Thread.currentThread());
				try {
					// a slow Elasticsearch
					elasticsearch.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}

		};
		CompletableFuture<AlertChannel.Outcome> delivery = new CompletableFuture<>();
		AlertChannel channel = new AlertChannel() {

			@Override
			public Subscription.Channel.Type type() {
				return Subscription.Channel.Type.WEBHOOK;
			}

			@Override
			public CompletableFuture<Outcome> deliver(Alert alert) {
				return delivery;
			}

		};
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		AlertDispatcher dispatcher = new AlertDispatcher(log,
				new StaticListableBeanFactory(Map.of("webhookChannel", channel)).getBeanProvider(AlertChannel.class),
				clock, new AlertMetrics(new SimpleMeterRegistry(), clock));
		try {
			dispatcher.dispatch(alert());
			// the dispatcher waits on the channel's future
			await().atMost(Duration.ofSeconds(5)).until(() -> delivery.getNumberOfDependents() > 0);
			Thread channelThread = Thread.ofPlatform()
				.start(() -> delivery.complete(new AlertChannel.Outcome(true, 1, "204", NOW)));
			channelThread.join(5000);
			assertThat(channelThread.isAlive()).as("the channel's thread is free while the log is written").isFalse();
			assertThat(loggedOn.poll(5, TimeUnit.SECONDS)).isNotNull().isNotSameAs(channelThread);
			assertThat(dispatcher.inFlight()).as("in flight until its outcome is logged").containsExactly("sub:art");
			elasticsearch.countDown();
			await().atMost(Duration.ofSeconds(5)).until(() -> dispatcher.inFlight().isEmpty());
		}
		finally {
			elasticsearch.countDown();
			dispatcher.destroy();
		}
	}

	private static AlertProperties alertProperties() {
		return new AlertProperties("news-alert-deliveries", 16384, Duration.ofSeconds(5), Duration.ofMinutes(1),
				Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofMinutes(30), 50, Duration.ofMillis(500),
				Duration.ofSeconds(30));
	}

	private static Alert alert() {
		Subscription subscription = new Subscription("sub", "n", "q", List.of(), List.of(), List.of(),
				new Subscription.Channel(Subscription.Channel.Type.WEBHOOK, "https://example.org/hook", "secret", null),
				false, null, NOW);
		return new Alert("sub:art", subscription, new Alert.AlertArticle("art", "Title", "https://example.org/art",
				"Wire", "en", NOW, List.of(), "", "story"), NOW, null, NOW, null);
	}

}

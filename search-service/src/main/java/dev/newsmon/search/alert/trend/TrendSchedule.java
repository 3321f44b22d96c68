package dev.newsmon.search.alert.trend;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newsmon.search.alert.AlertSink;
import dev.newsmon.search.alert.SubscriptionRegistry;
import dev.newsmon.search.cjk.CjkTokenizer;
import dev.newsmon.search.indexing.IndexProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link TrendEvaluator} every {@code interval} on a thread of its own, once the
 * application has a {@link SubscriptionRegistry} and an {@link AlertSink}; without them
 * (or with {@code newsmon.search.alert.trend.enabled=false}) it stays idle.
 */
@Component
class TrendSchedule implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(TrendSchedule.class);

	private final TrendProperties properties;

	private final MatchCounter counter;

	private final ObjectProvider<SubscriptionRegistry> registry;

	private final ObjectProvider<AlertSink> sink;

	private final Clock clock;

	private volatile ScheduledExecutorService executor;

	TrendSchedule(TrendProperties properties, ElasticsearchClient client, IndexProperties index, CjkTokenizer tokenizer,
			ObjectProvider<SubscriptionRegistry> registry, ObjectProvider<AlertSink> sink, Clock clock) {
		this.properties = properties;
		this.counter = new MatchCounter(client, index.alias(), tokenizer);
		this.registry = registry;
		this.sink = sink;
		this.clock = clock;
	}

	@Override
	public void start() {
		SubscriptionRegistry subscriptions = this.registry.getIfAvailable();
		AlertSink alerts = this.sink.getIfAvailable();
		if (!this.properties.enabled() || subscriptions == null || alerts == null) {
			logger.info("Trend alerts are off (enabled=" + this.properties.enabled() + ", subscription registry: "
					+ (subscriptions != null) + ", alert sink: " + (alerts != null) + ")");
			return;
		}
		TrendEvaluator evaluator = new TrendEvaluator(this.properties, this.counter, subscriptions, alerts, this.clock);
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("trend-alerts").daemon().factory());
		scheduler.scheduleWithFixedDelay(() -> run(evaluator), this.properties.initialDelay().toMillis(),
				this.properties.interval().toMillis(), TimeUnit.MILLISECONDS);
		this.executor = scheduler;
	}

	private static void run(TrendEvaluator evaluator) {
		try {
			evaluator.evaluate();
		}
		catch (RuntimeException ex) {
			// a thrown task would cancel every later run
			logger.warn("Trend evaluation failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.executor;
		this.executor = null;
		if (scheduler != null) {
			scheduler.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}

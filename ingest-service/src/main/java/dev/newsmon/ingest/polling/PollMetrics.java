package dev.newsmon.ingest.polling;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of polling, on {@code /actuator/metrics}: fetches by status (a 304 is
 * {@code not-modified}), items by what became of them, failures by class and how long
 * publishing a poll's articles takes.
 */
final class PollMetrics {

	private final MeterRegistry registry;

	private final Timer publishLatency;

	PollMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.publishLatency = Timer.builder("newsmon.ingest.publish.latency")
			.description("Time to publish one poll's articles until the broker acknowledges them")
			.publishPercentiles(0.5, 0.99)
			.register(registry);
	}

	void fetched(String status) {
		Counter.builder("newsmon.ingest.fetches")
			.description("Feed fetches by status: fetched, not-modified (HTTP 304) or failed")
			.tag("status", status)
			.register(this.registry)
			.increment();
	}

	void items(String result, int count) {
		if (count > 0) {
			Counter.builder("newsmon.ingest.items")
				.description("Items read from feeds: published (new or changed), unchanged or duplicate "
						+ "(already published by another feed)")
				.tag("result", result)
				.register(this.registry)
				.increment(count);
		}
	}

	void failed(String failureClass) {
		Counter.builder("newsmon.ingest.failures")
			.description("Failed polls by class of failure")
			.tag("class", failureClass)
			.register(this.registry)
			.increment();
	}

	void published(Duration latency) {
		this.publishLatency.record(latency);
	}

}

package dev.newsmon.search.indexing;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether Elasticsearch takes the articles the service consumes. A failed bulk request is
 * retried without end while the failure is transient (ADR 0009), so this indicator is how
 * an operator learns that indexing is stalled: it reports {@code DOWN} once the number of
 * failed attempts in a row reaches {@code newsmon.search.index.unhealthy-after}, and
 * {@code UP} again after the next acknowledged batch.
 */
@Component("indexing")
public class IndexingHealth implements HealthIndicator {

	private final AtomicReference<State> state = new AtomicReference<>(new State(0, null, null));

	private final int unhealthyAfter;

	private final Clock clock;

	IndexingHealth(IndexProperties properties, Clock clock) {
		this.unhealthyAfter = properties.unhealthyAfter();
		this.clock = clock;
	}

	void succeeded() {
		this.state.set(new State(0, null, null));
	}

	void failed(String reason) {
		Instant now = this.clock.instant();
		this.state.updateAndGet((current) -> new State(current.failures() + 1,
				(current.failingSince() != null) ? current.failingSince() : now, reason));
	}

	/**
	 * The number of failed bulk attempts since the last acknowledged one.
	 * @return the count
	 */
	public int consecutiveFailures() {
		return this.state.get().failures();
	}

	@Override
	public Health health() {
		State current = this.state.get();
		Health.Builder builder = (current.failures() >= this.unhealthyAfter) ? Health.down() : Health.up();
		builder.withDetail("consecutiveFailures", current.failures());
		if (current.failingSince() != null) {
			builder.withDetail("failingSince", current.failingSince().toString())
				.withDetail("lastError", current.lastError());
		}
		return builder.build();
	}

	private record State(int failures, Instant failingSince, String lastError) {

	}

}

package dev.newsmon.search.alert;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code subscriptions} health contributor, part of the readiness group: a replica
 * that has not read every subscription yet would miss alerts and show a partial list.
 */
@Component("subscriptions")
class SubscriptionsHealth extends AbstractHealthIndicator {

	private final Subscriptions subscriptions;

	SubscriptionsHealth(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (this.subscriptions.isCaughtUp()) {
			builder.up().withDetail("subscriptions", this.subscriptions.all().size());
		}
		else {
			builder.outOfService().withDetail("reason", "still reading the subscriptions topic");
		}
	}

}

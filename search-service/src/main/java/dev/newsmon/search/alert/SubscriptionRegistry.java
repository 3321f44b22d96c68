package dev.newsmon.search.alert;

import java.util.Collection;
import java.util.Optional;

/**
 * All subscriptions, as read from the compacted subscriptions topic by this replica.
 */
public interface SubscriptionRegistry {

	/**
	 * Every current subscription.
	 * @return the subscriptions
	 */
	Collection<Subscription> all();

	/**
	 * One subscription.
	 * @param id its id
	 * @return it, if it exists
	 */
	Optional<Subscription> find(String id);

}

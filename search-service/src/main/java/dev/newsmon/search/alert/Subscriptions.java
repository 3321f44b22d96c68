package dev.newsmon.search.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Component;

/**
 * The subscriptions this replica has read from the subscriptions topic. The topic's
 * reader applies every record, from the beginning, and says when it has caught up with
 * the end of the topic as it was at start; until then the replica is not ready.
 */
@Component("subscriptionRegistry")
public class Subscriptions implements SubscriptionRegistry {

	private final Map<String, Subscription> byId = new ConcurrentHashMap<>();

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	private final Object monitor = new Object();

	private volatile boolean caughtUp;

	@Override
	public Collection<Subscription> all() {
		return List.copyOf(this.byId.values());
	}

	@Override
	public Optional<Subscription> find(String id) {
		return (id != null) ? Optional.ofNullable(this.byId.get(id)) : Optional.empty();
	}

	/**
	 * Applies the records of one read, in order: a subscription replaces the one with its
	 * id, a deletion removes it.
	 * @param changes the records
	 */
	public void apply(List<Change> changes) {
		List<Subscription> put = new ArrayList<>();
		List<String> removed = new ArrayList<>();
		for (Change change : changes) {
			if (change.subscription() != null) {
				this.byId.put(change.id(), change.subscription());
				removed.remove(change.id());
				put.removeIf((subscription) -> subscription.id().equals(change.id()));
				put.add(change.subscription());
			}
			else {
				this.byId.remove(change.id());
				put.removeIf((subscription) -> subscription.id().equals(change.id()));
				removed.add(change.id());
			}
		}
		for (Listener listener : this.listeners) {
			listener.changed(put, removed);
		}
		synchronized (this.monitor) {
			this.monitor.notifyAll();
		}
	}

	/**
	 * Records that the reader has read the topic up to its end offsets at start.
	 */
	public void caughtUp() {
		this.caughtUp = true;
		synchronized (this.monitor) {
			this.monitor.notifyAll();
		}
	}

	/**
	 * Whether the reader has read every subscription that existed at start.
	 * @return whether it has
	 */
	public boolean isCaughtUp() {
		return this.caughtUp;
	}

	/**
	 * Waits until the reader has caught up ({@link #caughtUp()}).
	 * @param timeout the longest wait
	 * @return whether it has caught up in time
	 */
	public boolean awaitCaughtUp(Duration timeout) {
		return await(() -> this.caughtUp, timeout);
	}

	/**
	 * Registers a listener and gives it every current subscription.
	 * @param listener the listener
	 */
	void listen(Listener listener) {
		this.listeners.add(listener);
		listener.changed(all(), List.of());
	}

	/**
	 * Waits until this replica has applied a write: until the subscription is present
	 * (or, for {@code null}, until the id is gone).
	 * @param id the id
	 * @param expected the subscription written, or {@code null} after a deletion
	 * @param timeout the longest wait
	 * @return whether it was applied in time
	 */
	boolean awaitApplied(String id, Subscription expected, Duration timeout) {
		return await(() -> applied(id, expected), timeout);
	}

	/** Waits until the condition holds; it is checked again after each change. */
	private boolean await(BooleanSupplier condition, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.monitor) {
			while (!condition.getAsBoolean()) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				try {
					this.monitor.wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return true;
		}
	}

	private boolean applied(String id, Subscription expected) {
		Subscription current = this.byId.get(id);
		return (expected != null) ? expected.equals(current) : current == null;
	}

	/**
	 * One record of the topic.
	 *
	 * @param id the subscription id (the record key)
	 * @param subscription the subscription, or {@code null} for a deletion
	 */
	public record Change(String id, Subscription subscription) {

	}

	/**
	 * Told of every change.
	 */
	interface Listener {

		void changed(Collection<Subscription> put, Collection<String> removed);

	}

}

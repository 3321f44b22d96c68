package dev.newsmon.ingest.feed;

import java.time.Duration;
import java.time.Instant;

/**
 * A feed's WebSub subscription (W3C WebSub): the hub pushes new content to newsmon, and
 * polling slows down to a safety net while the subscription is active.
 *
 * @param hub the hub's URL
 * @param topic the topic subscribed to (the feed's self URL)
 * @param secret the secret the hub signs its pushes with ({@code X-Hub-Signature})
 * @param status {@code pending} until the hub verifies the intent, then {@code active};
 * {@code denied} or {@code failed} when the hub refused or could not be reached
 * @param requestedAt when the subscription was last requested
 * @param leaseExpires when the hub's lease ends, once active, or {@code null}
 * @param lastError why the last request failed, or {@code null}
 */
public record WebSubState(String hub, String topic, String secret, String status, Instant requestedAt,
		Instant leaseExpires, String lastError) {

	/** Waiting for the hub's verification of intent. */
	public static final String PENDING = "pending";

	/** Verified: the hub pushes new content. */
	public static final String ACTIVE = "active";

	/** The hub refused the subscription. */
	public static final String DENIED = "denied";

	/** The hub could not be asked. */
	public static final String FAILED = "failed";

	/**
	 * Returns whether the hub pushes content at a given time.
	 * @param now the time
	 * @return whether the subscription is active and its lease runs
	 */
	public boolean activeAt(Instant now) {
		return ACTIVE.equals(this.status) && this.leaseExpires != null && this.leaseExpires.isAfter(now);
	}

	/**
	 * Returns when an active subscription is renewed: a given time before its lease ends,
	 * or at half the lease when the hub granted a short one.
	 * @param renewBefore how long before the end of a long lease to renew it
	 * @return when to renew
	 */
	public Instant renewAt(Duration renewBefore) {
		Duration half = Duration.between(this.requestedAt, this.leaseExpires).dividedBy(2);
		return this.leaseExpires.minus((half.compareTo(renewBefore) < 0) ? half : renewBefore);
	}

}

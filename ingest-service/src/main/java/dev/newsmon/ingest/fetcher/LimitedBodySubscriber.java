package dev.newsmon.ingest.fetcher;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body and cancels the response as soon as it goes past a limit, so
 * that an endless or huge body costs no more than the limit.
 */
final class LimitedBodySubscriber implements BodySubscriber<byte[]> {

	private final long limit;

	private final long declaredLength;

	private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

	private final CompletableFuture<byte[]> body = new CompletableFuture<>();

	private Flow.Subscription subscription;

	private long received;

	LimitedBodySubscriber(long limit, long declaredLength) {
		this.limit = limit;
		this.declaredLength = declaredLength;
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return this.body;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		if (this.declaredLength > this.limit) {
			subscription.cancel();
			this.body.completeExceptionally(new BodyTooLargeException(this.limit));
			return;
		}
		subscription.request(1);
	}

	@Override
	public void onNext(List<ByteBuffer> items) {
		if (this.body.isDone()) {
			return;
		}
		for (ByteBuffer item : items) {
			this.received += item.remaining();
			if (this.received > this.limit) {
				this.subscription.cancel();
				this.body.completeExceptionally(new BodyTooLargeException(this.limit));
				return;
			}
			byte[] bytes = new byte[item.remaining()];
			item.get(bytes);
			this.buffer.writeBytes(bytes);
		}
		this.subscription.request(1);
	}

	@Override
	public void onError(Throwable failure) {
		this.body.completeExceptionally(failure);
	}

	@Override
	public void onComplete() {
		this.body.complete(this.buffer.toByteArray());
	}

}

package dev.newsmon.search.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.newsmon.search.indexing.IndexProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The delivery log: one document per delivery id in the deliveries index. An alert is
 * logged with create semantics before it is dispatched, so a second attempt to log the
 * same delivery id (a replay, a restart, another replica) finds it there and sends
 * nothing.
 */
@Component
class DeliveryLog implements InitializingBean {

	private static final Log logger = LogFactory.getLog(DeliveryLog.class);

	static final String MAPPING = "elasticsearch/news-alert-deliveries-v1.json";

	private final ElasticsearchClient client;

	private final String index;

	private final int replicas;

	DeliveryLog(ElasticsearchClient client, AlertProperties properties, IndexProperties index) {
		this.client = client;
		this.index = properties.deliveriesIndex();
		this.replicas = index.replicas();
	}

	@Override
	public void afterPropertiesSet() throws IOException {
		if (this.client.indices().exists((request) -> request.index(this.index)).value()) {
			return;
		}
		try (InputStream mapping = new ClassPathResource(MAPPING).getInputStream()) {
			this.client.indices().create((request) -> request.index(this.index).withJson(mapping));
			this.client.indices()
				.putSettings((request) -> request.index(this.index)
					.settings((settings) -> settings.numberOfReplicas(String.valueOf(this.replicas))));
			logger.info("Created the delivery log index " + this.index);
		}
		catch (ElasticsearchException ex) {
			if (!"resource_already_exists_exception".equals(ex.error().type())) {
				throw ex;
			}
		}
	}

	/**
	 * Logs deliveries as pending, each only if its id is not logged yet.
	 * @param deliveries the deliveries
	 * @return those that were new, in order
	 * @throws DeliveryLogException when Elasticsearch could not take them all now
	 */
	List<Delivery> createAll(List<Delivery> deliveries) {
		if (deliveries.isEmpty()) {
			return List.of();
		}
		BulkRequest.Builder bulk = new BulkRequest.Builder().index(this.index).refresh(Refresh.False);
		for (Delivery delivery : deliveries) {
			bulk.operations(
					(operation) -> operation.create((create) -> create.id(delivery.deliveryId()).document(delivery)));
		}
		BulkResponse response;
		try {
			response = this.client.bulk(bulk.build());
		}
		catch (IOException | ElasticsearchException ex) {
			throw new DeliveryLogException("the delivery log could not be written", ex);
		}
		List<Delivery> created = new ArrayList<>();
		List<BulkResponseItem> items = response.items();
		for (int i = 0; i < items.size(); i++) {
			BulkResponseItem item = items.get(i);
			if (item.error() == null) {
				created.add(deliveries.get(i));
			}
			else if (item.status() != 409) {
				throw new DeliveryLogException("the delivery log refused " + item.id() + ": " + item.status() + " "
						+ item.error().type() + " " + item.error().reason(), null);
			}
		}
		return created;
	}

	/**
	 * Records how a delivery ended.
	 * @param deliveryId the delivery
	 * @param outcome the outcome
	 */
	void finish(String deliveryId, AlertChannel.Outcome outcome) {
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("status", outcome.delivered() ? Delivery.DELIVERED : Delivery.FAILED);
		changes.put("attempts", outcome.attempts());
		changes.put("detail", outcome.detail());
		changes.put("finishedAt", outcome.at().toString());
		update(deliveryId, changes);
	}

	/**
	 * Records that this replica takes a pending delivery on again, unless another replica
	 * did since it was read.
	 * @param hit the delivery as read, with its sequence number
	 * @param now the time
	 * @return whether this replica has it
	 */
	boolean claim(Hit<Delivery> hit, Instant now) {
		Delivery delivery = hit.source();
		Delivery claimed = new Delivery(delivery.deliveryId(), delivery.subscriptionId(), delivery.articleId(),
				delivery.channel(), delivery.status(), delivery.attempts(), delivery.detail(), delivery.matchedAt(),
				null, now, delivery.article(), delivery.trend());
		try {
			this.client.index((request) -> request.index(this.index)
				.id(hit.id())
				.ifSeqNo(hit.seqNo())
				.ifPrimaryTerm(hit.primaryTerm())
				.document(claimed));
			return true;
		}
		catch (ElasticsearchException ex) {
			if (ex.status() == 409) {
				return false;
			}
			throw new DeliveryLogException("the delivery log could not be written", ex);
		}
		catch (IOException ex) {
			throw new DeliveryLogException("the delivery log could not be written", ex);
		}
	}

	/**
	 * The deliveries of a subscription, newest first.
	 * @param subscriptionId the subscription
	 * @param size how many
	 * @return the deliveries
	 */
	List<Delivery> recent(String subscriptionId, int size) {
		try {
			SearchResponse<Delivery> response = this.client.search(
					(search) -> search.index(this.index)
						.query((query) -> query.term((term) -> term.field("subscriptionId").value(subscriptionId)))
						.size(size)
						.sort((sort) -> sort.field((field) -> field.field("matchedAt").order(SortOrder.Desc)))
						.sort((sort) -> sort.field((field) -> field.field("deliveryId").order(SortOrder.Desc))),
					Delivery.class);
			return response.hits().hits().stream().map(Hit::source).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Pending deliveries that nobody has taken on since the given time.
	 * @param before the latest claim time of a stale delivery
	 * @param size how many at most
	 * @return the deliveries, with their sequence numbers
	 */
	List<Hit<Delivery>> stalePending(Instant before, int size) {
		try {
			SearchResponse<Delivery> response = this.client.search(
					(search) -> search.index(this.index)
						.query((query) -> query.bool((bool) -> bool
							.filter((filter) -> filter.term((term) -> term.field("status").value(Delivery.PENDING)))
							.filter((filter) -> filter.range(
									(range) -> range.date((date) -> date.field("claimedAt").lt(before.toString()))))))
						.size(size)
						.seqNoPrimaryTerm(true)
						.sort((sort) -> sort.field((field) -> field.field("matchedAt").order(SortOrder.Asc))),
					Delivery.class);
			return response.hits().hits();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Renews the claim of deliveries this replica is still working on, so that no other
	 * replica takes them on while a channel retries.
	 * @param deliveryIds the deliveries
	 * @param now the time
	 */
	void renew(List<String> deliveryIds, Instant now) {
		for (String deliveryId : deliveryIds) {
			update(deliveryId, Map.of("claimedAt", now.toString()));
		}
	}

	private void update(String deliveryId, Map<String, Object> changes) {
		try {
			this.client.update((request) -> request.index(this.index).id(deliveryId).doc(changes).retryOnConflict(3),
					Delivery.class);
		}
		catch (IOException | ElasticsearchException ex) {
			throw new DeliveryLogException("the delivery log could not be updated for " + deliveryId, ex);
		}
	}

	/**
	 * The delivery log could not be written.
	 */
	static class DeliveryLogException extends RuntimeException {

		DeliveryLogException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}

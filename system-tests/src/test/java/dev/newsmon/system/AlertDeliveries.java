package dev.newsmon.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * search-service's delivery log, read straight from Elasticsearch: one document per
 * alert, its {@code _id} the delivery id ({@code subscriptionId:articleId}), written with
 * create semantics before the alert is sent, so an alert is in the log once or not at
 * all.
 */
final class AlertDeliveries {

	/** search-service's delivery log (newsmon.search.alert.deliveries-index). */
	private static final String INDEX = "news-alert-deliveries";

	/** More than the alerts a failure test run makes per subscription. */
	private static final int MAX = 10_000;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String url;

	AlertDeliveries(String url) {
		this.url = url;
	}

	/**
	 * The entries of a subscription by delivery id, as of now (after a refresh); empty
	 * while the log does not exist.
	 */
	Map<String, Entry> of(String subscriptionId) throws IOException, InterruptedException {
		HttpResponse<String> refreshed = send(
				HttpRequest.newBuilder(uri("/" + INDEX + "/_refresh")).POST(HttpRequest.BodyPublishers.noBody()));
		if (refreshed.statusCode() == 404) {
			return Map.of();
		}
		String body = json.writeValueAsString(Map.of("size", MAX, "_source", List.of("articleId", "status", "attempts"),
				"query", Map.of("term", Map.of("subscriptionId", subscriptionId))));
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/" + INDEX + "/_search"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Elasticsearch answered " + response.statusCode() + ": " + response.body());
		}
		JsonNode hits = json.readTree(response.body()).path("hits");
		Map<String, Entry> entries = new HashMap<>();
		for (JsonNode hit : hits.path("hits")) {
			JsonNode source = hit.path("_source");
			entries.put(hit.path("_id").asString(),
					new Entry(hit.path("_id").asString(), source.path("articleId").asString(),
							source.path("status").asString(), source.path("attempts").asInt()));
		}
		if (entries.size() >= MAX) {
			throw new IllegalStateException("more than " + MAX + " deliveries of " + subscriptionId);
		}
		return entries;
	}

	private URI uri(String path) {
		return URI.create(this.url + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * One entry of the log.
	 *
	 * @param deliveryId the delivery id, the document id
	 * @param articleId the article
	 * @param status {@code pending}, {@code delivered} or {@code failed}
	 * @param attempts the attempts the last dispatch made
	 */
	record Entry(String deliveryId, String articleId, String status, int attempts) {

	}

}

package dev.newsmon.system.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Elasticsearch over plain HTTP: the article alias of search-service, and a raw index of
 * the benchmark's own for the {@code _bulk} baseline.
 */
final class Elastic {

	/** search-service's alias (newsmon.search.index.alias). */
	static final String ALIAS = "news-articles";

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Index settings a copy keeps; the rest (uuid, creation date...) belong to the
	 * source.
	 */
	private static final Set<String> COPIED_SETTINGS = Set.of("number_of_shards", "number_of_replicas",
			"refresh_interval", "analysis", "similarity", "mapping", "max_result_window");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String url;

	Elastic(String url) {
		this.url = url;
	}

	long count() throws IOException, InterruptedException {
		HttpResponse<String> response = send("GET", "/" + ALIAS + "/_count", null);
		return (response.statusCode() == 404) ? 0 : read(response).path("count").asLong();
	}

	/**
	 * Ids and fetch times (epoch ms) of the articles written since {@code indexedSinceMs}
	 * and visible now.
	 */
	Map<String, Long> visibleSince(long indexedSinceMs) throws IOException, InterruptedException {
		String body = json.writeValueAsString(Map.of("size", 10000, "_source", false, "track_total_hits", false,
				"docvalue_fields", List.of(Map.of("field", "fetchedAt", "format", "epoch_millis")), "query",
				Map.of("range", Map.of("indexedAt", Map.of("gte", indexedSinceMs, "format", "epoch_millis")))));
		HttpResponse<String> response = send("POST", "/" + ALIAS + "/_search", body);
		Map<String, Long> visible = new LinkedHashMap<>();
		if (response.statusCode() == 404) {
			return visible;
		}
		for (JsonNode hit : read(response).path("hits").path("hits")) {
			JsonNode fetched = hit.path("fields").path("fetchedAt").path(0);
			visible.put(hit.path("_id").asString(), (long) Double.parseDouble(fetched.asString("0")));
		}
		return visible;
	}

	/**
	 * Up to {@code max} analysed documents of the article index, as bulk source lines.
	 */
	List<String> sample(int max) throws IOException, InterruptedException {
		List<String> documents = new ArrayList<>();
		JsonNode page = read(send("POST", "/" + ALIAS + "/_search?scroll=1m",
				json.writeValueAsString(Map.of("size", 1000, "sort", List.of("_doc")))));
		String scroll = page.path("_scroll_id").asString();
		while (documents.size() < max && !page.path("hits").path("hits").isEmpty()) {
			for (JsonNode hit : page.path("hits").path("hits")) {
				if (documents.size() < max) {
					documents.add(hit.path("_id").asString() + "\n" + json.writeValueAsString(hit.path("_source")));
				}
			}
			page = read(send("POST", "/_search/scroll",
					json.writeValueAsString(Map.of("scroll", "1m", "scroll_id", scroll))));
			scroll = page.path("_scroll_id").asString();
		}
		send("DELETE", "/_search/scroll", json.writeValueAsString(Map.of("scroll_id", scroll)));
		return documents;
	}

	/**
	 * Creates {@code index} with the mapping and analysis settings of the article index.
	 */
	void createLike(String index) throws IOException, InterruptedException {
		JsonNode source = read(send("GET", "/" + ALIAS, null));
		JsonNode concrete = source.properties().iterator().next().getValue();
		ObjectNode settings = json.createObjectNode();
		Iterator<Map.Entry<String, JsonNode>> fields = concrete.path("settings").path("index").properties().iterator();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			if (COPIED_SETTINGS.contains(field.getKey())) {
				settings.set(field.getKey(), field.getValue());
			}
		}
		ObjectNode body = json.createObjectNode();
		body.putObject("settings").set("index", settings);
		body.set("mappings", concrete.path("mappings"));
		read(send("PUT", "/" + index, json.writeValueAsString(body)));
	}

	/**
	 * Writes the documents with sequential {@code _bulk} requests of {@code batch}, then
	 * refreshes, as search-service would; returns the seconds it took.
	 */
	double bulk(String index, List<String> documents, int batch) throws IOException, InterruptedException {
		long start = System.nanoTime();
		for (int from = 0; from < documents.size(); from += batch) {
			StringBuilder body = new StringBuilder();
			for (String document : documents.subList(from, Math.min(documents.size(), from + batch))) {
				int newline = document.indexOf('\n');
				body.append("{\"index\":{\"_id\":\"")
					.append(document, 0, newline)
					.append("\"}}\n")
					.append(document, newline + 1, document.length())
					.append('\n');
			}
			JsonNode response = read(send("POST", "/" + index + "/_bulk", body.toString(), "application/x-ndjson"));
			if (response.path("errors").asBoolean()) {
				throw new IllegalStateException("raw bulk had errors: " + response.toString().substring(0, 500));
			}
		}
		read(send("POST", "/" + index + "/_refresh", null));
		return (System.nanoTime() - start) / 1e9;
	}

	/**
	 * One top-level field of the source of each document found, by id, read with
	 * {@code _mget} in requests of 1,000 ids.
	 * @param index the index or alias
	 * @param ids the document ids
	 * @param field the source field
	 * @return the field's text by document id, for the documents that exist and have it
	 */
	Map<String, String> sourceField(String index, Collection<String> ids, String field)
			throws IOException, InterruptedException {
		Map<String, String> values = new LinkedHashMap<>();
		List<String> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += 1000) {
			String body = json.writeValueAsString(Map.of("ids", all.subList(from, Math.min(all.size(), from + 1000))));
			HttpResponse<String> response = send("POST", "/" + index + "/_mget?_source_includes=" + field, body);
			if (response.statusCode() == 404) {
				return values;
			}
			for (JsonNode doc : read(response).path("docs")) {
				JsonNode value = doc.path("_source").path(field);
				if (doc.path("found").asBoolean() && value.isString()) {
					values.put(doc.path("_id").asString(), value.asString());
				}
			}
		}
		return values;
	}

	void delete(String index) throws IOException, InterruptedException {
		send("DELETE", "/" + index, null);
	}

	private HttpResponse<String> send(String method, String path, String body)
			throws IOException, InterruptedException {
		return send(method, path, body, "application/json");
	}

	private HttpResponse<String> send(String method, String path, String body, String type)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.url + path))
			.timeout(Duration.ofSeconds(60))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", type);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode read(HttpResponse<String> response) {
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException("Elasticsearch answered " + response.statusCode() + ": " + response.body());
		}
		return json.readTree(response.body());
	}

}

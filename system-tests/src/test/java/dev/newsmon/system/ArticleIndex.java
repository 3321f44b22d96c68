package dev.newsmon.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The article index of search-service, read straight from Elasticsearch: the document
 * {@code _id} is the article id, so an id either is in the index once or not at all.
 */
final class ArticleIndex {

	/** search-service's alias (newsmon.search.index.alias). */
	private static final String ALIAS = "news-articles";

	/** Ids per request: below the 10,000 hits a search returns at most. */
	private static final int CHUNK = 5000;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String url;

	ArticleIndex(String url) {
		this.url = url;
	}

	/** The documents in the index, as of its last refresh; 0 while it does not exist. */
	long count() throws IOException, InterruptedException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/" + ALIAS + "/_count")).GET());
		if (response.statusCode() == 404) {
			return 0;
		}
		return read(response).path("count").asLong();
	}

	/** Which of the ids are in the index, as of its last refresh. */
	Set<String> present(Set<String> ids) throws IOException, InterruptedException {
		Set<String> present = new HashSet<>();
		List<String> all = new ArrayList<>(ids);
		for (int from = 0; from < all.size(); from += CHUNK) {
			List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
			String body = json.writeValueAsString(
					Map.of("size", chunk.size(), "_source", false, "query", Map.of("ids", Map.of("values", chunk))));
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/" + ALIAS + "/_search"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
			if (response.statusCode() == 404) {
				return present;
			}
			read(response).path("hits").path("hits").forEach((hit) -> present.add(hit.path("_id").asString()));
		}
		return present;
	}

	/** Makes every write so far visible to {@link #count()} and {@link #present}. */
	void refresh() throws IOException, InterruptedException {
		read(send(HttpRequest.newBuilder(uri("/" + ALIAS + "/_refresh")).POST(HttpRequest.BodyPublishers.noBody())));
	}

	private URI uri(String path) {
		return URI.create(this.url + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode read(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Elasticsearch answered " + response.statusCode() + ": " + response.body());
		}
		return json.readTree(response.body());
	}

}

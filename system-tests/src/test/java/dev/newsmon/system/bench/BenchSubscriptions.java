package dev.newsmon.system.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.json.JsonMapper;

/**
 * Creates a benchmark's subscriptions through {@code POST /api/subscriptions}, eight
 * requests at a time, as users would.
 */
final class BenchSubscriptions {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private BenchSubscriptions() {
	}

	/**
	 * Creates the subscriptions.
	 * @param search the search-service to create them in
	 * @param apiKey its API key
	 * @param bodies the request bodies, in order
	 * @param notes where a refusal is noted (the first one's reason, and how many)
	 * @return the ids of the created subscriptions, in the order of the bodies,
	 * {@code null} where one was refused
	 * @throws InterruptedException if interrupted while waiting for the answers
	 */
	static List<String> create(ServiceJvm search, String apiKey, List<?> bodies, List<String> notes)
			throws InterruptedException {
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> answers = new ArrayList<>();
			for (Object body : bodies) {
				String payload = json.writeValueAsString(body);
				answers.add(executor.submit(() -> {
					HttpResponse<String> response = http.send(HttpRequest.newBuilder(search.uri("/api/subscriptions"))
						.header("Authorization", "Bearer " + apiKey)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(payload))
						.build(), HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() != 201) {
						throw new IllegalStateException(
								"subscribing: " + response.statusCode() + " " + response.body());
					}
					return json.readTree(response.body()).path("id").asString();
				}));
			}
			List<String> ids = new ArrayList<>();
			int failed = 0;
			for (Future<String> answer : answers) {
				try {
					ids.add(answer.get());
				}
				catch (ExecutionException ex) {
					ids.add(null);
					if (failed++ == 0) {
						notes.add("subscriptions refused, the first: " + ex.getCause().getMessage());
					}
				}
			}
			if (failed > 0) {
				notes.add(failed + " of " + bodies.size() + " subscriptions refused");
			}
			return ids;
		}
		finally {
			executor.shutdown();
		}
	}

}

package dev.newsmon.search.indexing;

import java.io.InputStream;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.ArticleFetched;
import dev.newsmon.search.cjk.CjkTokenizer;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An index created before topics kept their evidence gets the new field at start-up (ADR
 * 0013), on the real Elasticsearch (ELASTICSEARCH_URL): before, it refuses a document
 * with evidence; after, it stores it, and documents without evidence still read.
 */
class TopicEvidenceMappingIntegrationTests {

	private static final String ALIAS = "it-evidence-" + UUID.randomUUID().toString().substring(0, 8);

	private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static Rest5Client rest;

	private static ElasticsearchClient client;

	private final IndexProperties properties = new IndexProperties(ALIAS, 2, 0, false, 5);

	private final ArticleIndexer indexer = new ArticleIndexer(client, this.properties, new CjkTokenizer(),
			Clock.systemUTC(), new IndexingHealth(this.properties, Clock.systemUTC()));

	@BeforeAll
	static void createAnIndexWithTheMappingOfTheLastRelease() throws Exception {
		String url = System.getenv("ELASTICSEARCH_URL");
		assertThat(url).as("ELASTICSEARCH_URL of the test Elasticsearch").isNotBlank();
		rest = Rest5Client.builder(HttpHost.create(url)).build();
		client = new ElasticsearchClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
		ObjectNode body;
		try (InputStream in = TopicEvidenceMappingIntegrationTests.class
			.getResourceAsStream("/elasticsearch/news-articles-v2.json")) {
			body = (ObjectNode) json.readTree(in);
		}
		// v2 as it was before evidence was kept
		ObjectNode topics = (ObjectNode) body.at("/mappings/properties/topics/properties");
		assertThat(topics.remove("evidence")).isNotNull();
		body.putObject("aliases").putObject(ALIAS).put("is_write_index", true);
		client.indices().create((create) -> create.index(ALIAS + "-v2").withJson(new StringReader(body.toString())));
	}

	@AfterAll
	static void deleteTheIndex() throws Exception {
		client.indices().delete((delete) -> delete.index(ALIAS + "-v2"));
		client.indices().deleteIndexTemplate((delete) -> delete.name(ALIAS));
		rest.close();
	}

	@Test
	void anOlderIndexGetsTheEvidenceFieldAtStartUp() throws Exception {
		ArticleAnalyzed old = article("old-1", List.of());
		ArticleAnalyzed withEvidence = article("new-1", List.of(
				new ArticleAnalyzed.Evidence("title", "north korea", "North Korea", 0, 11),
				new ArticleAnalyzed.Evidence("summary", "missile", "<img src=x onerror=alert(1)>missile", 14, 49)));

		// the last release's documents fit the old mapping; evidence does not
		assertThat(this.indexer.index(List.of(old))).isEmpty();
		assertThat(this.indexer.index(List.of(withEvidence))).singleElement()
			.satisfies((rejection) -> assertThat(rejection.reason()).contains("strict_dynamic_mapping_exception"));

		new ArticleIndex(client, this.properties).afterPropertiesSet();
		// a second start changes nothing
		new ArticleIndex(client, this.properties).afterPropertiesSet();

		Property evidence = evidenceMapping();
		assertThat(evidence.isObject()).isTrue();
		assertThat(evidence.object().enabled()).isFalse();
		assertThat(this.indexer.index(List.of(withEvidence))).isEmpty();

		ArticleDocument stored = get(ALIAS + "-new-1");
		assertThat(stored.topics()).singleElement().satisfies((topic) -> {
			assertThat(topic.score()).isEqualTo(0.9);
			assertThat(topic.evidence()).containsExactly(
					new ArticleDocument.Evidence("title", "north korea", "North Korea", 0, 11),
					new ArticleDocument.Evidence("summary", "missile", "<img src=x onerror=alert(1)>missile", 14, 49));
		});
		ArticleDocument older = get(ALIAS + "-old-1");
		assertThat(older.topics()).singleElement().satisfies((topic) -> {
			assertThat(topic.id()).isEqualTo("north-korea");
			assertThat(topic.evidence()).isEmpty();
		});

		// stored, never searched: the evidence text matches nothing
		client.indices().refresh((refresh) -> refresh.index(ALIAS));
		long hits = client
			.count((count) -> count.index(ALIAS).query((query) -> query.queryString((q) -> q.query("onerror"))))
			.count();
		assertThat(hits).isZero();
	}

	private static ArticleDocument get(String id) throws Exception {
		GetResponse<ArticleDocument> response = client.get((get) -> get.index(ALIAS).id(id), ArticleDocument.class);
		assertThat(response.found()).isTrue();
		return response.source();
	}

	private static Property evidenceMapping() throws Exception {
		TypeMapping mapping = client.indices()
			.getMapping((get) -> get.index(ALIAS + "-v2"))
			.get(ALIAS + "-v2")
			.mappings();
		return mapping.properties().get("topics").object().properties().get("evidence");
	}

	private static ArticleAnalyzed article(String id, List<ArticleAnalyzed.Evidence> evidence) {
		ArticleFetched article = new ArticleFetched(1, ALIAS + "-" + id, "https://example.org/" + id, "feed-1",
				"Example News", "North Korea fires a missile", "A summary.", "", null, List.of(), "en", NOW, NOW, "",
				List.of());
		return new ArticleAnalyzed(1, article, "en",
				List.of(new ArticleAnalyzed.TopicTag("north-korea", 0.9, evidence)), List.of(), 42L, "c1", NOW);
	}

}

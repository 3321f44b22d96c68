package dev.newsmon.search.indexing;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Makes sure, at start-up, that the index template, the versioned index and the alias
 * exist. Safe when several replicas start at once: the template is written with the same
 * content by each, and losing the race to create the index is not an error. An index that
 * exists already gets the fields its version's mapping file gained since it was created
 * (ADR 0013).
 * <p>
 * When the alias points at an older version and {@code newsmon.search.index.migrate} is
 * set, the new version's index is created beside it, without the alias: the alias moves
 * only once the new index has caught up ({@link #switchAlias()}).
 */
@Component
public class ArticleIndex implements InitializingBean {

	private static final Log logger = LogFactory.getLog(ArticleIndex.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ElasticsearchClient client;

	private final IndexProperties properties;

	private volatile Set<String> migratingFrom = Set.of();

	ArticleIndex(ElasticsearchClient client, IndexProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	@Override
	public void afterPropertiesSet() throws IOException {
		putTemplate();
		String alias = this.properties.alias();
		String index = this.properties.indexName();
		Set<String> current = indicesBehindAlias();
		for (String behind : current) {
			addNewFields(behind);
		}
		if (current.contains(index)) {
			return;
		}
		if (!current.isEmpty()) {
			if (!this.properties.migrate()) {
				logger.warn("Alias " + alias + " points at " + current + ", not at " + index
						+ "; articles are written there. Start with newsmon.search.index.migrate=true to move to "
						+ index);
				return;
			}
			createIndex(index, null);
			this.migratingFrom = current;
			logger.info("Migrating alias " + alias + " from " + current + " to " + index);
			return;
		}
		if (this.client.indices().exists((request) -> request.index(index)).value()) {
			addNewFields(index);
			this.client.indices()
				.updateAliases((request) -> request
					.actions((action) -> action.add((add) -> add.index(index).alias(alias).isWriteIndex(true))));
			logger.info("Pointed alias " + alias + " at the existing index " + index);
			return;
		}
		createIndex(index, alias);
	}

	/**
	 * Whether this instance is moving the alias to a new mapping version.
	 * @return {@code true} when the alias points at an older index and migration was
	 * asked for
	 */
	public boolean migrationPending() {
		return !this.migratingFrom.isEmpty();
	}

	/**
	 * The index of this mapping version.
	 * @return its name
	 */
	public String indexName() {
		return this.properties.indexName();
	}

	/**
	 * Moves the alias from the older indices to this version's index in one request, so
	 * that readers and writers never see both or neither. The older indices are kept for
	 * a rollback.
	 * @throws IOException when Elasticsearch cannot be reached
	 */
	public void switchAlias() throws IOException {
		String alias = this.properties.alias();
		String index = this.properties.indexName();
		List<Action> actions = new java.util.ArrayList<>();
		for (String old : this.migratingFrom) {
			actions.add(Action.of((action) -> action.remove((remove) -> remove.index(old).alias(alias))));
		}
		actions.add(Action.of((action) -> action.add((add) -> add.index(index).alias(alias).isWriteIndex(true))));
		this.client.indices().updateAliases((request) -> request.actions(actions));
		logger.info("Switched alias " + alias + " from " + this.migratingFrom + " to " + index);
		this.migratingFrom = Set.of();
	}

	private Set<String> indicesBehindAlias() throws IOException {
		String alias = this.properties.alias();
		if (!this.client.indices().existsAlias((request) -> request.name(alias)).value()) {
			return Set.of();
		}
		return new TreeSet<>(this.client.indices().getAlias((request) -> request.name(alias)).aliases().keySet());
	}

	private void putTemplate() throws IOException {
		String alias = this.properties.alias();
		try (InputStream mapping = new ClassPathResource(this.properties.mappingResource()).getInputStream()) {
			this.client.indices()
				.putIndexTemplate((request) -> request.name(alias)
					.indexPatterns(alias + "-v*")
					.priority(100L)
					.template((template) -> template.withJson(mapping)));
		}
	}

	/**
	 * Adds to an existing index the fields that the mapping file of its version gained
	 * since the index was created. A version's file only ever gains fields that are not
	 * indexed (ADR 0013), so Elasticsearch merges them into the live index; on an index
	 * that has them already the request changes nothing.
	 */
	private void addNewFields(String index) throws IOException {
		String prefix = this.properties.alias() + "-v";
		String version = index.startsWith(prefix) ? index.substring(prefix.length()) : "";
		ClassPathResource resource = version.matches("[0-9]{1,9}")
				? new ClassPathResource(IndexProperties.mappingResource(Integer.parseInt(version))) : null;
		if (resource == null || !resource.exists()) {
			logger.warn("No mapping file for index " + index + "; its mapping is left as it is");
			return;
		}
		String mappings;
		try (InputStream in = resource.getInputStream()) {
			mappings = json.readTree(in).required("mappings").toString();
		}
		this.client.indices().putMapping((request) -> request.index(index).withJson(new StringReader(mappings)));
		logger.info("Mapping of index " + index + " is up to date with " + resource.getPath());
	}

	private void createIndex(String index, String alias) throws IOException {
		try {
			// the alias is created with the index, atomically: readers never see one
			// without the other
			this.client.indices().create((request) -> {
				request.index(index)
					.settings((settings) -> settings.numberOfReplicas(String.valueOf(this.properties.replicas())));
				if (alias != null) {
					request.aliases(alias, (a) -> a.isWriteIndex(true));
				}
				return request;
			});
			logger.info("Created index " + index + ((alias != null) ? " behind alias " + alias : ""));
		}
		catch (ElasticsearchException ex) {
			if (!"resource_already_exists_exception".equals(ex.error().type())) {
				throw ex;
			}
		}
	}

}

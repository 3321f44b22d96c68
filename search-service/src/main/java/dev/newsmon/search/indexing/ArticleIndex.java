package dev.newsmon.search.indexing;

import java.io.IOException;
import java.io.InputStream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Makes sure, at start-up, that the index template, the versioned index and the alias
 * exist. Safe when several replicas start at once: the template is written with the same
 * content by each, and losing the race to create the index is not an error.
 */
@Component
class ArticleIndex implements InitializingBean {

	private static final Log logger = LogFactory.getLog(ArticleIndex.class);

	private final ElasticsearchClient client;

	private final IndexProperties properties;

	ArticleIndex(ElasticsearchClient client, IndexProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	@Override
	public void afterPropertiesSet() throws IOException {
		putTemplate();
		String alias = this.properties.alias();
		if (this.client.indices().existsAlias((request) -> request.name(alias)).value()) {
			return;
		}
		String index = this.properties.indexName();
		if (this.client.indices().exists((request) -> request.index(index)).value()) {
			this.client.indices()
				.updateAliases((request) -> request
					.actions((action) -> action.add((add) -> add.index(index).alias(alias).isWriteIndex(true))));
			logger.info("Pointed alias " + alias + " at the existing index " + index);
			return;
		}
		createIndex(index, alias);
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

	private void createIndex(String index, String alias) throws IOException {
		try {
			// the alias is created with the index, atomically: readers never see one
			// without
			// the other
			this.client.indices()
				.create((request) -> request.index(index)
					.settings((settings) -> settings.numberOfReplicas(String.valueOf(this.properties.replicas())))
					.aliases(alias, (a) -> a.isWriteIndex(true)));
			logger.info("Created index " + index + " behind alias " + alias);
		}
		catch (ElasticsearchException ex) {
			if (!"resource_already_exists_exception".equals(ex.error().type())) {
				throw ex;
			}
		}
	}

}

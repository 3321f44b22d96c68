package dev.newsmon.search.indexing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where articles are stored in Elasticsearch.
 *
 * @param alias the alias that readers and writers use; the index template has the same
 * name and matches {@code <alias>-v*}
 * @param version the mapping version: the index behind the alias is
 * {@code <alias>-v<version>} and its mapping is
 * {@code elasticsearch/news-articles-v<version>.json}
 * @param replicas the number of replicas of the index (0 on a single node)
 * @param migrate whether to move to this version when the alias points at an older one:
 * the service creates the new index, replays the articles topic into it with a consumer
 * group of its own and switches the alias once caught up (docs/search-operations.md)
 * @param unhealthyAfter after how many failed bulk attempts in a row the {@code indexing}
 * health component reports {@code DOWN}
 */
@ConfigurationProperties("newsmon.search.index")
public record IndexProperties(@DefaultValue("news-articles") String alias, @DefaultValue("1") int version,
		@DefaultValue("0") int replicas, @DefaultValue("false") boolean migrate,
		@DefaultValue("5") int unhealthyAfter) {

	/**
	 * The name of the versioned index behind the alias.
	 * @return {@code <alias>-v<version>}
	 */
	public String indexName() {
		return this.alias + "-v" + this.version;
	}

	String mappingResource() {
		return mappingResource(this.version);
	}

	static String mappingResource(int version) {
		return "elasticsearch/news-articles-v" + version + ".json";
	}

}

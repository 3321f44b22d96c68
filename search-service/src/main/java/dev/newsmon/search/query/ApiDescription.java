package dev.newsmon.search.query;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title of the OpenAPI description that springdoc serves at {@code /v3/api-docs} (and
 * as a page at {@code /swagger-ui.html}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

	@Bean
	OpenAPI newsmonSearchApi() {
		return new OpenAPI().info(new Info().title("newsmon search-service")
			.description("Full-text search over news about Asia–NATO security in English, Japanese and Korean: "
					+ "search with facets and cursors, articles, similar articles, stories.")
			.version("v1"));
	}

}

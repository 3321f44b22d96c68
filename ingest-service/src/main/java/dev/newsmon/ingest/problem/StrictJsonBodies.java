package dev.newsmon.ingest.problem;

import dev.newsmon.problem.StrictJson;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies of the API are read strictly: an unknown field or trailing content is a
 * 400, not silently ignored. Only the server's JSON converter is strict; the
 * application's {@link JsonMapper}, which also reads the feed registry's Kafka records,
 * keeps ignoring unknown fields so that records of a newer replica stay readable.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonBodies {

	@Bean
	ServerHttpMessageConvertersCustomizer strictJsonConverter(JsonMapper jsonMapper) {
		// runs after Boot's own customizer (order 0), so this converter takes its place
		return (builder) -> builder.withJsonConverter(StrictJson.converter(jsonMapper));
	}

}

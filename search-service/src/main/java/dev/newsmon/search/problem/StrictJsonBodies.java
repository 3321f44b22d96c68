package dev.newsmon.search.problem;

import dev.newsmon.problem.StrictJson;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies of the API are read strictly: an unknown field or trailing content is a
 * 400, not silently ignored ({@code POST /api/subscriptions} reads its body itself, as
 * strictly). Only the server's JSON converter is strict: the application's
 * {@link JsonMapper}, which also reads the subscriptions topic, and the Kafka
 * deserializers keep ignoring unknown fields, so that records of a newer producer stay
 * readable.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonBodies {

	@Bean
	ServerHttpMessageConvertersCustomizer strictJsonConverter(JsonMapper jsonMapper) {
		// runs after Boot's own customizer (order 0), so this converter takes its place
		return (builder) -> builder.withJsonConverter(StrictJson.converter(jsonMapper));
	}

}

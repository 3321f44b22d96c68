package dev.newsmon.analysis.problem;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * Request bodies of the API are read strictly: an unknown field or trailing content is a
 * 400 (issue 9), not silently ignored. Only the server's JSON converter is strict: the
 * application's {@link JsonMapper} and the Kafka deserializers keep ignoring unknown
 * fields, so that records of a newer producer stay readable.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonBodies {

	@Bean
	ServerHttpMessageConvertersCustomizer strictJsonConverter(JsonMapper jsonMapper) {
		// runs after Boot's own customizer (order 0), so this converter takes its place
		return (builder) -> builder.withJsonConverter(converter(jsonMapper));
	}

	static JacksonJsonHttpMessageConverter converter(JsonMapper jsonMapper) {
		return new JacksonJsonHttpMessageConverter(jsonMapper.rebuild()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build());
	}

}

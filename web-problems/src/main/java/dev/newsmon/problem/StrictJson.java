package dev.newsmon.problem;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * How the services read request bodies: an unknown field or trailing content is an error
 * ({@link UnreadableJson} turns it into a 400), not silently ignored. Only the server's
 * converter is strict; a service's own {@link JsonMapper}, which may also read Kafka
 * records, keeps ignoring unknown fields so that records of a newer replica stay
 * readable.
 */
public final class StrictJson {

	private StrictJson() {
	}

	/**
	 * A converter that reads with a strict copy of the given mapper.
	 * @param jsonMapper the application's mapper, left as it is
	 * @return the converter
	 */
	public static JacksonJsonHttpMessageConverter converter(JsonMapper jsonMapper) {
		return new JacksonJsonHttpMessageConverter(jsonMapper.rebuild()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build());
	}

}

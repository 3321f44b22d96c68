package dev.newsmon.analysis.messaging;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * Writes record values as JSON without type headers, and dead letters that could not be
 * read as their original bytes. Named in {@code spring.kafka.producer.value-serializer},
 * so Kafka creates it.
 */
public class RecordValueSerializer implements Serializer<Object> {

	private final JacksonJsonSerializer<Object> json = new JacksonJsonSerializer<>().noTypeInfo();

	@Override
	public byte[] serialize(String topic, Object data) {
		return (data instanceof byte[] bytes) ? bytes : this.json.serialize(topic, data);
	}

	@Override
	public byte[] serialize(String topic, Headers headers, Object data) {
		return (data instanceof byte[] bytes) ? bytes : this.json.serialize(topic, headers, data);
	}

	@Override
	public void close() {
		this.json.close();
	}

}

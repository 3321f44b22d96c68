package dev.newsmon.search.messaging;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * Writes dead letters: the original bytes of a record that could not be read, or the JSON
 * of a record that was read but could not be indexed. Named in
 * {@code spring.kafka.producer.value-serializer}, so Kafka creates it.
 */
public class DeadLetterValueSerializer implements Serializer<Object> {

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

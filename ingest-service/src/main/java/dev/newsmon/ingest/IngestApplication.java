package dev.newsmon.ingest;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * ingest-service: keeps the feed registry, polls the feeds, parses and cleans their items
 * and publishes each new article on Kafka.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		SpringApplication.run(IngestApplication.class, args);
	}

}

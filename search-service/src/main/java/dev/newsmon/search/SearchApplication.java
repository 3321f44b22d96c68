package dev.newsmon.search;

import java.time.Clock;

import dev.newsmon.search.cjk.CjkTokenizer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Starts the search service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SearchApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	CjkTokenizer cjkTokenizer() {
		return new CjkTokenizer();
	}

	public static void main(String[] args) {
		SpringApplication.run(SearchApplication.class, args);
	}

}

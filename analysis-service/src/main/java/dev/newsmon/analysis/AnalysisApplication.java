package dev.newsmon.analysis;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The analysis service: reads fetched articles, detects their language, tags their topics
 * with evidence, hashes them for near-duplicates and publishes the analysis.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AnalysisApplication {

	public static void main(String[] args) {
		SpringApplication.run(AnalysisApplication.class, args);
	}

}

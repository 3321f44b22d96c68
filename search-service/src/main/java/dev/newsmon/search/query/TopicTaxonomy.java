package dev.newsmon.search.query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

/**
 * The topic ids of the taxonomy, read from {@code taxonomy/topic-ids.txt}.
 */
public final class TopicTaxonomy {

	private TopicTaxonomy() {
	}

	/**
	 * The topic ids.
	 * @return the ids
	 */
	public static Set<String> topicIds() {
		try (InputStream in = new ClassPathResource("taxonomy/topic-ids.txt").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new IllegalStateException("The taxonomy could not be read", ex);
		}
	}

}

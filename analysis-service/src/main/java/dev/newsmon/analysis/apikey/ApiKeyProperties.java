package dev.newsmon.analysis.apikey;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The API key.
 *
 * @param apiKey the key that writes need ({@code Authorization: Bearer <key>}), bound to
 * {@code NEWSMON_API_KEY}; when empty, every write is refused
 */
@ConfigurationProperties("newsmon")
record ApiKeyProperties(String apiKey) {

}

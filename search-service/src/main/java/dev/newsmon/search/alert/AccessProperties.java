package dev.newsmon.search.alert;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may write subscriptions and where webhooks may point.
 *
 * @param apiKey the key that writes need ({@code Authorization: Bearer <key>}), bound to
 * {@code NEWSMON_API_KEY}; when empty, every write is refused
 * @param allowedNetworks CIDR blocks exempt from the private-address rule for webhooks
 * (bound to {@code NEWSMON_ALLOWED_NETWORKS}, comma separated)
 */
@ConfigurationProperties("newsmon")
record AccessProperties(String apiKey, @DefaultValue List<String> allowedNetworks) {

}

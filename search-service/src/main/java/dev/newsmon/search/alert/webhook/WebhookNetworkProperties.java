package dev.newsmon.search.alert.webhook;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which networks webhook receivers may live in besides the public internet.
 *
 * @param allowedNetworks CIDR blocks exempt from the private-address rule (bound to
 * {@code NEWSMON_ALLOWED_NETWORKS}, comma separated)
 */
@ConfigurationProperties("newsmon")
public record WebhookNetworkProperties(@DefaultValue List<String> allowedNetworks) {

}

package dev.newsmon.ingest.fetcher;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which networks feeds may live in besides the public internet.
 *
 * @param allowedNetworks CIDR blocks exempt from the private-address rule (bound to
 * {@code NEWSMON_ALLOWED_NETWORKS}, comma separated)
 */
@ConfigurationProperties("newsmon")
record NetworkProperties(@DefaultValue List<String> allowedNetworks) {

}

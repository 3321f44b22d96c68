package dev.newsmon.ingest.demo;

import java.net.InetAddress;

import dev.newsmon.ingest.feed.FeedRegistry;
import dev.newsmon.ingest.feed.InvalidFeedException;
import dev.newsmon.ingest.feed.NewFeed;
import dev.newsmon.ingest.fetcher.AddressPolicy;
import dev.newsmon.ingest.fetcher.RefusedAddressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Registers the demo feeds once the web server that serves them listens, under their
 * loopback URLs.
 */
@Component
@ConditionalOnBooleanProperty("newsmon.ingest.demo.enabled")
class DemoFeedRegistrar implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger logger = LoggerFactory.getLogger(DemoFeedRegistrar.class);

	private static final int INTERVAL_SECONDS = 600;

	private final FeedRegistry registry;

	private final AddressPolicy addressPolicy;

	private final DemoProperties properties;

	DemoFeedRegistrar(FeedRegistry registry, AddressPolicy addressPolicy, DemoProperties properties) {
		this.registry = registry;
		this.addressPolicy = addressPolicy;
		this.properties = properties;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getParent() != null) {
			// the management server, when it has a port of its own
			return;
		}
		try {
			this.addressPolicy.check("127.0.0.1", InetAddress.getLoopbackAddress());
		}
		catch (RefusedAddressException ex) {
			logger.warn("Demo feeds are enabled but not registered: they are served on 127.0.0.1, which "
					+ "NEWSMON_ALLOWED_NETWORKS must allow (for example 127.0.0.0/8)");
			return;
		}
		int port = event.getWebServer().getPort();
		for (DemoProperties.DemoFeed feed : this.properties.feeds()) {
			String url = "http://127.0.0.1:" + port + "/demo/feeds/" + feed.id() + ".xml";
			try {
				this.registry.register(new NewFeed(url, feed.name(), feed.language(), INTERVAL_SECONDS, null), true);
			}
			catch (InvalidFeedException ex) {
				logger.warn("Demo feed '{}' not registered: {}", feed.id(), ex.getMessage());
			}
		}
		logger.info("Serving and registered {} demo feeds on port {}", this.properties.feeds().size(), port);
	}

}

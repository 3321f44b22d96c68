package dev.newsmon.search.alert.email;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How alert mails are sent. The SMTP server itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param from the sender address
 * @param window how long alerts to one address are gathered before they go out as one
 * mail (a single alert in the window goes out alone)
 * @param maxItems the most alerts in one mail; a full digest goes out at once
 * @param attempts how many times a mail is tried before its alerts are recorded as failed
 * @param retryBackoff the wait after the first failed try (doubling each time)
 * @param publicUrl the address users reach the service at, for the unsubscribe hint
 */
@ConfigurationProperties("newsmon.search.alert.email")
public record EmailProperties(@DefaultValue("newsmon <newsmon@localhost>") String from,
		@DefaultValue("2m") Duration window, @DefaultValue("50") int maxItems, @DefaultValue("4") int attempts,
		@DefaultValue("15s") Duration retryBackoff, @DefaultValue("http://localhost:8080") String publicUrl) {

}

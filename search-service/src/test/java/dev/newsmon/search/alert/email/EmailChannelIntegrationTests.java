package dev.newsmon.search.alert.email;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.newsmon.search.alert.Alert;
import dev.newsmon.search.alert.AlertChannel.Outcome;
import dev.newsmon.search.alert.Subscription;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The email channel against a real SMTP server (GreenMail) running inside the test.
 */
class EmailChannelIntegrationTests {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private final List<EmailChannel> channels = new ArrayList<>();

	@AfterEach
	void stop() {
		this.channels.forEach(EmailChannel::destroy);
	}

	@Test
	void sendsASingleAlertAsOneMail() throws Exception {
		EmailChannel channel = channel(sender(smtp.getSmtp().getPort()), 50);

		Outcome outcome = channel.deliver(alert("reader@example.org", "a1", "Missile launch over the sea"))
			.get(10, TimeUnit.SECONDS);

		assertThat(outcome.delivered()).isTrue();
		assertThat(outcome.attempts()).isEqualTo(1);
		assertThat(outcome.detail()).isEqualTo("sent to reader@example.org alone");
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).isEqualTo("[newsmon] Missiles: Missile launch over the sea");
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("reader@example.org");
		assertThat(received[0].getHeader("Auto-Submitted")).containsExactly("auto-generated");
		assertThat(part(received[0], "text/plain")).contains("https://news.example/a1");
		assertThat(part(received[0], "text/html")).contains("<a href=\"https://news.example/a1\">");
	}

	@Test
	void gathersAlertsWithinTheWindowIntoOneDigest() throws Exception {
		EmailChannel channel = channel(sender(smtp.getSmtp().getPort()), 50);
		List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			outcomes.add(channel.deliver(alert("Digest@Example.org", "d" + i, "Story number " + i)));
		}
		// another address gets its own mail
		outcomes.add(channel.deliver(alert("other@example.org", "o1", "Only story")));

		for (CompletableFuture<Outcome> outcome : outcomes) {
			assertThat(outcome.get(10, TimeUnit.SECONDS).delivered()).isTrue();
		}
		assertThat(outcomes.get(0).get().detail()).isEqualTo("sent to Digest@Example.org in a digest of 5 alerts");
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(2);
		MimeMessage digest = received[0].getSubject().startsWith("[newsmon] 5") ? received[0] : received[1];
		assertThat(digest.getSubject()).isEqualTo("[newsmon] 5 new alerts for Missiles");
		assertThat(part(digest, "text/plain")).containsSubsequence("5 new for your subscription \"Missiles\"",
				"Story number 1", "Story number 2", "Story number 3", "Story number 4", "Story number 5",
				"/api/subscriptions/sub-1");
	}

	@Test
	void sendsAFullDigestWithoutWaitingForTheWindow() throws Exception {
		EmailChannel channel = channel(sender(smtp.getSmtp().getPort()), 3, Duration.ofMinutes(10));
		List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			outcomes.add(channel.deliver(alert("full@example.org", "f" + i, "Full " + i)));
		}

		for (CompletableFuture<Outcome> outcome : outcomes) {
			assertThat(outcome.get(10, TimeUnit.SECONDS).delivered()).isTrue();
		}
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void failsAfterBoundedRetriesWhenSmtpIsDown() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		EmailChannel channel = channel(sender(closedPort), 50);

		List<CompletableFuture<Outcome>> outcomes = List.of(channel.deliver(alert("down@example.org", "x1", "One")),
				channel.deliver(alert("down@example.org", "x2", "Two")));

		for (CompletableFuture<Outcome> future : outcomes) {
			Outcome outcome = future.get(10, TimeUnit.SECONDS);
			assertThat(outcome.delivered()).isFalse();
			assertThat(outcome.attempts()).isEqualTo(3);
			assertThat(outcome.detail()).startsWith("SMTP failed 3 times");
		}
	}

	@Test
	void failsAtOnceWithoutAnSmtpServer() throws Exception {
		EmailChannel channel = new EmailChannel(properties(50, Duration.ofMillis(300)),
				new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), new SimpleMeterRegistry(),
				Clock.systemUTC());
		this.channels.add(channel);

		Outcome outcome = channel.deliver(alert("reader@example.org", "n1", "None")).get(1, TimeUnit.SECONDS);

		assertThat(outcome.delivered()).isFalse();
		assertThat(outcome.attempts()).isZero();
		assertThat(outcome.detail()).contains("spring.mail.host");
	}

	@Test
	void refusesAnInvalidAddress() throws Exception {
		EmailChannel channel = channel(sender(smtp.getSmtp().getPort()), 50);

		Outcome outcome = channel.deliver(alert("not an address", "i1", "Invalid")).get(1, TimeUnit.SECONDS);

		assertThat(outcome.delivered()).isFalse();
		assertThat(outcome.detail()).startsWith("the email address is not valid");
	}

	private EmailChannel channel(JavaMailSender sender, int maxItems) {
		return channel(sender, maxItems, Duration.ofMillis(300));
	}

	private EmailChannel channel(JavaMailSender sender, int maxItems, Duration window) {
		ObjectProvider<JavaMailSender> provider = new StaticListableBeanFactory(Map.of("mailSender", sender))
			.getBeanProvider(JavaMailSender.class);
		EmailChannel channel = new EmailChannel(properties(maxItems, window), provider, new SimpleMeterRegistry(),
				Clock.systemUTC());
		this.channels.add(channel);
		return channel;
	}

	private static EmailProperties properties(int maxItems, Duration window) {
		return new EmailProperties("newsmon <newsmon@localhost>", window, maxItems, 3, Duration.ofMillis(50),
				"http://localhost:8080");
	}

	private static JavaMailSender sender(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		Properties properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", "2000");
		properties.put("mail.smtp.timeout", "2000");
		sender.setJavaMailProperties(properties);
		return sender;
	}

	private static Alert alert(String address, String articleId, String title) {
		Subscription subscription = new Subscription("sub-1", "Missiles", "missile", List.of(), List.of(), List.of(),
				new Subscription.Channel(Subscription.Channel.Type.EMAIL, null, null, address), false, null,
				Instant.parse("2026-11-01T00:00:00Z"));
		return AlertMailTests.alert(subscription, articleId, title, null);
	}

	private static String part(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				String found = part(body, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}

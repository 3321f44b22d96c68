package dev.newsmon.search.alert.email;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.newsmon.search.alert.Alert;
import dev.newsmon.search.alert.AlertChannel;
import dev.newsmon.search.alert.Subscription;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mails alerts through Spring Boot's {@link JavaMailSender} ({@code spring.mail.host}).
 * The first alert to an address opens a window; every alert to that address until the
 * window closes goes into the same mail (a digest), or the mail goes out early once it
 * holds {@code max-items}. Each alert's outcome completes when its mail was sent, or when
 * every try failed. Without a configured SMTP server, email alerts fail at once with a
 * detail saying so.
 */
@Component
public class EmailChannel implements AlertChannel, DisposableBean {

	private static final Log logger = LogFactory.getLog(EmailChannel.class);

	private final EmailProperties properties;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final Clock clock;

	private final MeterRegistry meters;

	private final ScheduledExecutorService executor;

	private final Map<String, Batch> open = new HashMap<>();

	private final Set<Batch> unfinished = ConcurrentHashMap.newKeySet();

	EmailChannel(EmailProperties properties, ObjectProvider<JavaMailSender> mailSender, MeterRegistry meters,
			Clock clock) {
		this.properties = properties;
		this.mailSender = mailSender;
		this.meters = meters;
		this.clock = clock;
		this.executor = Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("email-", 1).daemon().factory());
	}

	@Override
	public Subscription.Channel.Type type() {
		return Subscription.Channel.Type.EMAIL;
	}

	@Override
	public CompletableFuture<Outcome> deliver(Alert alert) {
		Subscription.Channel channel = alert.subscription().channel();
		String address = (channel != null) ? channel.email() : null;
		String invalid = invalid(address);
		if (invalid != null) {
			return failedAtOnce(invalid);
		}
		if (this.mailSender.getIfAvailable() == null) {
			return failedAtOnce("no SMTP server is configured (spring.mail.host)");
		}
		CompletableFuture<Outcome> future = new CompletableFuture<>();
		String key = address.strip().toLowerCase(Locale.ROOT);
		Batch full = null;
		synchronized (this.open) {
			Batch batch = this.open.get(key);
			if (batch == null) {
				batch = new Batch(address.strip());
				this.open.put(key, batch);
				this.unfinished.add(batch);
				Batch opened = batch;
				batch.timer = schedule(() -> close(key, opened), this.properties.window());
			}
			batch.alerts.add(alert);
			batch.futures.add(future);
			if (batch.alerts.size() >= this.properties.maxItems()) {
				this.open.remove(key);
				if (batch.timer != null) {
					batch.timer.cancel(false);
				}
				full = batch;
			}
		}
		if (full != null) {
			Batch ready = full;
			execute(() -> send(ready, 1), ready);
		}
		return future;
	}

	private static String invalid(String address) {
		if (address == null || address.isBlank()) {
			return "the subscription has no email address";
		}
		try {
			new InternetAddress(address.strip(), true).validate();
			return null;
		}
		catch (AddressException ex) {
			return "the email address is not valid: " + ex.getMessage();
		}
	}

	private CompletableFuture<Outcome> failedAtOnce(String detail) {
		this.meters.counter("newsmon.alerts.email.alerts", "outcome", "failed").increment();
		return CompletableFuture.completedFuture(new Outcome(false, 0, detail, this.clock.instant()));
	}

	private void close(String key, Batch batch) {
		synchronized (this.open) {
			if (this.open.get(key) != batch) {
				// it filled up and went out already
				return;
			}
			this.open.remove(key);
		}
		send(batch, 1);
	}

	private void send(Batch batch, int attempt) {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			complete(batch, false, attempt, "no SMTP server is configured (spring.mail.host)");
			return;
		}
		AlertMail mail = AlertMail.of(batch.alerts, this.properties.publicUrl());
		try {
			sender.send(message(sender, batch.address, mail));
			this.meters.counter("newsmon.alerts.email.mails", "outcome", "sent").increment();
			complete(batch, true, attempt, "sent to " + batch.address
					+ ((batch.alerts.size() == 1) ? " alone" : " in a digest of " + batch.alerts.size() + " alerts"));
		}
		catch (MailParseException | MailPreparationException ex) {
			this.meters.counter("newsmon.alerts.email.mails", "outcome", "failed").increment();
			complete(batch, false, attempt, "the mail could not be built: " + ex.getMessage());
		}
		catch (MailException ex) {
			if (attempt >= this.properties.attempts()) {
				this.meters.counter("newsmon.alerts.email.mails", "outcome", "failed").increment();
				complete(batch, false, attempt, "SMTP failed " + attempt + " times; last: " + rootMessage(ex));
				return;
			}
			Duration wait = this.properties.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 10));
			logger.debug("Mail to " + batch.address + " failed (try " + attempt + "), again in " + wait, ex);
			batch.timer = schedule(() -> send(batch, attempt + 1), wait);
			if (batch.timer == null) {
				complete(batch, false, attempt, "the service stopped before the mail was sent");
			}
		}
	}

	private MimeMessage message(JavaMailSender sender, String address, AlertMail mail) {
		MimeMessage message = sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
					"UTF-8");
			helper.setFrom(this.properties.from());
			helper.setTo(address);
			helper.setSubject(mail.subject());
			helper.setText(mail.text(), mail.html());
			helper.setSentDate(Date.from(this.clock.instant()));
			// RFC 3834: no out-of-office replies to machine mail
			message.setHeader("Auto-Submitted", "auto-generated");
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
		return message;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	private void complete(Batch batch, boolean delivered, int attempts, String detail) {
		if (!this.unfinished.remove(batch)) {
			return;
		}
		if (!delivered) {
			logger.info("Mail of " + batch.alerts.size() + " alert(s) to " + batch.address + " failed: " + detail);
		}
		this.meters.counter("newsmon.alerts.email.alerts", "outcome", delivered ? "delivered" : "failed")
			.increment(batch.alerts.size());
		Outcome outcome = new Outcome(delivered, attempts, detail, this.clock.instant());
		for (CompletableFuture<Outcome> future : batch.futures) {
			future.complete(outcome);
		}
	}

	private ScheduledFuture<?> schedule(Runnable task, Duration delay) {
		try {
			return this.executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			return null;
		}
	}

	private void execute(Runnable task, Batch batch) {
		try {
			this.executor.execute(task);
		}
		catch (RejectedExecutionException ex) {
			complete(batch, false, 0, "the service stopped before the mail was sent");
		}
	}

	@Override
	public void destroy() {
		synchronized (this.open) {
			this.open.clear();
		}
		this.executor.shutdownNow();
		for (Batch batch : List.copyOf(this.unfinished)) {
			complete(batch, false, 0, "the service stopped before the mail was sent");
		}
	}

	/** Alerts to one address, gathered for one mail. */
	private static final class Batch {

		private final String address;

		private final List<Alert> alerts = new ArrayList<>();

		private final List<CompletableFuture<Outcome>> futures = new ArrayList<>();

		private volatile ScheduledFuture<?> timer;

		Batch(String address) {
			this.address = address;
		}

	}

}

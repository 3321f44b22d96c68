package dev.newsmon.search.alert.email;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.newsmon.search.alert.Alert;
import dev.newsmon.search.alert.Subscription;

/**
 * The text of one mail to one address: a single alert, or a digest of several, grouped by
 * subscription, each group ending with how to stop it.
 *
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body, the same content
 */
record AlertMail(String subject, String text, String html) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	static AlertMail of(List<Alert> alerts, String publicUrl) {
		Map<Subscription, List<Alert>> bySubscription = new LinkedHashMap<>();
		for (Alert alert : alerts) {
			bySubscription.computeIfAbsent(alert.subscription(), (key) -> new ArrayList<>()).add(alert);
		}
		StringBuilder text = new StringBuilder();
		StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><body style=\"font-family:sans-serif\">\n");
		for (Map.Entry<Subscription, List<Alert>> group : bySubscription.entrySet()) {
			Subscription subscription = group.getKey();
			String heading = (group.getValue().size() == 1)
					? "New for your subscription \"" + subscription.name() + "\""
					: group.getValue().size() + " new for your subscription \"" + subscription.name() + "\"";
			text.append(heading).append(":\n\n");
			html.append("<h2>").append(escape(heading)).append("</h2>\n<ul>\n");
			for (Alert alert : group.getValue()) {
				appendText(text, alert);
				appendHtml(html, alert);
			}
			String unsubscribe = unsubscribeHint(subscription, publicUrl);
			text.append("-- \n").append(unsubscribe).append("\n\n");
			html.append("</ul>\n<p style=\"color:#666;font-size:smaller\">")
				.append(escape(unsubscribe))
				.append("</p>\n");
		}
		html.append("</body></html>\n");
		return new AlertMail(subject(alerts, bySubscription.keySet()), text.toString(), html.toString());
	}

	private static String subject(List<Alert> alerts, Set<Subscription> subscriptions) {
		if (alerts.size() == 1) {
			Alert alert = alerts.get(0);
			if (alert.trend() != null) {
				return "[newsmon] Burst for " + alert.subscription().name() + ": " + alert.trend().lastHour()
						+ " matches in the last hour";
			}
			return "[newsmon] " + alert.subscription().name() + ": " + title(alert);
		}
		if (subscriptions.size() == 1) {
			return "[newsmon] " + alerts.size() + " new alerts for " + alerts.get(0).subscription().name();
		}
		return "[newsmon] " + alerts.size() + " new alerts for " + subscriptions.size() + " subscriptions";
	}

	private static void appendText(StringBuilder text, Alert alert) {
		if (alert.trend() != null) {
			text.append("* Burst: ").append(burst(alert.trend())).append('\n');
			if (alert.article() != null) {
				text.append("  Latest: ");
			}
		}
		else {
			text.append("* ");
		}
		Alert.AlertArticle article = alert.article();
		if (article != null) {
			text.append(title(alert)).append('\n');
			text.append("  ").append(byline(article)).append('\n');
			text.append("  ").append(article.url()).append('\n');
			if (article.summary() != null && !article.summary().isBlank()) {
				text.append("  ").append(article.summary().strip()).append('\n');
			}
		}
		text.append('\n');
	}

	private static void appendHtml(StringBuilder html, Alert alert) {
		html.append("<li>");
		if (alert.trend() != null) {
			html.append("<strong>Burst:</strong> ").append(escape(burst(alert.trend())));
			if (alert.article() != null) {
				html.append("<br>Latest: ");
			}
		}
		Alert.AlertArticle article = alert.article();
		if (article != null) {
			html.append("<a href=\"")
				.append(escape(article.url()))
				.append("\">")
				.append(escape(title(alert)))
				.append("</a><br><small>")
				.append(escape(byline(article)))
				.append("</small>");
			if (article.summary() != null && !article.summary().isBlank()) {
				html.append("<br>").append(escape(article.summary().strip()));
			}
		}
		html.append("</li>\n");
	}

	private static String burst(Alert.TrendReport trend) {
		return String.format(Locale.ROOT,
				"%d matches in the last hour, against a baseline of %.1f per hour (factor %s)", trend.lastHour(),
				trend.baselinePerHour(), factor(trend.factor()));
	}

	private static String factor(double factor) {
		return (factor == Math.rint(factor)) ? Long.toString((long) factor) : Double.toString(factor);
	}

	private static String title(Alert alert) {
		Alert.AlertArticle article = alert.article();
		return (article == null || article.title() == null || article.title().isBlank()) ? "(untitled)"
				: article.title().strip();
	}

	private static String byline(Alert.AlertArticle article) {
		Instant published = article.publishedAt();
		String source = (article.source() != null) ? article.source() : "";
		return (published != null) ? source + " · " + TIME.format(published) : source;
	}

	private static String unsubscribeHint(Subscription subscription, String publicUrl) {
		String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		return "You get this mail because of the newsmon subscription \"" + subscription.name() + "\" (id "
				+ subscription.id() + "). To stop it, delete the subscription: DELETE " + base + "/api/subscriptions/"
				+ subscription.id() + " with the API key.";
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}

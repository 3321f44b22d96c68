package dev.newsmon.ingest.article;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The canonical form of an article URL, so that the same story reached through a
 * newsletter, a social network or a feed has one identity: scheme and host lower-cased,
 * default ports, user info and fragments removed, tracking parameters dropped and the
 * remaining query parameters sorted. The path keeps its case (RFC 3986 section 6.2.2.1:
 * only scheme and host are case-insensitive).
 */
public final class CanonicalUrl {

	/** Parameters that identify a campaign or a click, never the resource itself. */
	private static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid", "gclsrc", "dclid", "msclkid",
			"yclid", "twclid", "mc_cid", "mc_eid", "ocid", "cmpid", "igshid", "ref_src", "ref_url", "_ga", "_gl",
			"_hsenc", "_hsmi", "mkt_tok", "wt.mc_id", "at_medium", "at_campaign", "spm", "s_cid", "icid", "ncid",
			"sr_share", "smid", "rss_source");

	private static final String TRACKING_PREFIX = "utm_";

	private CanonicalUrl() {
	}

	/**
	 * Returns the canonical form of an absolute http or https URL.
	 * @param url the URL as found in a feed
	 * @return the canonical URL
	 * @throws IllegalArgumentException if the URL is not an absolute http or https URL
	 */
	public static String of(String url) {
		URI uri = parse(url);
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!"http".equals(scheme) && !"https".equals(scheme)) {
			throw new IllegalArgumentException("not an absolute http or https URL: " + url);
		}
		String host = uri.getHost();
		if (host == null || host.isEmpty()) {
			throw new IllegalArgumentException("no host in URL: " + url);
		}
		StringBuilder canonical = new StringBuilder(url.length());
		canonical.append(scheme).append("://").append(normalizedHost(host));
		int port = uri.getPort();
		if (port != -1 && !(port == 80 && "http".equals(scheme)) && !(port == 443 && "https".equals(scheme))) {
			canonical.append(':').append(port);
		}
		String path = uri.getRawPath();
		canonical.append((path == null || path.isEmpty()) ? "/" : path);
		String query = canonicalQuery(uri.getRawQuery());
		if (!query.isEmpty()) {
			canonical.append('?').append(query);
		}
		return canonical.toString();
	}

	private static URI parse(String url) {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("no URL");
		}
		try {
			return new URI(encodeIllegalCharacters(asciiHost(url.strip()))).normalize();
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("not a URL: " + url, ex);
		}
	}

	/**
	 * Converts an internationalised host name to its ASCII form (RFC 5891) before the
	 * rest of the URL is percent-encoded, which would make the host unreadable.
	 */
	private static String asciiHost(String url) {
		int schemeEnd = url.indexOf("://");
		if (schemeEnd < 0) {
			return url;
		}
		int start = schemeEnd + 3;
		int end = start;
		while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
			end++;
		}
		String authority = url.substring(start, end);
		if (authority.chars().allMatch((c) -> c < 0x80)) {
			return url;
		}
		int at = authority.lastIndexOf('@');
		String hostAndPort = authority.substring(at + 1);
		int colon = hostAndPort.lastIndexOf(':');
		String host = (colon >= 0) ? hostAndPort.substring(0, colon) : hostAndPort;
		String port = (colon >= 0) ? hostAndPort.substring(colon) : "";
		try {
			host = IDN.toASCII(host);
		}
		catch (IllegalArgumentException ex) {
			return url;
		}
		return url.substring(0, start) + authority.substring(0, at + 1) + host + port + url.substring(end);
	}

	private static String normalizedHost(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".")) {
			lower = lower.substring(0, lower.length() - 1);
		}
		try {
			return IDN.toASCII(lower);
		}
		catch (IllegalArgumentException ex) {
			return lower;
		}
	}

	private static String canonicalQuery(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return "";
		}
		List<String> kept = new ArrayList<>();
		for (String parameter : rawQuery.split("&")) {
			if (parameter.isEmpty()) {
				continue;
			}
			int equals = parameter.indexOf('=');
			String name = ((equals >= 0) ? parameter.substring(0, equals) : parameter).toLowerCase(Locale.ROOT);
			if (!name.startsWith(TRACKING_PREFIX) && !TRACKING_PARAMETERS.contains(name)) {
				kept.add(parameter);
			}
		}
		kept.sort(Comparator.comparing(CanonicalUrl::parameterName).thenComparing(Comparator.naturalOrder()));
		return String.join("&", kept);
	}

	private static String parameterName(String parameter) {
		int equals = parameter.indexOf('=');
		return (equals >= 0) ? parameter.substring(0, equals) : parameter;
	}

	/**
	 * Feeds carry URLs with spaces and unescaped non-ASCII paths that browsers accept;
	 * percent-encode them (as UTF-8, RFC 3987 section 3.1) so that they parse.
	 */
	private static String encodeIllegalCharacters(String url) {
		StringBuilder encoded = null;
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
				if (encoded != null) {
					encoded.append(c);
				}
				continue;
			}
			if (encoded == null) {
				encoded = new StringBuilder(url.length() + 16).append(url, 0, i);
			}
			int end = (Character.isHighSurrogate(c) && i + 1 < url.length()) ? i + 2 : i + 1;
			for (byte b : url.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
				encoded.append('%').append(String.format("%02X", b & 0xff));
			}
			i = end - 1;
		}
		return (encoded != null) ? encoded.toString() : url;
	}

}

package dev.newsmon.ingest.feed;

import java.util.regex.Pattern;

/**
 * The host of a feed URL as the address check must see it. Resolvers read numeric hosts
 * in forms that Java does not parse as addresses (2130706433, 0x7f000001, 0177.0.0.1,
 * 127.1); such a host does not resolve at registration, and a name that does not resolve
 * is registered to be retried later, so these forms are refused outright. A trailing dot
 * (localhost.) is dropped because resolvers ignore it.
 */
final class FeedHost {

	private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

	private static final Pattern DOTTED_QUAD = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

	/** A top-level label of digits or hex is no DNS name (RFC 3696 section 2). */
	private static final Pattern NUMERIC_LABEL = Pattern.compile("(?i)0x[0-9a-f]*|[0-9]+");

	private FeedHost() {
	}

	/**
	 * Returns the host without trailing dots.
	 * @param host the host of a URL
	 * @return the host as a resolver reads it
	 */
	static String withoutTrailingDot(String host) {
		int end = host.length();
		while (end > 0 && host.charAt(end - 1) == '.') {
			end--;
		}
		return host.substring(0, end);
	}

	/**
	 * Whether a host is an IPv4 address written other than as a plain dotted quad.
	 * @param host the host, without trailing dots
	 * @return whether it is a numeric host in another form
	 */
	static boolean isOtherNumericForm(String host) {
		if (host.isEmpty() || host.startsWith("[")) {
			return false;
		}
		String lastLabel = host.substring(host.lastIndexOf('.') + 1);
		return NUMERIC_LABEL.matcher(lastLabel).matches() && !DOTTED_QUAD.matcher(host).matches();
	}

}

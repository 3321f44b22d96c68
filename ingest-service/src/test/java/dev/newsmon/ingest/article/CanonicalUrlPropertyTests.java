package dev.newsmon.ingest.article;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Properties of URL canonicalisation over generated URLs (mixed-case and international
 * hosts, default and other ports, dot segments, percent-encoding, spaces, tracking
 * parameters in any case and order, fragments) and over arbitrary text. A fixed seed and
 * number of tries keep a run repeatable and about a second long;
 * {@code -Dnewsmon.property.seed=<n>} runs another sample. The preemptive timeout guards
 * against a hang.
 */
class CanonicalUrlPropertyTests {

	private static final long SEED = Long.getLong("newsmon.property.seed", 20261127L);

	private static final int TRIES = 1000;

	private static final Duration BUDGET = Duration.ofSeconds(30);

	private static final List<String> TRACKING = List.of("utm_source", "UTM_Medium", "utm_campaign", "utm_", "fbclid",
			"gclid", "GCLID", "mc_cid", "_ga", "igshid", "ref_src", "smid");

	private static final List<String> HOST_LABELS = List.of("news", "NEWS", "Wire", "example", "co", "jp", "kr",
			"xn--bcher-kva", "bücher", "BÜCHER", "日本", "한국", "a-b", "x1", "www");

	private static final List<String> PATH_SEGMENTS = List.of("", ".", "..", "2026", "Article", "a b", "%41", "%2F",
			"%e2%82%ac", "北朝鮮", "한", "~user", "a;b=c", "x.html", "A%20B", "@", "!$&'()*+,=", "💥");

	private static final List<String> VALUES = List.of("", "1", "a b", "x%26y", "北", "%E5%8C%97", "a=b", "A", "z");

	@Test
	void canonicalFormIsIdempotentLowerCasedAndFreeOfTrackingParameters() {
		SplittableRandom random = new SplittableRandom(SEED);
		assertTimeoutPreemptively(BUDGET, () -> {
			int canonicalised = 0;
			for (int i = 0; i < TRIES; i++) {
				String url = url(random);
				String canonical;
				try {
					canonical = CanonicalUrl.of(url);
				}
				catch (IllegalArgumentException ex) {
					continue;
				}
				canonicalised++;
				String context = "seed " + SEED + ", try " + i + ": " + url + " -> " + canonical;
				assertThat(CanonicalUrl.of(canonical)).as(context).isEqualTo(canonical);
				URI uri = URI.create(canonical);
				assertThat(uri.getHost()).as(context).isEqualTo(uri.getHost().toLowerCase(Locale.ROOT));
				assertThat(uri.getScheme()).as(context).isIn("http", "https");
				assertThat(uri.getRawFragment()).as(context).isNull();
				assertThat(uri.getRawUserInfo()).as(context).isNull();
				assertThat(parameterNames(uri)).as(context).noneMatch(CanonicalUrlPropertyTests::isTracking);
				assertThat(ArticleId.ofUrl(url)).as(context).isEqualTo(ArticleId.of(canonical)).matches("[0-9a-f]{32}");
			}
			assertThat(canonicalised).as("generated URLs that are valid").isGreaterThan(TRIES / 2);
		});
	}

	@Test
	void variantsOfOneUrlShareTheArticleId() {
		SplittableRandom random = new SplittableRandom(SEED + 1);
		assertTimeoutPreemptively(BUDGET, () -> {
			for (int i = 0; i < TRIES / 4; i++) {
				String host = "news" + random.nextInt(100) + ".example";
				String path = "/2026/" + random.nextInt(1000) + "/story";
				List<String> parameters = new ArrayList<>(List.of("id=" + random.nextInt(50), "page=2"));
				String base = "https://" + host + path + "?" + String.join("&", parameters);
				String id = ArticleId.ofUrl(base);
				// the same article as a newsletter, a share button or a browser writes it
				Collections.shuffle(parameters, new Random(random.nextLong()));
				parameters.add(random.nextInt(parameters.size() + 1), TRACKING.get(random.nextInt(TRACKING.size()))
						+ "=" + VALUES.get(random.nextInt(VALUES.size())).replace(" ", "+"));
				String variant = (random.nextBoolean() ? "HTTPS" : "https") + "://" + upperSome(host, random)
						+ (random.nextBoolean() ? ":443" : "") + path + "?" + String.join("&", parameters)
						+ (random.nextBoolean() ? "#section-" + random.nextInt(9) : "");
				assertThat(ArticleId.ofUrl(variant)).as("seed %d, try %d: %s vs %s", SEED, i, variant, base)
					.isEqualTo(id);
			}
		});
	}

	@Test
	void arbitraryTextIsCanonicalisedOrRefusedWithIllegalArgumentException() {
		SplittableRandom random = new SplittableRandom(SEED + 2);
		String alphabet = "hts:/?#[]@!$&'()*+,;=%-._~ \t\n\\\"<>^`{|}AZaz09.:北한💥\u0000\u00ff";
		assertTimeoutPreemptively(BUDGET, () -> {
			for (int i = 0; i < TRIES; i++) {
				StringBuilder text = new StringBuilder(random.nextBoolean() ? "http://" : "");
				int length = random.nextInt(0, 40);
				for (int c = 0; c < length; c++) {
					text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
							random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
				}
				try {
					String canonical = CanonicalUrl.of(text.toString());
					assertThat(CanonicalUrl.of(canonical)).as("seed %d, try %d: %s", SEED, i, text)
						.isEqualTo(canonical);
				}
				catch (IllegalArgumentException ex) {
					// refused: the documented outcome for what is not an http(s) URL
				}
			}
		});
	}

	private static String url(SplittableRandom random) {
		StringBuilder url = new StringBuilder();
		url.append(pick(random, List.of("http", "https", "HTTP", "Https"))).append("://");
		if (random.nextInt(10) == 0) {
			url.append("user:secret@");
		}
		int labels = random.nextInt(1, 4);
		for (int i = 0; i < labels; i++) {
			url.append((i > 0) ? "." : "").append(pick(random, HOST_LABELS));
		}
		url.append(pick(random, List.of(".com", ".org", ".jp", ".COM", ".example", ".com.")));
		url.append(pick(random, List.of("", "", ":80", ":443", ":8080", ":")));
		int segments = random.nextInt(0, 5);
		for (int i = 0; i < segments; i++) {
			url.append('/').append(pick(random, PATH_SEGMENTS));
		}
		if (random.nextBoolean()) {
			url.append('?');
			int parameters = random.nextInt(0, 5);
			for (int i = 0; i < parameters; i++) {
				String name = random.nextBoolean() ? pick(random, TRACKING)
						: pick(random, List.of("id", "p", "Q", "a", "b"));
				url.append((i > 0) ? "&" : "").append(name);
				if (random.nextInt(4) > 0) {
					url.append('=').append(pick(random, VALUES));
				}
				if (random.nextInt(8) == 0) {
					url.append('&');
				}
			}
		}
		if (random.nextInt(4) == 0) {
			url.append('#').append(pick(random, List.of("", "top", "a b", "北")));
		}
		return url.toString();
	}

	private static List<String> parameterNames(URI uri) {
		List<String> names = new ArrayList<>();
		if (uri.getRawQuery() != null) {
			for (String parameter : uri.getRawQuery().split("&")) {
				int equals = parameter.indexOf('=');
				names.add(((equals >= 0) ? parameter.substring(0, equals) : parameter).toLowerCase(Locale.ROOT));
			}
		}
		return names;
	}

	private static boolean isTracking(String name) {
		return name.startsWith("utm_") || TRACKING.stream().anyMatch((tracking) -> tracking.equalsIgnoreCase(name));
	}

	private static String upperSome(String host, SplittableRandom random) {
		StringBuilder out = new StringBuilder(host.length());
		for (char c : host.toCharArray()) {
			out.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
		}
		return out.toString();
	}

	private static String pick(SplittableRandom random, List<String> values) {
		return values.get(random.nextInt(values.size()));
	}

}

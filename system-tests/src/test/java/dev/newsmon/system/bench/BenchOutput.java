package dev.newsmon.system.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * What the benchmark commands share in reading their setting and writing their results:
 * the environment, the load average, progress lines and the results table in
 * docs/performance.md.
 */
final class BenchOutput {

	private BenchOutput() {
	}

	/**
	 * Replaces the text between {@code <!-- <name> results: begin -->} and
	 * {@code <!-- <name> results: end -->} in docs/performance.md.
	 * @param name the name in the markers
	 * @param report the new text
	 * @throws IOException if the file cannot be read or written
	 */
	static void writeDocs(String name, String report) throws IOException {
		Path docs = Path.of("..", "docs", "performance.md");
		String text = Files.readString(docs);
		String begin = "<!-- " + name + " results: begin -->";
		String end = "<!-- " + name + " results: end -->";
		int from = text.indexOf(begin);
		int to = text.indexOf(end);
		if (from < 0 || to < from) {
			throw new IllegalStateException(docs + " has no " + name + " results markers");
		}
		Files.writeString(docs, text.substring(0, from + begin.length()) + "\n" + report + text.substring(to));
	}

	/** The 1, 5 and 15 minute load averages, or "unknown". */
	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	static void log(String format, Object... values) {
		System.out.println("[bench " + Instant.now() + "] " + String.format(Locale.ROOT, format, values));
	}

}

package dev.newsmon.system.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

/**
 * A service started from its executable jar within a 256 MB heap, whose CPU time is read
 * from /proc and whose heap use from its metrics endpoint.
 */
final class ServiceJvm implements AutoCloseable {

	static final String HEAP = "-Xmx256m";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String name;

	private final int port;

	private final Path log;

	private final Process process;

	private volatile double maxHeapMb;

	private ServiceJvm(String name, int port, Path log, Process process) {
		this.name = name;
		this.port = port;
		this.log = log;
		this.process = process;
	}

	static ServiceJvm start(String name, int port, Map<String, String> environment) throws IOException {
		Path jar = Path
			.of("..", name, "target",
					name + "-" + System.getProperty("newsmon.version", "0.1.0-SNAPSHOT") + "-exec.jar")
			.toAbsolutePath()
			.normalize();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build it with deploy/local/mvn.sh -o -q package "
					+ "-DskipTests -pl ingest-service,analysis-service,search-service -am");
		}
		Path log = Path.of("target", "bench", name + ".log");
		Files.createDirectories(log.getParent());
		Files.deleteIfExists(log);
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP, "-XX:+UseSerialGC",
						"-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		ServiceJvm service = new ServiceJvm(name, port, log, builder.start());
		Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(service.process::destroyForcibly));
		return service;
	}

	String name() {
		return this.name;
	}

	long pid() {
		return this.process.pid();
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	void awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited; see " + this.log.toAbsolutePath());
			}
			try {
				HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(this.name + " not ready within " + timeout);
	}

	/** CPU seconds (user and system) the process has used, from /proc. */
	double cpuSeconds() {
		return cpuSeconds(pid());
	}

	static double cpuSeconds(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// fields 14 and 15 of stat (utime, stime), counted after the command name
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	/**
	 * Heap in use now, in MB, as the service's metrics report it; remembers the highest.
	 */
	double sampleHeapMb() {
		try {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(uri("/actuator/metrics/jvm.memory.used?tag=area:heap"))
					.timeout(Duration.ofSeconds(3))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return Double.NaN;
			}
			double mb = json.readTree(response.body()).path("measurements").get(0).path("value").asDouble()
					/ (1024 * 1024);
			this.maxHeapMb = Math.max(this.maxHeapMb, mb);
			return mb;
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Double.NaN;
		}
	}

	double maxHeapMb() {
		return this.maxHeapMb;
	}

	/**
	 * Whether the service ran within its heap: still alive, and no OutOfMemoryError
	 * logged.
	 */
	boolean heldHeap() throws IOException {
		return this.process.isAlive()
				&& !new String(Files.readAllBytes(this.log), StandardCharsets.UTF_8).contains("OutOfMemoryError");
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}

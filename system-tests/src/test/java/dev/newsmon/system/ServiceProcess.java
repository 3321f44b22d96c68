package dev.newsmon.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One newsmon service started from its executable jar as a separate JVM, as
 * {@code make run} starts it, with its output in {@code target/system-tests/<name>.log}.
 */
final class ServiceProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Process process;

	private final Path log;

	private ServiceProcess(String name, int port, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	static ServiceProcess start(String name, int port, Map<String, String> environment) throws IOException {
		return start(name, port, environment, name);
	}

	/**
	 * Starts a service with its output in a log of the given name, so that two tests that
	 * run the same service keep their logs apart.
	 * @param name the service's module
	 * @param port its HTTP port
	 * @param environment its environment on top of this JVM's
	 * @param logName the log's name, without {@code .log}
	 * @return the process
	 * @throws IOException if it cannot be started
	 */
	static ServiceProcess start(String name, int port, Map<String, String> environment, String logName)
			throws IOException {
		Path jar = Path.of("..", name, "target", name + "-" + projectVersion() + "-exec.jar").toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: run the tests through 'mvn verify' from the root");
		}
		Path log = Path.of("target", "system-tests", logName + ".log");
		Files.createDirectories(log.getParent());
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		return new ServiceProcess(name, port, builder.start(), log);
	}

	private static String projectVersion() {
		return System.getProperty("newsmon.version", "0.1.0-SNAPSHOT");
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	void awaitReady(Duration timeout) {
		await(this.name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + this.process.exitValue() + "; see " + this.log.toAbsolutePath());
			}
			try {
				HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding());
				return response.statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
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

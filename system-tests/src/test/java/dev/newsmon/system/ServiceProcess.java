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
 * {@code make run} starts it, with its output in {@code target/system-tests/<log>.log}.
 * It can be killed with SIGKILL and started again on the same port with the same
 * environment; a restarted process appends to the same log. A JVM shutdown hook kills
 * whatever is still running, should a test run end without its cleanup.
 */
final class ServiceProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Map<String, String> environment;

	private final Path log;

	private volatile Process process;

	private ServiceProcess(String name, int port, Map<String, String> environment, Path log) {
		this.name = name;
		this.port = port;
		this.environment = Map.copyOf(environment);
		this.log = log;
	}

	static ServiceProcess start(String name, int port, Map<String, String> environment) throws IOException {
		return start(name, name, port, environment);
	}

	/**
	 * Starts a service with its output in {@code target/system-tests/<logName>.log},
	 * emptied first.
	 */
	static ServiceProcess start(String name, String logName, int port, Map<String, String> environment)
			throws IOException {
		Path log = Path.of("target", "system-tests", logName + ".log");
		Files.createDirectories(log.getParent());
		Files.deleteIfExists(log);
		ServiceProcess service = new ServiceProcess(name, port, environment, log);
		service.launch();
		Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(service::kill));
		return service;
	}

	private void launch() throws IOException {
		Path jar = Path.of("..", this.name, "target", this.name + "-" + projectVersion() + "-exec.jar")
			.toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: run the tests through 'mvn verify' from the root");
		}
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		builder.environment().putAll(this.environment);
		builder.environment().put("SERVER_PORT", Integer.toString(this.port));
		this.process = builder.start();
	}

	String name() {
		return this.name;
	}

	Path log() {
		return this.log;
	}

	/**
	 * Kills the process with SIGKILL, as the kernel's OOM killer or a node loss would.
	 */
	void kill() {
		Process running = this.process;
		if (running != null && running.isAlive()) {
			running.destroyForcibly();
			try {
				running.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Starts the service again, once it is no longer running. */
	void restart() throws IOException {
		if (this.process.isAlive()) {
			throw new IllegalStateException(this.name + " is still running");
		}
		launch();
	}

	private static String projectVersion() {
		return System.getProperty("newsmon.version", "0.1.0-SNAPSHOT");
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	void awaitReady(Duration timeout) {
		await(this.name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
			Process running = this.process;
			if (!running.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + running.exitValue() + "; see " + this.log.toAbsolutePath());
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
		Process running = this.process;
		running.destroy();
		try {
			if (!running.waitFor(30, TimeUnit.SECONDS)) {
				running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			running.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}

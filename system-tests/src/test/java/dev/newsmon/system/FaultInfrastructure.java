package dev.newsmon.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka broker and Elasticsearch of the {@code fault} profile of
 * {@code deploy/local/infra.sh}: their own ports (29092, 29200) and state
 * ({@code .local/fault}), so that failure tests can stop and restart them while other
 * tests use the shared test profile. Every command's output goes to
 * {@code target/system-tests/infra-fault.log}.
 */
final class FaultInfrastructure implements AutoCloseable {

	static final String KAFKA = "127.0.0.1:29092";

	static final String ELASTICSEARCH = "http://127.0.0.1:29200";

	private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(4);

	private final Path script;

	private final Path log;

	private volatile boolean started;

	FaultInfrastructure() {
		this.script = Path.of("..", "deploy", "local", "infra.sh").toAbsolutePath().normalize();
		this.log = Path.of("target", "system-tests", "infra-fault.log");
		if (!Files.isExecutable(this.script)) {
			throw new IllegalStateException(this.script + " is missing: run the tests from the repository");
		}
	}

	/** Starts both from an empty state: topics and indices of an earlier run are gone. */
	void start() {
		try {
			Files.createDirectories(this.log.getParent());
			Files.deleteIfExists(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		run("clean");
		this.started = true;
		// a test run that ends without its cleanup leaves nothing running
		Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(this::close));
		run("up");
	}

	/** Stops the broker gracefully (SIGTERM, a controlled shutdown). */
	void stopKafka() {
		run("stop", "kafka");
	}

	/** Starts the broker and waits until it answers. */
	void startKafka() {
		run("start", "kafka");
	}

	/** Stops Elasticsearch gracefully (SIGTERM). */
	void stopElasticsearch() {
		run("stop", "elasticsearch");
	}

	/** Starts Elasticsearch and waits until the cluster is yellow or green. */
	void startElasticsearch() {
		run("start", "elasticsearch");
	}

	private void run(String... arguments) {
		List<String> command = new ArrayList<>(List.of(this.script.toString()));
		command.addAll(List.of(arguments));
		command.addAll(List.of("--profile", "fault"));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
			if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not end within "
						+ COMMAND_TIMEOUT.toMinutes() + " min; see " + this.log.toAbsolutePath());
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed with " + process.exitValue()
						+ "; see " + this.log.toAbsolutePath());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running " + command, ex);
		}
	}

	/** Stops both processes; their state stays under {@code .local/fault} to be read. */
	@Override
	public void close() {
		if (this.started) {
			this.started = false;
			run("down");
		}
	}

}

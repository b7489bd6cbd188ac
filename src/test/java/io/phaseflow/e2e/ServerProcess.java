package io.phaseflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The server as a real {@code java} process on the test class path, started with
 * command-line arguments and stopped (or killed) by the test. Every process started here
 * is also destroyed by a shutdown hook, so none outlives the test JVM.
 */
final class ServerProcess implements AutoCloseable {

	static final Duration START_TIMEOUT = Duration.ofSeconds(240);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Process process;

	private final Path log;

	private final int port;

	private final Thread hook;

	private ServerProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
		this.hook = new Thread(process::destroyForcibly);
		Runtime.getRuntime().addShutdownHook(this.hook);
	}

	/**
	 * Starts the server in {@code workDir} (its current directory) with the given
	 * arguments and a free port, and waits until {@code /actuator/health} is UP.
	 */
	static ServerProcess start(Path workDir, String name, List<String> args) {
		int port = freePort();
		List<String> command = new ArrayList<>(CliRunner.javaCommand());
		command.add(1, "-Xmx384m");
		command.add("--server.port=" + port);
		command.addAll(args);
		Path log = workDir.resolve(name + "-" + port + ".log");
		ServerProcess server;
		try {
			Process process = new ProcessBuilder(command).directory(workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			server = new ServerProcess(process, log, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			server.awaitHealthy();
			return server;
		}
		catch (RuntimeException | Error ex) {
			server.close();
			throw ex;
		}
	}

	/** The arguments of a PostgreSQL server on {@code schema}. */
	static List<String> postgres(String schema) {
		String separator = PostgresAvailable.URL.contains("?") ? "&" : "?";
		return List.of("--spring.profiles.active=postgres",
				"--spring.datasource.url=" + PostgresAvailable.URL + separator + "currentSchema=" + schema,
				"--spring.datasource.username=" + PostgresAvailable.USER,
				"--spring.datasource.password=" + PostgresAvailable.PASSWORD, "--spring.flyway.schemas=" + schema,
				"--flowable.database-schema=" + schema);
	}

	/** A new, empty schema named as {@link FreshPostgresSchema} names its own. */
	static String freshSchema() {
		String schema = "pf_test_" + Instant.now().getEpochSecond() + "_"
				+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
		try (Connection connection = PostgresAvailable.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create schema " + schema, ex);
		}
		return schema;
	}

	static void dropSchema(String schema) {
		try (Connection connection = PostgresAvailable.connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
		catch (SQLException ex) {
			// FreshPostgresSchema drops what is left behind an hour later
		}
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	long pid() {
		return this.process.pid();
	}

	/** SIGKILL: no shutdown hook, no connection pool closed, no transaction finished. */
	void kill() {
		this.process.destroyForcibly();
		waitFor();
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				this.process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
		waitFor();
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down: the hook runs anyway
		}
	}

	/** The last lines the server wrote, for failure messages. */
	String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private void waitFor() {
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void awaitHealthy() {
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"The server exited with " + this.process.exitValue() + ":\n" + logTail());
			}
			try {
				HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(250);
		}
		throw new IllegalStateException("The server was not healthy within " + START_TIMEOUT + ":\n" + logTail());
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package io.phaseflow.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Benchmark baseline: PostgreSQL's own {@code pgbench} TPC-B-like load on the local
 * server (127.0.0.1:5432, user {@code postgres}, trust authentication), in a database of
 * its own ({@code phaseflow_pgbench}, created when missing, initialised at scale 1 on
 * every run). It says what the machine's PostgreSQL does at a client count, next to what
 * Phaseflow does with it. Not a test.
 */
public final class PgBench {

	static final String HOST = "127.0.0.1";

	static final int PORT = 5432;

	static final String USER = "postgres";

	static final String DATABASE = "phaseflow_pgbench";

	private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + ":" + PORT + "/test";

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

	private PgBench() {
	}

	/**
	 * The measured run.
	 *
	 * @param tps transactions per second, without the connections' set-up
	 * @param command the measuring {@code pgbench} command line
	 * @param output what it printed
	 */
	public record Result(int clients, double tps, String command, String output) {
	}

	/**
	 * Creates the database if missing, initialises it ({@code pgbench -i -s 1 -q}) and
	 * runs {@code pgbench -c clients -j min(clients, 2) -T seconds -n}.
	 * @param progress where to report what happens, or null
	 * @throws IllegalStateException when pgbench is not installed or fails
	 */
	public static Result run(int clients, Duration duration, Consumer<String> progress) {
		if (clients < 1) {
			throw new IllegalArgumentException("Needs at least one client, not " + clients);
		}
		Consumer<String> report = (progress != null) ? progress : (message) -> {
		};
		Path pgbench = pgbench();
		createDatabase();
		List<String> connection = List.of("-h", HOST, "-p", String.valueOf(PORT), "-U", USER);
		report.accept("initialising " + DATABASE + " with " + pgbench);
		execute(command(pgbench, connection, "-i", "-s", "1", "-q"), Duration.ofMinutes(5));
		long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
		List<String> measure = command(pgbench, connection, "-c", String.valueOf(clients), "-j",
				String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds), "-n");
		report.accept("running " + String.join(" ", measure));
		String output = execute(measure, Duration.ofSeconds(seconds).plusMinutes(2));
		Matcher tps = TPS.matcher(output);
		if (!tps.find()) {
			throw new IllegalStateException("No tps in pgbench's output:\n" + output);
		}
		Result result = new Result(clients, Double.parseDouble(tps.group(1)), String.join(" ", measure), output);
		report.accept("pgbench, %d clients: %.1f tps".formatted(clients, result.tps()));
		return result;
	}

	/** pgbench of the newest PostgreSQL under /usr/lib/postgresql, or on the PATH. */
	static Path pgbench() {
		return installed().or(PgBench::onPath)
			.orElseThrow(() -> new IllegalStateException(
					"pgbench not found in /usr/lib/postgresql/*/bin nor on the PATH: install PostgreSQL's"
							+ " client tools (e.g. apt-get install postgresql-contrib or postgresql-client)"));
	}

	private static Optional<Path> installed() {
		Path root = Path.of("/usr/lib/postgresql");
		if (!Files.isDirectory(root)) {
			return Optional.empty();
		}
		List<Path> found = new ArrayList<>();
		try (DirectoryStream<Path> versions = Files.newDirectoryStream(root)) {
			versions.forEach((version) -> found.add(version.resolve("bin/pgbench")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found.stream()
			.filter(Files::isExecutable)
			.max(Comparator.comparing((Path path) -> version(path.getParent().getParent())));
	}

	private static int version(Path directory) {
		String name = directory.getFileName().toString();
		return name.matches("\\d+") ? Integer.parseInt(name) : 0;
	}

	private static Optional<Path> onPath() {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		return Stream.of(path.split(File.pathSeparator))
			.map((directory) -> Path.of(directory, "pgbench"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private static void createDatabase() {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, "")) {
			try (PreparedStatement exists = connection
				.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
				exists.setString(1, DATABASE);
				try (ResultSet rows = exists.executeQuery()) {
					if (rows.next()) {
						return;
					}
				}
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + DATABASE);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + DATABASE + " via " + ADMIN_URL, ex);
		}
	}

	private static List<String> command(Path pgbench, List<String> connection, String... options) {
		List<String> command = new ArrayList<>();
		command.add(pgbench.toString());
		command.addAll(connection);
		command.addAll(List.of(options));
		command.add(DATABASE);
		return command;
	}

	/** Runs the command to its end; its output, stderr included. */
	private static String execute(List<String> command, Duration timeout) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getOutputStream().close();
			StringBuilder output = new StringBuilder();
			Thread reader = new Thread(() -> {
				try {
					output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
				}
				catch (IOException ex) {
					output.append("(could not read the output: ").append(ex.getMessage()).append(')');
				}
			}, "pgbench-output");
			reader.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("Gave up after " + timeout + ": " + String.join(" ", command));
			}
			reader.join();
			if (process.exitValue() != 0) {
				throw new IllegalStateException("pgbench exited with " + process.exitValue() + ": "
						+ String.join(" ", command) + "\n" + output);
			}
			return output.toString();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + String.join(" ", command), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + String.join(" ", command), ex);
		}
	}

	/** A quick manual check: {@code PgBench [clients [seconds]]}. */
	public static void main(String[] args) {
		int clients = (args.length > 0) ? Integer.parseInt(args[0]) : 2;
		Duration duration = Duration.ofSeconds((args.length > 1) ? Long.parseLong(args[1]) : 10);
		Result result = run(clients, duration, System.out::println);
		System.out.println(result.output());
		System.out.printf("clients=%d tps=%.1f%n", result.clients(), result.tps());
	}

}

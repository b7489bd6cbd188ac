package io.phaseflow.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.cli.PhaseflowCli;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code phaseflow} commands the way a terminal does, with their own environment: in
 * this JVM through the picocli entry point, or as a real {@code java} process on the test
 * class path.
 *
 * @param env the command's environment (PHASEFLOW_URL, PHASEFLOW_TOKEN,
 * PHASEFLOW_SESSION, PHASEFLOW_AGENT, …)
 */
record CliRunner(Map<String, String> env) {

	/** A runner for the server at {@code url}, with its own context file. */
	static CliRunner of(String url, String token, String agent) {
		try {
			Path context = Files.createTempDirectory("phaseflow-cli").resolve("session");
			Map<String, String> env = new HashMap<>();
			env.put("PHASEFLOW_URL", url);
			env.put("PHASEFLOW_TOKEN", token);
			env.put("PHASEFLOW_SESSION", context.toString());
			if (agent != null) {
				env.put("PHASEFLOW_AGENT", agent);
			}
			return new CliRunner(Map.copyOf(env));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The same runner with one variable changed (null removes it). */
	CliRunner with(String name, String value) {
		Map<String, String> changed = new HashMap<>(this.env);
		if (value == null) {
			changed.remove(name);
		}
		else {
			changed.put(name, value);
		}
		return new CliRunner(Map.copyOf(changed));
	}

	/** Runs a command in this JVM. */
	Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = PhaseflowCli.run(args, this.env, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/**
	 * Runs a command as
	 * {@code java -cp <test class path> io.phaseflow.PhaseflowApplication …}.
	 */
	Run runProcess(String... args) {
		List<String> command = new ArrayList<>(javaCommand());
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().keySet().removeIf((name) -> name.startsWith("PHASEFLOW_"));
		builder.environment().putAll(this.env);
		try {
			Path out = Files.createTempFile("phaseflow-cli", ".out");
			Path err = Files.createTempFile("phaseflow-cli", ".err");
			Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("phaseflow %s ends", String.join(" ", args)).isTrue();
			return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** {@code java -cp <this JVM's class path> io.phaseflow.PhaseflowApplication}. */
	static List<String> javaCommand() {
		return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
				"-cp", System.getProperty("java.class.path"), "io.phaseflow.PhaseflowApplication");
	}

	Path contextFile() {
		return Path.of(this.env.get("PHASEFLOW_SESSION"));
	}

	/** The context file the commands keep. */
	JsonNode context() {
		try {
			return ApiClient.parse(Files.readString(contextFile()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What a command did: exit code, stdout and stderr. */
	record Run(int exit, String out, String err) {

		JsonNode json() {
			return ApiClient.parse(this.out);
		}

		@Override
		public String toString() {
			return "exit " + this.exit + "\n--- stdout\n" + this.out + "--- stderr\n" + this.err;
		}

	}

}

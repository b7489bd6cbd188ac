package io.phaseflow.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which arguments run a command and which start the server, and what the command line
 * says before it talks to any server.
 */
class PhaseflowCliTest {

	@Test
	void noArgumentsServerAndSpringBootOptionsStartTheServer() {
		assertThat(PhaseflowCli.isCommand(new String[0])).isFalse();
		assertThat(PhaseflowCli.isCommand(new String[] { "server", "--server.port=9090" })).isFalse();
		assertThat(PhaseflowCli.isCommand(new String[] { "--spring.profiles.active=postgres" })).isFalse();
		assertThat(PhaseflowCli.serverArgs(new String[] { "server", "--server.port=9090" }))
			.containsExactly("--server.port=9090");
		assertThat(PhaseflowCli.serverArgs(new String[] { "--server.port=9090" }))
			.containsExactly("--server.port=9090");
	}

	@Test
	void commandsAndTheCommandLinesOwnOptionsRunACommand() {
		for (String first : new String[] { "init", "status", "mcp", "help", "--help", "-h", "--version", "--json",
				"iniit" }) {
			assertThat(PhaseflowCli.isCommand(new String[] { first })).as(first).isTrue();
		}
	}

	@Test
	void helpListsTheCommandsTheEnvironmentAndTheExitCodes() {
		Output help = run("--help");
		assertThat(help.exit()).isZero();
		assertThat(help.out()).contains("init", "session", "phase", "artifact", "update", "note", "log", "iteration",
				"done", "status", "report", "events", "sprint", "mcp", "PHASEFLOW_URL", "PHASEFLOW_TOKEN",
				"3 conflict (409)");
		assertThat(run("phase", "complete", "--help").out()).contains("--override", "--reason", "--qa", "--json");
	}

	@Test
	void aMistypedCommandIsAUsageError() {
		Output typo = run("iniit", "T:x");
		assertThat(typo.exit()).isEqualTo(2);
		assertThat(typo.err()).contains("Did you mean", "init");
	}

	private static Output run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = PhaseflowCli.run(args, Map.of("PHASEFLOW_SESSION", "target/no-such-dir/session"),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Output(int exit, String out, String err) {
	}

}

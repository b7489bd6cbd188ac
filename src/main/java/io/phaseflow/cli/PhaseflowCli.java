package io.phaseflow.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import io.phaseflow.client.ServerUnreachable;
import picocli.CommandLine;

/**
 * The entry point of the command line. {@code java -jar phaseflow.jar <command>} runs a
 * command; no arguments, {@code server}, or arguments starting with {@code --} (Spring
 * Boot's options) start the server instead.
 */
public final class PhaseflowCli {

	private static final Set<String> OWN_OPTIONS = Set.of("--help", "--version", "--json");

	private PhaseflowCli() {
	}

	/** Whether the arguments name a command rather than start the server. */
	public static boolean isCommand(String[] args) {
		if (args.length == 0 || "server".equals(args[0])) {
			return false;
		}
		return !args[0].startsWith("--") || OWN_OPTIONS.contains(args[0]);
	}

	/** The server's arguments: all of them, but a leading {@code server}. */
	public static String[] serverArgs(String[] args) {
		return (args.length > 0 && "server".equals(args[0])) ? Arrays.copyOfRange(args, 1, args.length) : args;
	}

	/** Runs a command in this process and returns its exit code. */
	public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
		Terminal terminal = new Terminal(env, out, err);
		CommandLine cli = new CommandLine(PhaseflowCommand.class, new Factory(terminal));
		cli.setOut(new PrintWriter(out, true));
		cli.setErr(new PrintWriter(err, true));
		cli.setExecutionExceptionHandler((ex, line, parsed) -> failed(terminal, ex));
		return cli.execute(args);
	}

	public static void main(String[] args) {
		quietLogging(args);
		System.exit(run(args, System.getenv(), System.out, System.err));
	}

	/**
	 * stdout carries a command's output or MCP's protocol, so nothing may log there. MCP
	 * logs warnings to stderr; the other commands report failures themselves and log
	 * nothing, which also spares them setting up logging (a tenth of their time).
	 */
	private static void quietLogging(String[] args) {
		boolean mcp = Arrays.stream(args).filter((arg) -> !arg.startsWith("-")).findFirst().orElse("").equals("mcp");
		if (mcp && System.getProperty("logback.configurationFile") == null) {
			System.setProperty("logback.configurationFile", "io/phaseflow/cli/logback-stderr.xml");
		}
		else if (!mcp && System.getProperty("slf4j.provider") == null) {
			System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
			System.setProperty("slf4j.internal.verbosity", "WARN");
		}
	}

	private static int failed(Terminal terminal, Exception ex) {
		if (ex instanceof CommandFailed failure) {
			return terminal.report(failure);
		}
		if (ex instanceof ServerUnreachable unreachable) {
			return terminal.report(new CommandFailed(ServerUnreachable.EXIT_CODE, unreachable.getMessage()));
		}
		return terminal.report(new CommandFailed(1, "phaseflow failed: " + ex));
	}

	/** Creates commands with the terminal they share. */
	private record Factory(Terminal terminal) implements CommandLine.IFactory {

		@Override
		public <K> K create(Class<K> type) throws Exception {
			try {
				return type.getDeclaredConstructor(Terminal.class).newInstance(this.terminal);
			}
			catch (NoSuchMethodException ex) {
				return CommandLine.defaultFactory().create(type);
			}
		}

	}

}

package io.phaseflow.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code phaseflow}: the commands, the {@code --json} option they share, and the help.
 */
@Command(name = "phaseflow", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
		versionProvider = PhaseflowCommand.Version.class,
		description = "Work on Phaseflow sessions from a terminal or a coding agent.",
		subcommands = { InitCommand.class, SessionCommand.class, PhaseCommand.class, ArtifactCommand.class,
				NoteCommand.Update.class, NoteCommand.Note.class, LogCommand.class, IterationCommand.class,
				DoneCommand.class, StatusCommand.class, ReportCommand.class, EventsCommand.class, SprintCommand.class,
				TaskCommand.class, AgentCommand.class, TokenCommand.class, SearchCommand.class, ArchiveCommand.class,
				BugCommand.class, AdrCommand.class, McpCommand.class, HelpCommand.class },
		footerHeading = "%n",
		footer = { "Environment: PHASEFLOW_URL (default http://localhost:8080), PHASEFLOW_TOKEN "
				+ "(else <PHASEFLOW_DATA_DIR>/admin.token, default ./data), PHASEFLOW_AGENT, PHASEFLOW_SESSION "
				+ "(the context file, default $XDG_STATE_HOME or ~/.local/state, then phaseflow/<agent>/session).",
				"Exit codes: 0 ok, 2 refused as invalid (400, 422), 3 conflict (409), 4 not found (404), "
						+ "5 token refused (401, 403), 6 server unreachable or failed (5xx; retry), 1 anything else." })
class PhaseflowCommand implements Runnable {

	private final Terminal terminal;

	@Spec
	CommandSpec spec;

	PhaseflowCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Option(names = "--json", scope = ScopeType.INHERIT,
			description = "Print the server's answer as JSON, for agents and scripts.")
	void json(boolean json) {
		this.terminal.json(json);
	}

	@Override
	public void run() {
		this.spec.commandLine().usage(this.terminal.out);
	}

	/** The version from the jar's manifest. */
	static class Version implements picocli.CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = PhaseflowCommand.class.getPackage().getImplementationVersion();
			return new String[] { "phaseflow " + ((version != null) ? version : "(development build)") };
		}

	}

}

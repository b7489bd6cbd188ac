package io.phaseflow.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.cli.context.ActiveContext;
import io.phaseflow.client.ApiAnswer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phaseflow session start|resume|pause|end}: the active session's lifecycle; and
 * {@code session transition}, a PM's move of any session to another phase.
 */
@Command(name = "session",
		description = "Start, resume (take over), pause or end the active session; move a session to another phase.")
class SessionCommand {

	private final Terminal terminal;

	SessionCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Command(name = "start", description = "Start a session on the active task (or continue its running one).")
	int start(@Option(names = "--task", paramLabel = "<task>", description = "Another task.") String task,
			@Option(names = "--agent", paramLabel = "<id|handle>") String agent, @Option(names = "--restart",
					description = "End the task's active session and start anew.") boolean restart) {
		ActiveContext context = this.terminal.context();
		String code = (task != null) ? task : context.taskCode();
		if (code == null) {
			throw new CommandFailed(2, "Which task? Use --task <task>, or run phaseflow init T:<task>");
		}
		Long agentId = this.terminal.agentId(agent);
		ApiAnswer answer = this.terminal.client().startSession(code, agentId, restart ? "restart" : "continue");
		if (answer.ok()) {
			this.terminal
				.remember(context.withAgent(answer.body().path("agent_id").asLong()).withSession(answer.body()));
		}
		return this.terminal.show(answer, (session) -> {
			this.terminal.out.println("Session " + session.path("session_key").asText() + " on task " + code + " ("
					+ ((answer.status() == 201) ? "started" : "continued") + ")");
			this.terminal.guidance(session.path("instructions"));
		});
	}

	@Command(name = "resume", description = "Resume a paused session, or take over one by its key: prints its "
			+ "context, last actions and next steps.")
	int resume(
			@Parameters(arity = "0..1", paramLabel = "<key>",
					description = "The session (else the active one).") String key,
			@Option(names = "--agent", paramLabel = "<id|handle>",
					description = "Take it over as this agent.") String agent) {
		ActiveContext context = (key != null) ? ActiveContext.NONE : this.terminal.session();
		String sessionKey = (key != null) ? key : context.sessionKey();
		Long agentId = this.terminal.agentId(agent);
		this.terminal.require(this.terminal.client().resume(sessionKey, agentId));
		ApiAnswer answer = this.terminal.client().context(sessionKey);
		if (answer.ok()) {
			JsonNode body = answer.body();
			this.terminal.remember(new ActiveContext(body.at("/context/sprint/code").asText(null),
					body.at("/session/entity_code").asText(), sessionKey, body.at("/session/agent_id").asLong(),
					body.at("/session/current_phase").asText(null)));
		}
		return this.terminal.show(answer, this::printContext);
	}

	private void printContext(JsonNode body) {
		JsonNode session = body.path("session");
		JsonNode task = body.at("/context/task");
		this.terminal.out.println("Session " + session.path("key").asText() + " on task "
				+ session.path("entity_code").asText() + ": " + session.path("status").asText() + ", phase "
				+ session.path("current_phase").asText() + ", agent " + session.path("agent_id").asText());
		this.terminal.out.println("Task: " + task.path("title").asText());
		if (task.hasNonNull("description")) {
			this.terminal.out.println("  " + task.path("description").asText());
		}
		RecoveryLines.of(body.path("context"), true).forEach(this.terminal.out::println);
		this.terminal.guidance(body.path("instructions"));
	}

	@Command(name = "pause", description = "Pause the active session.")
	int pause() {
		ActiveContext context = this.terminal.session();
		ApiAnswer answer = this.terminal.client().pause(context.sessionKey());
		return this.terminal.show(answer, (session) -> {
			this.terminal.out.println("Session " + context.sessionKey() + " paused in phase "
					+ session.path("current_phase").asText() + ".");
			this.terminal.out.println("Resume with: phaseflow session resume");
		});
	}

	@Command(name = "transition", description = "Move a session to another phase (PM): back for rework, on to "
			+ "the next, or further where the workflow allows skipping.")
	int transition(@Parameters(paramLabel = "<key>", description = "The session.") String key,
			@Option(names = "--to", required = true, paramLabel = "<phase>") String phase,
			@Option(names = "--reason", required = true, paramLabel = "<text>") String reason) {
		ApiAnswer answer = this.terminal.client().transition(key, phase, reason);
		ActiveContext context = this.terminal.context();
		if (answer.ok() && key.equals(context.sessionKey())) {
			this.terminal.remember(context.withSession(answer.body()));
		}
		return this.terminal.show(answer, (session) -> this.terminal.out
			.println("Session " + key + " moved to phase " + session.path("current_phase").asText() + "."));
	}

	@Command(name = "end", description = "End the active session early, from any phase, with --force. Close "
			+ "itself is completed as every phase is, with phaseflow phase complete (which ends the session).")
	int end(@Option(names = "--force", description = "End it from any phase.") boolean force,
			@Option(names = "--reason", paramLabel = "<text>") String reason,
			@Option(names = "--artifact", paramLabel = "<file>",
					description = "Submit this file (e.g. SUMMARY.md) first, in the same call; repeatable.") List<Path> artifacts) {
		Map<String, String> contents = ArtifactCommand.contents(artifacts);
		ActiveContext context = this.terminal.session();
		ApiAnswer answer = this.terminal.client().end(context.sessionKey(), force, reason, contents);
		if (answer.body().has("session")) {
			this.terminal.remember(context.withSession(answer.body().get("session")));
		}
		if (answer.status() == 422 && !this.terminal.json()) {
			PhaseCommand.refused(this.terminal, answer, "phaseflow session end --force --reason \"why\"");
			return answer.exitCode();
		}
		if (answer.status() == 409 && !this.terminal.json()) {
			return ended(context, answer);
		}
		return this.terminal.show(answer, (outcome) -> {
			this.terminal.out.println(
					"✓ Session " + context.sessionKey() + " ended: " + outcome.at("/session/status").asText() + ".");
			this.terminal.guidance(outcome.path("instructions"));
		});
	}

	/**
	 * The session could not be ended: when it already has (its close was completed), what
	 * follows is the task's outcome, not another end.
	 */
	private int ended(ActiveContext context, ApiAnswer answer) {
		ApiAnswer now = this.terminal.client().session(context.sessionKey());
		if (!now.ok() || !now.body().path("status").asText().equals("completed")) {
			this.terminal.problem(answer);
			return answer.exitCode();
		}
		this.terminal.remember(context.withSession(now.body()));
		this.terminal.err.println("✗ Session " + context.sessionKey() + " has already ended: it is completed.");
		this.terminal.guidance(now.body().path("instructions"));
		return answer.exitCode();
	}

}

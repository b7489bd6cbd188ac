package io.phaseflow.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.cli.context.ActiveContext;
import io.phaseflow.client.ApiAnswer;
import io.phaseflow.client.PhaseflowClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code phaseflow phase complete}: completes the phase the agent last saw the session
 * in, so that a repeated command completes nothing more.
 */
@Command(name = "phase",
		description = "Complete the active session's current phase, or wait for an override's " + "decision.")
class PhaseCommand {

	private final Terminal terminal;

	PhaseCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Command(name = "complete", description = "Complete the current phase; it moves on when its artifacts and "
			+ "fields pass the checks. In close it ends the session (then: phaseflow done).")
	int complete(
			@Option(names = "--override",
					description = "Move on although the checks fail (needs --reason; "
							+ "some phases wait for a reviewer).") boolean override,
			@Option(names = "--reason", paramLabel = "<text>",
					description = "Why the override is needed.") String reason,
			@Option(names = "--qa", paramLabel = "qa_passed|qa_failed",
					description = "The review's outcome (review only; passed or failed also do).") String qa,
			@Option(names = "--artifact", paramLabel = "<file>",
					description = "Submit this file (e.g. PLAN.md) with the completion, in the same call; "
							+ "repeatable.") List<Path> artifacts) {
		Map<String, String> contents = ArtifactCommand.contents(artifacts);
		ActiveContext context = this.terminal.session();
		String phase = (context.phase() != null) ? context.phase()
				: this.terminal.require(this.terminal.client().session(context.sessionKey()))
					.body()
					.path("current_phase")
					.asText();
		ApiAnswer answer = this.terminal.client()
			.completePhase(context.sessionKey(), phase, override, reason, qaStatus(qa), contents);
		if (answer.body().has("session")) {
			this.terminal.remember(context.withSession(answer.body().get("session")));
		}
		if (answer.status() == 409) {
			return conflict(context, phase, answer);
		}
		if (answer.status() == 422 && !this.terminal.json()) {
			refused(this.terminal, answer, overrideCommand(answer, qa));
			return answer.exitCode();
		}
		return this.terminal.show(answer, (outcome) -> {
			if (answer.status() == 202) {
				this.terminal.out.println("⧗ Override of the " + phase + " phase requested: a reviewer decides now.");
				OverrideLines.of(outcome.at("/session/override")).forEach(this.terminal.out::println);
			}
			else if (outcome.at("/session/status").asText().equals("completed")) {
				// whether the task's outcome is still to record (workflow.yaml's
				// on_complete may have completed the task) the instructions below say
				this.terminal.out.println("✓ Phase " + capitalized(phase) + " completed: the session is complete.");
			}
			// a warning now (a missing tag, no acceptance criteria yet) is a refusal
			// later: shown when the phase passes too
			List<String> warnings = answer.warnings();
			if (!warnings.isEmpty()) {
				this.terminal.out.println("Warnings:");
				warnings.forEach((warning) -> this.terminal.out.println("  - " + warning));
			}
			this.terminal.guidance(outcome.path("instructions"));
		});
	}

	@Command(name = "wait", description = "Wait until a reviewer decides the session's override, then show "
			+ "the decision and what to do next.")
	int await(@Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "0",
			description = "Give up after this many seconds (0, the default: wait as long as it takes).") long timeout) {
		ActiveContext context = this.terminal.session();
		ApiAnswer answer = this.terminal.require(this.terminal.client()
			.awaitDecision(context.sessionKey(), (timeout > 0) ? Duration.ofSeconds(timeout) : null));
		this.terminal.remember(context.withSession(answer.body()));
		if (PhaseflowClient.awaitsDecision(answer.body())) {
			if (this.terminal.json()) {
				this.terminal.out.println(answer.text().strip());
			}
			else {
				this.terminal.err.println("✗ No decision within " + timeout + " s; the override still waits.");
				this.terminal.err.println("  Wait again with: phaseflow phase wait");
			}
			return 1;
		}
		return this.terminal.show(answer, (session) -> {
			List<String> lines = OverrideLines.of(session.path("override"));
			if (lines.isEmpty()) {
				this.terminal.out.println("No override waits: the session is " + session.path("status").asText()
						+ " in phase " + session.path("current_phase").asText() + ".");
			}
			lines.forEach(this.terminal.out::println);
			this.terminal.guidance(session.path("instructions"));
		});
	}

	private int conflict(ActiveContext context, String phase, ApiAnswer answer) {
		ApiAnswer now = this.terminal.client().session(context.sessionKey());
		if (now.ok()) {
			this.terminal.remember(context.withSession(now.body()));
		}
		if (this.terminal.json()) {
			this.terminal.out.println(answer.text().strip());
			return answer.exitCode();
		}
		this.terminal.err.println("✗ Nothing was completed: " + answer.message());
		if (now.ok()) {
			this.terminal.err.println("  The session is now " + now.body().path("status").asText() + " in phase "
					+ now.body().path("current_phase").asText() + " (you completed " + phase
					+ ", or another completion won).");
			if (now.body().path("status").asText().equals("completed")) {
				this.terminal.guidance(now.body().path("instructions"));
			}
			else {
				this.terminal.err.println("  Check with: phaseflow status");
			}
		}
		return answer.exitCode();
	}

	/**
	 * The override to suggest: the server's, else one that carries the QA outcome where
	 * the phase decides QA (without it the override is refused again).
	 */
	private static String overrideCommand(ApiAnswer answer, String qa) {
		for (JsonNode command : answer.instructions().path("suggested_commands")) {
			if (command.asText().contains("--override")) {
				return command.asText();
			}
		}
		boolean qaPhase = qa != null;
		for (JsonNode error : answer.body().path("errors")) {
			qaPhase |= error.path("field").asText("").equals("qa_status");
		}
		return "phaseflow phase complete --override --reason \"why the check does not apply\""
				+ (qaPhase ? " --qa " + ((qa != null) ? qaStatus(qa) : "qa_passed|qa_failed") : "");
	}

	/** Explains a refused phase (or end): what failed, what warns, and the choices. */
	static void refused(Terminal terminal, ApiAnswer answer, String overrideCommand) {
		terminal.err.println("✗ " + answer.message());
		answer.errors().forEach((error) -> terminal.err.println("  - " + error));
		List<String> warnings = answer.warnings();
		if (!warnings.isEmpty()) {
			terminal.err.println("Warnings:");
			warnings.forEach((warning) -> terminal.err.println("  - " + warning));
		}
		terminal.err.println("You can:");
		terminal.err.println("  1. Fix it, then try again: " + String.join("; ", fixes(answer)));
		terminal.err.println("  2. Override: " + overrideCommand);
		terminal.err.println("  3. Keep working: phaseflow status");
	}

	/** How to fix each error: the artifacts to send, the field to fill. */
	private static List<String> fixes(ApiAnswer answer) {
		List<String> fixes = new ArrayList<>();
		StringBuilder withArtifacts = new StringBuilder();
		for (JsonNode error : answer.body().path("errors")) {
			String field = error.path("field").asText("");
			if (field.startsWith("artifacts.")) {
				withArtifacts.append(" --artifact ").append(field.substring("artifacts.".length()));
			}
			else if (field.startsWith("task.")) {
				fixes.add("a PM fills the task's " + field.substring("task.".length()) + " (PATCH /tasks/<task>)");
			}
			else if (field.equals("qa_status")) {
				fixes.add("phaseflow phase complete --qa qa_passed|qa_failed");
			}
		}
		if (withArtifacts.length() > 0) {
			// the files go with the completion: one call
			fixes.add(0, "phaseflow phase complete" + withArtifacts);
		}
		return fixes.isEmpty() ? List.of("see the errors above") : fixes;
	}

	private static String qaStatus(String qa) {
		if (qa == null) {
			return null;
		}
		String value = qa.toLowerCase(Locale.ROOT).replaceFirst("^qa_", "");
		if (!value.equals("passed") && !value.equals("failed")) {
			throw new CommandFailed(2, "--qa takes passed or failed, not " + qa);
		}
		return "qa_" + value;
	}

	static String capitalized(String phase) {
		return phase.isEmpty() ? phase : Character.toUpperCase(phase.charAt(0)) + phase.substring(1);
	}

}

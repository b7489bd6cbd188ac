package io.phaseflow.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.cli.context.ActiveContext;
import io.phaseflow.cli.context.ContextFile;
import io.phaseflow.client.ApiAnswer;
import io.phaseflow.client.ClientSettings;
import io.phaseflow.client.Json;
import io.phaseflow.client.PhaseflowClient;

/**
 * What every command shares: the environment, the output streams, the client, the active
 * context, and the two ways of answering: text with the phase banner and next steps for
 * people, or the server's raw JSON with {@code --json} for agents.
 */
final class Terminal {

	final Map<String, String> env;

	final PrintStream out;

	final PrintStream err;

	private ContextFile contextFile;

	private PhaseflowClient client;

	private boolean json;

	Terminal(Map<String, String> env, PrintStream out, PrintStream err) {
		this.env = env;
		this.out = out;
		this.err = err;
	}

	void json(boolean value) {
		this.json = value;
	}

	boolean json() {
		return this.json;
	}

	PhaseflowClient client() {
		if (this.client == null) {
			this.client = new PhaseflowClient(ClientSettings.from(this.env));
		}
		return this.client;
	}

	ActiveContext context() {
		return contextFile().read();
	}

	void remember(ActiveContext context) {
		contextFile().write(context);
	}

	/**
	 * The agent's context file, found on first use: a command that needs none runs even
	 * when the environment names no place for it.
	 */
	ContextFile contextFile() {
		if (this.contextFile == null) {
			this.contextFile = ContextFile.of(this.env, this.err::println);
		}
		return this.contextFile;
	}

	/** The active context, which must hold a session. */
	ActiveContext session() {
		ActiveContext context = context();
		if (!context.hasSession()) {
			throw new CommandFailed(2, "No active session in " + contextFile().path(),
					"phaseflow init T:<task>       start or continue the task's session, with what happened so far",
					"phaseflow init T:<task> --take-over  take over the task's session from an agent that stopped",
					"phaseflow session resume <key> take over a session by its key");
		}
		return context;
	}

	/**
	 * The agent to act as: {@code --agent} (an id or a handle), else
	 * {@code PHASEFLOW_AGENT}, else the agent of the active context; null when none is
	 * known, and the server takes the agent the token was issued for.
	 */
	Long agentId(String option) {
		String given = (option != null && !option.isBlank()) ? option : this.env.get("PHASEFLOW_AGENT");
		if (given == null || given.isBlank()) {
			return context().agentId();
		}
		if (given.strip().matches("\\d{1,18}")) {
			return Long.valueOf(given.strip());
		}
		return require(client().agent(given.strip())).body().path("id").asLong();
	}

	/**
	 * Shows an answer and returns its exit code: the raw JSON with {@code --json};
	 * otherwise {@code human} for a success and the problem for a failure.
	 */
	int show(ApiAnswer answer, Consumer<JsonNode> human) {
		if (this.json) {
			this.out.println(answer.text().isBlank() ? "{}" : answer.text().strip());
		}
		else if (answer.ok()) {
			human.accept(answer.body());
		}
		else {
			problem(answer);
		}
		return answer.exitCode();
	}

	/**
	 * Shows an answer as {@link #show(ApiAnswer, Consumer)} does and, after a refusal in
	 * text, the step that works instead, as {@code next} names it for the answer (none
	 * when it answers null).
	 */
	int show(ApiAnswer answer, Consumer<JsonNode> human, Function<ApiAnswer, String> next) {
		int exit = show(answer, human);
		if (!answer.ok() && !this.json) {
			String step = next.apply(answer);
			if (step != null) {
				this.err.println("  Next: " + step);
			}
		}
		return exit;
	}

	/** Fails the command unless the answer is a success. */
	ApiAnswer require(ApiAnswer answer) {
		if (!answer.ok()) {
			throw failure(answer);
		}
		return answer;
	}

	CommandFailed failure(ApiAnswer answer) {
		JsonNode next = (answer.body() != null) ? answer.body().path("next") : null;
		if (answer.status() == 409 && next != null && "take_over".equals(next.path("action").asText())
				&& next.hasNonNull("task_code")) {
			return heldByAnother(answer, next.path("task_code").asText());
		}
		if (answer.status() == 409 && next != null && "take_over".equals(next.path("action").asText())) {
			String key = next.path("session_key").asText();
			return new CommandFailed(answer.exitCode(), "Session " + key + " belongs to agent "
					+ next.path("expected_agent_id").asText()
					+ ", not to your token's agent: stop working on it (only if that agent stopped and you replace it: "
					+ "phaseflow session resume " + key + ")");
		}
		String message = switch (answer.status()) {
			case 401 -> "The server refused the token (401): " + client().settings().tokenHint();
			case 403 -> "Your token may not do this (403): " + answer.message();
			default -> answer.message() + " (" + answer.status() + ")";
		};
		return new CommandFailed(answer.exitCode(), message, answer.errors().toArray(String[]::new));
	}

	/**
	 * Another agent holds the task's active session: who, since when, its last activity,
	 * and the init that takes the session over.
	 */
	private static CommandFailed heldByAnother(ApiAnswer answer, String task) {
		JsonNode body = answer.body();
		String last = body.path("last_activity_at").asText("");
		return new CommandFailed(answer.exitCode(),
				"Task " + task + " is held by agent " + RecoveryLines.agent(body.path("held_by")) + " in session "
						+ body.path("session_key").asText() + " since " + body.path("held_since").asText()
						+ ", last activity " + (last.isEmpty() ? "none" : last),
				"phaseflow init T:" + task + " --take-over   take it over, only if that agent stopped "
						+ "(its calls are refused from then on)");
	}

	void problem(ApiAnswer answer) {
		CommandFailed failure = failure(answer);
		this.err.println("✗ " + failure.getMessage());
		failure.choices().forEach((line) -> this.err.println("  - " + line));
	}

	/** Prints a failure: text on stderr, or a JSON object on stdout with --json. */
	int report(CommandFailed failure) {
		if (this.json) {
			ObjectNode problem = Json.object().put("error", failure.getMessage()).put("exit_code", failure.exitCode());
			failure.choices().forEach(problem.putArray("choices")::add);
			this.out.println(Json.write(problem));
		}
		else {
			this.err.println("✗ " + failure.getMessage());
			failure.choices().forEach((choice) -> this.err.println("  " + choice));
		}
		return failure.exitCode();
	}

	/**
	 * The instructions in full: the phase banner when the server sent one, else the next
	 * actions and suggested commands; then where the agent is.
	 */
	void guidance(JsonNode instructions) {
		String banner = instructions.path("banner").asText("");
		if (!banner.isBlank()) {
			this.out.println();
			this.out.println(banner.stripTrailing());
		}
		else {
			list("Next steps:", instructions.path("next_actions"));
			list("Commands:", instructions.path("suggested_commands"));
		}
		reminder(instructions);
	}

	/** The instructions in brief: the first next action and where the agent is. */
	void brief(JsonNode instructions) {
		JsonNode next = instructions.path("next_actions");
		if (next.size() > 0) {
			this.out.println("Next: " + next.get(0).asText());
		}
		reminder(instructions);
	}

	void list(String heading, JsonNode items) {
		if (items.isArray() && !items.isEmpty()) {
			this.out.println();
			this.out.println(heading);
			int number = 1;
			for (JsonNode item : items) {
				this.out.println("  " + number++ + ". " + item.asText());
			}
		}
	}

	private void reminder(JsonNode instructions) {
		JsonNode reminder = instructions.path("context_reminder");
		List<String> parts = new ArrayList<>();
		add(parts, "task ", reminder.path("active_task"));
		add(parts, "phase ", reminder.path("active_phase"));
		add(parts, "", reminder.path("time_elapsed"));
		if (!parts.isEmpty()) {
			this.out.println();
			this.out.println("[" + String.join(" · ", parts) + "]");
		}
	}

	private static void add(List<String> parts, String label, JsonNode value) {
		if (value.isTextual() && !value.asText().isBlank()) {
			parts.add(label + value.asText());
		}
	}

}

package io.phaseflow.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.cli.context.ActiveContext;
import io.phaseflow.client.ApiAnswer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phaseflow done "summary"}: completes the active task with its summary (and its
 * session with it). Without a summary, or when the server finds the task's context
 * incomplete (no updates recorded), it explains what is missing and the server's choices.
 */
@Command(name = "done", description = "Complete the active task with a summary of the work.")
class DoneCommand implements Callable<Integer> {

	private final Terminal terminal;

	@Parameters(arity = "0..1", paramLabel = "<summary>", description = "What was done.")
	String summary;

	@Option(names = "--force", description = "Complete it although something is missing.")
	boolean force;

	DoneCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		ActiveContext context = this.terminal.session();
		boolean noSummary = this.summary == null || this.summary.isBlank();
		if (noSummary && !this.force) {
			throw new CommandFailed(2, "Task " + context.taskCode() + " cannot be completed: a summary is missing",
					"1. Complete it with a summary: phaseflow done \"<what was done and how it was verified>\"",
					"2. Continue working:           phaseflow status");
		}
		ApiAnswer answer = this.terminal.client()
			.taskStatus(context.taskCode(), "completed", noSummary ? null : this.summary, context.sessionKey(),
					this.force);
		if (answer.status() == 422 && !this.terminal.json()) {
			throw incomplete(context, answer);
		}
		return this.terminal.show(answer, (task) -> {
			this.terminal.out.println("✓ Task " + task.path("task_code").asText() + " completed.");
			this.terminal.guidance(task.path("instructions"));
		});
	}

	/**
	 * The server's refusal with its choices, which know whether the session still takes
	 * updates (an ended one does not).
	 */
	private static CommandFailed incomplete(ActiveContext context, ApiAnswer answer) {
		StringBuilder message = new StringBuilder("Task " + context.taskCode() + " cannot be completed:");
		List<String> missing = answer.errors().isEmpty() ? List.of(answer.message()) : answer.errors();
		missing.forEach((item) -> message.append("\n   - ").append(item));
		List<String> choices = new ArrayList<>();
		JsonNode instructions = answer.body().path("instructions");
		for (JsonNode action : instructions.path("next_actions")) {
			choices.add((choices.size() + 1) + ". " + action.asText());
		}
		JsonNode commands = instructions.path("suggested_commands");
		if (!commands.isEmpty()) {
			choices.add("Commands:");
			commands.forEach((command) -> choices.add("   " + command.asText()));
		}
		return new CommandFailed(2, message.append("\nWould you like to:").toString(), choices.toArray(String[]::new));
	}

}

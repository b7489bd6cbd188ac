package io.phaseflow.cli;

import java.util.concurrent.Callable;

import io.phaseflow.cli.context.ActiveContext;
import io.phaseflow.client.ApiAnswer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phaseflow done "summary"}: completes the active task with its summary (and its
 * session with it). Without a summary, or when the server finds the task's context
 * incomplete (no updates recorded), it explains what is missing and the choices.
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
			throw incomplete(context, "Missing summary");
		}
		ApiAnswer answer = this.terminal.client()
			.taskStatus(context.taskCode(), "completed", noSummary ? null : this.summary, context.sessionKey(),
					this.force);
		if (answer.status() == 422 && !this.terminal.json()) {
			throw incomplete(context, answer.errors().isEmpty() ? new String[] { answer.message() }
					: answer.errors().toArray(String[]::new));
		}
		return this.terminal.show(answer, (task) -> {
			this.terminal.out.println("✓ Task " + task.path("task_code").asText() + " completed.");
			this.terminal.guidance(task.path("instructions"));
		});
	}

	private CommandFailed incomplete(ActiveContext context, String... missing) {
		StringBuilder message = new StringBuilder("Task " + context.taskCode() + " cannot be completed:");
		for (String item : missing) {
			message.append("\n   - ").append(item);
		}
		String summary = (this.summary != null && !this.summary.isBlank()) ? this.summary : "summary";
		return new CommandFailed(2, message.append("\nWould you like to:").toString(),
				"1. Add what is missing: phaseflow update \"progress\", then phaseflow done \"" + summary + "\"",
				"2. Ask a PM to force it (only a PM's token may: phaseflow done --force \"" + summary + "\")",
				"3. Continue working:    phaseflow status");
	}

}

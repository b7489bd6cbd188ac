package io.phaseflow.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code phaseflow report [<sprint>]}: the sprint's progress.
 */
@Command(name = "report", description = "A sprint's progress: counts by status and its tasks.")
class ReportCommand implements Callable<Integer> {

	private final Terminal terminal;

	@Parameters(arity = "0..1", paramLabel = "<sprint>", description = "The sprint (else the active one).")
	String sprint;

	ReportCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		String code = (this.sprint != null) ? this.sprint : this.terminal.context().sprintCode();
		if (code == null) {
			throw new CommandFailed(2, "Which sprint? Name it, or run phaseflow init S:<sprint> first");
		}
		return this.terminal.show(this.terminal.client().statusReport(code),
				(report) -> print(this.terminal, report.path("sprint_code").asText(),
						report.path("sprint_title").asText(), report.path("sprint_status").asText(),
						report.path("summary"), report.path("tasks")));
	}

	static void print(Terminal terminal, String code, String title, String status, JsonNode summary, JsonNode tasks) {
		terminal.out.println("Sprint " + code + ": " + title + " (" + status + ")");
		terminal.out
			.println("Progress: " + summary.path("completed").asInt() + " of " + summary.path("total_tasks").asInt()
					+ " tasks completed (" + summary.path("progress_percentage").asText() + "%), "
					+ summary.path("in_progress").asInt() + " in progress, " + summary.path("pending").asInt()
					+ " pending, " + summary.path("blocked").asInt() + " blocked");
		for (JsonNode task : tasks) {
			terminal.out.printf("  %-28s %-22s %-3s %s%n", task.path("task_code").asText(),
					task.path("status").asText(), task.path("priority").asText(), task.path("title").asText());
		}
	}

}

package io.phaseflow.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.client.ApiAnswer;
import io.phaseflow.client.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phaseflow bug "title"}: a bug filed as a backlog task; the same bug filed again
 * names the task it already is.
 */
@Command(name = "bug", description = "File a bug as a backlog task (category bug).")
class BugCommand implements Callable<Integer> {

	private final Terminal terminal;

	@Parameters(paramLabel = "<title>")
	String title;

	@Option(names = "--description", paramLabel = "<text>")
	String description;

	@Option(names = "--priority", paramLabel = "<P0..P4>", description = "Default P2.")
	String priority;

	@Option(names = "--sprint", paramLabel = "<sprint>", description = "File it in this sprint, not the backlog.")
	String sprint;

	BugCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		ObjectNode body = Json.object().put("title", this.title);
		TaskCommand.Fields.putIfGiven(body, "description", this.description);
		TaskCommand.Fields.putIfGiven(body, "sprint_code", this.sprint);
		if (this.priority != null) {
			body.put("priority", this.priority.toUpperCase(Locale.ROOT));
		}
		ApiAnswer answer = this.terminal.client().fileBug(body);
		return this.terminal.show(answer, (filed) -> {
			JsonNode task = filed.path("task");
			String code = task.path("task_code").asText();
			if (filed.hasNonNull("duplicate_of")) {
				this.terminal.out.println("This bug was filed before: task " + filed.path("duplicate_of").asText()
						+ " (" + task.path("status").asText() + "); nothing new was filed.");
			}
			else {
				this.terminal.out.println("✓ Bug filed as task " + code + " (" + task.path("priority").asText() + "): "
						+ task.path("title").asText());
			}
			this.terminal.out.println("Next: phaseflow task update " + code + " --sprint <sprint> --criteria \"…\"");
		}, (refused) -> (refused.status() == 422 || refused.status() == 400)
				? "phaseflow bug \"<title>\" [--description …] [--priority P0..P4] [--sprint <an existing sprint>]"
				: PmRefusals.next(refused, "PM, AGENT or REVIEWER"));
	}

}

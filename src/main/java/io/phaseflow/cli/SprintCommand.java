package io.phaseflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.client.ApiAnswer;
import io.phaseflow.client.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phaseflow sprint create <code> --title … [--template <name>]}: a sprint, with
 * the tasks of a sprint template; it becomes the active sprint.
 */
@Command(name = "sprint", description = "Create sprints.")
class SprintCommand {

	private final Terminal terminal;

	SprintCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Command(name = "create", description = "Create a sprint; with --template, also the template's tasks "
			+ "(templates/sprints/<name>.yaml).")
	int create(@Parameters(paramLabel = "<code>") String code,
			@Option(names = "--title", required = true, paramLabel = "<title>") String title,
			@Option(names = "--template", paramLabel = "<name>", description = "e.g. default") String template,
			@Option(names = "--owner", paramLabel = "<owner>") String owner) {
		ObjectNode body = Json.object().put("sprint_code", code).put("title", title);
		if (template != null) {
			body.put("template", template);
		}
		if (owner != null) {
			body.put("owner", owner);
		}
		ApiAnswer answer = this.terminal.client().createSprint(body);
		if (answer.ok()) {
			this.terminal.remember(this.terminal.context().withSprint(code));
		}
		return this.terminal.show(answer, (created) -> {
			JsonNode sprint = created.has("sprint") ? created.get("sprint") : created;
			this.terminal.out.println("✓ Sprint " + sprint.path("sprint_code").asText() + " created: "
					+ sprint.path("title").asText() + " (" + sprint.path("status").asText() + ")");
			for (JsonNode task : created.path("tasks")) {
				this.terminal.out.printf("  %-28s %-3s %s%n", task.path("task_code").asText(),
						task.path("priority").asText(), task.path("title").asText());
			}
			this.terminal.out.println("Next: phaseflow init T:<task>");
		});
	}

}

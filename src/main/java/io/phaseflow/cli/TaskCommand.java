package io.phaseflow.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.client.ApiAnswer;
import io.phaseflow.client.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phaseflow task create|update|list|status}: a PM's work on tasks, without curl.
 */
@Command(name = "task", description = "Create, change, list tasks and set their status (PM).")
class TaskCommand {

	private static final String CRITERIA = "acceptance_criteria";

	private static final String DEPENDS_ON = "depends_on";

	private final Terminal terminal;

	TaskCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Command(name = "create", description = "Create a task (status pending, priority P2 unless given).")
	int create(@Parameters(paramLabel = "<code>") String code, @Mixin Fields fields) {
		if (fields.title == null) {
			throw new CommandFailed(2, "A task needs a title",
					"phaseflow task create " + code + " --title \"What it is about\"");
		}
		ObjectNode body = fields.into(Json.object().put("task_code", code));
		return this.terminal.show(this.terminal.client().createTask(body), (task) -> {
			print(task, "created");
			this.terminal.out
				.println("Next: an agent starts it with phaseflow init T:" + task.path("task_code").asText());
		}, (refused) -> switch (refused.status()) {
			case 409 -> "it exists: phaseflow task update " + code + " [options]";
			case 422 -> sprintNamed(refused) ? "phaseflow sprint create " + fields.sprint + " --title \"…\" first"
					: "fix what is named above and run phaseflow task create " + code + " again";
			default -> PmRefusals.next(refused, "PM");
		});
	}

	@Command(name = "update", description = "Change a task: only the options given change. A list option "
			+ "(--criteria, --depends-on) replaces the whole old list.")
	int update(@Parameters(paramLabel = "<code>") String code, @Mixin Fields fields) {
		ObjectNode patch = fields.into(Json.object());
		if (patch.isEmpty()) {
			throw new CommandFailed(2, "Nothing to change: name at least one option",
					"phaseflow task update " + code + " --title \"…\"", "phaseflow task update " + code + " --help");
		}
		return this.terminal.show(this.terminal.client().updateTask(code, patch), (task) -> print(task, "updated"),
				(refused) -> switch (refused.status()) {
					case 404 ->
						"no such task: phaseflow task list, or phaseflow task create " + code + " --title \"…\"";
					case 409 -> "the task's session waits for a reviewer's decision: decide it at /ui/overrides, then "
							+ "update again";
					case 422 ->
						sprintNamed(refused) ? "phaseflow sprint create " + fields.sprint + " --title \"…\" first"
								: "fix what is named above and run phaseflow task update " + code + " again";
					default -> PmRefusals.next(refused, "PM");
				});
	}

	@Command(name = "list", description = "List tasks in id order, a page at a time.")
	int list(@Option(names = "--sprint", paramLabel = "<sprint>") String sprint, @Option(names = "--status",
			paramLabel = "<status>",
			description = "pending, in_progress, pending_verification, completed, failed or blocked.") String status,
			@Option(names = "--after", paramLabel = "<id>",
					description = "The page after this task id.") String after) {
		Map<String, String> filters = new LinkedHashMap<>();
		filters.put("sprint_code", sprint);
		filters.put("status", (status != null) ? status.toLowerCase(Locale.ROOT) : null);
		filters.put("after_id", after);
		return this.terminal.show(this.terminal.client().tasks(filters), (page) -> {
			JsonNode tasks = page.path("data");
			if (tasks.isEmpty()) {
				this.terminal.out.println("No tasks.");
			}
			for (JsonNode task : tasks) {
				this.terminal.out.printf("  %-28s %-20s %-3s %-16s %s%s%n", task.path("task_code").asText(),
						task.path("status").asText(), task.path("priority").asText(),
						task.path("sprint_code").asText("-"), task.path("title").asText(), dependsOn(task));
			}
			if (page.hasNonNull("next_after_id")) {
				this.terminal.out.println("More: phaseflow task list" + ((sprint != null) ? " --sprint " + sprint : "")
						+ ((status != null) ? " --status " + status : "") + " --after "
						+ page.path("next_after_id").asText());
			}
		}, (refused) -> (refused.status() == 400 || refused.status() == 422)
				? "phaseflow task list [--sprint <sprint>] [--status pending|in_progress|completed|…]"
				: PmRefusals.next(refused, "any"));
	}

	@Command(name = "status", description = "Set a task's status; completing it completes its running session. "
			+ "Needs a token with AGENT (a PM's with AGENT, or ADMIN's); --force is a PM's.")
	int status(@Parameters(index = "0", paramLabel = "<code>") String code, @Parameters(index = "1",
			paramLabel = "<status>",
			description = "pending, in_progress, pending_verification, completed, failed or blocked.") String status,
			@Option(names = "--notes", paramLabel = "<text>",
					description = "What was done (completing needs it).") String notes,
			@Option(names = "--force", description = "Complete without notes or context updates (PM).") boolean force) {
		String wire = status.toLowerCase(Locale.ROOT);
		ApiAnswer answer = this.terminal.client().taskStatus(code, wire, notes, null, force);
		return this.terminal.show(answer, (task) -> this.terminal.out
			.println("✓ Task " + task.path("task_code").asText(code) + " is " + task.path("status").asText(wire) + "."),
				(refused) -> switch (refused.status()) {
					case 404 -> "no such task: phaseflow task list";
					case 422 -> force ? "fix what is named above and run it again"
							: "phaseflow task status " + code + " " + wire + " --notes \"what was done\" --force";
					case 409 -> "see the task's session: phaseflow task list, then phaseflow session resume <key>";
					default -> PmRefusals.next(refused, "AGENT (a PM's token with AGENT, or ADMIN)");
				});
	}

	private void print(JsonNode task, String done) {
		this.terminal.out.println("✓ Task " + task.path("task_code").asText() + " " + done + ": "
				+ task.path("title").asText() + " (" + task.path("status").asText() + ", "
				+ task.path("priority").asText()
				+ (task.hasNonNull("sprint_code") ? ", sprint " + task.path("sprint_code").asText() : "")
				+ (task.hasNonNull("estimate_minutes") ? ", " + task.path("estimate_minutes").asText() + " min" : "")
				+ ")");
		String dependsOn = dependsOn(task);
		if (!dependsOn.isEmpty()) {
			this.terminal.out.println(" " + dependsOn.strip());
		}
		JsonNode criteria = task.at("/metadata/" + CRITERIA);
		if (criteria.isArray() && !criteria.isEmpty()) {
			this.terminal.out.println("  acceptance criteria:");
			criteria.forEach((criterion) -> this.terminal.out.println("    - " + criterion.asText()));
		}
	}

	private static String dependsOn(JsonNode task) {
		List<String> codes = Json.texts(task.path(DEPENDS_ON));
		return codes.isEmpty() ? "" : "  (depends on " + String.join(", ", codes) + ")";
	}

	private static boolean sprintNamed(ApiAnswer answer) {
		return answer.errors().stream().anyMatch((error) -> error.startsWith("sprint_code"));
	}

	/**
	 * The fields a PM writes, for a new task or a merge patch: options not given are left
	 * out, so an update changes only what it names.
	 */
	static class Fields {

		@Option(names = "--title", paramLabel = "<title>", description = "One line.")
		String title;

		@Option(names = "--description", paramLabel = "<text>")
		String description;

		@Option(names = "--sprint", paramLabel = "<sprint>", description = "The sprint's code.")
		String sprint;

		@Option(names = "--priority", paramLabel = "<P0..P4>", description = "P0 (drop everything) to P4; default P2.")
		String priority;

		@Option(names = "--estimate", paramLabel = "<minutes>")
		Integer estimate;

		@Option(names = "--criteria", paramLabel = "<text>",
				description = "An acceptance criterion (metadata.acceptance_criteria); repeatable. "
						+ "On update, the criteria given replace all the old ones.")
		List<String> criteria;

		@Option(names = "--depends-on", paramLabel = "<task>",
				description = "A task this one waits for; repeatable. On update, replaces all the old ones.")
		List<String> dependsOn;

		ObjectNode into(ObjectNode body) {
			putIfGiven(body, "title", this.title);
			putIfGiven(body, "description", this.description);
			putIfGiven(body, "sprint_code", this.sprint);
			putIfGiven(body, "priority", (this.priority != null) ? this.priority.toUpperCase(Locale.ROOT) : null);
			if (this.estimate != null) {
				body.put("estimate_minutes", this.estimate);
			}
			if (this.criteria != null || this.dependsOn != null) {
				ObjectNode metadata = body.putObject("metadata");
				if (this.criteria != null) {
					this.criteria.forEach(metadata.putArray(CRITERIA)::add);
				}
				if (this.dependsOn != null) {
					this.dependsOn.forEach(metadata.putArray(DEPENDS_ON)::add);
				}
			}
			return body;
		}

		static void putIfGiven(ObjectNode body, String name, String value) {
			if (value != null) {
				body.put(name, value);
			}
		}

	}

}

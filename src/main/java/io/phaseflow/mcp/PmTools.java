package io.phaseflow.mcp;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.client.ApiAnswer;
import io.phaseflow.client.Json;
import io.phaseflow.client.PhaseflowClient;

/**
 * A PM's tools ({@code phaseflow mcp --pm}): sprints, tasks, bugs, ADRs, task status and
 * reports. They are served instead of an agent's, whose list stays short and whose token
 * is not a PM's.
 */
final class PmTools extends ToolSet {

	private static final String SPRINT_CODE = "sprint_code";

	private static final String TASK_CODE = "task_code";

	PmTools(PhaseflowClient client) {
		super(client, "PM");
		tool("sprint_create", "Create a sprint (it becomes the active one); template adds its tasks.", """
				{"type": "object", "properties": {"sprint_code": {"type": "string"}, "title": {"type": "string"},
				  "template": {"type": "string", "description": "e.g. default"}, "owner": {"type": "string"}},
				 "required": ["sprint_code", "title"]}
				""", this::sprintCreate);
		tool("task_create", "Create a task (pending, P2 unless given).", """
				{"type": "object", "properties": {"task_code": {"type": "string"}, "title": {"type": "string"},
				  "description": {"type": "string"}, "sprint_code": {"type": "string"},
				  "priority": {"type": "string", "enum": ["P0", "P1", "P2", "P3", "P4"]},
				  "estimate_minutes": {"type": "integer", "minimum": 1},
				  "acceptance_criteria": {"type": "array", "items": {"type": "string"}},
				  "depends_on": {"type": "array", "items": {"type": "string"}}},
				 "required": ["task_code", "title"]}
				""", this::taskCreate);
		tool("bug_report", "File a bug as a backlog task; the same bug again names the task it is.", """
				{"type": "object", "properties": {"title": {"type": "string"}, "description": {"type": "string"},
				  "priority": {"type": "string", "enum": ["P0", "P1", "P2", "P3", "P4"]},
				  "sprint_code": {"type": "string"}}, "required": ["title"]}
				""", this::bugReport);
		tool("adr_create", "Write an architecture decision record, ADR-NNN-<slug>.md.",
				"""
						{"type": "object", "properties": {"title": {"type": "string"}, "context": {"type": "string"},
						  "decision": {"type": "string"}, "consequences": {"type": "string"},
						  "status": {"type": "string", "enum": ["proposed", "accepted", "rejected", "deprecated", "superseded"]}},
						 "required": ["title"]}
						""",
				this::adrCreate);
		tool("task_status", "Set any task's status; completing needs notes unless force. Needs AGENT too.", """
				{"type": "object", "properties": {"task_code": {"type": "string"},
				  "status": {"type": "string", "enum": ["pending", "in_progress", "pending_verification",
				    "completed", "failed", "blocked"]},
				  "notes": {"type": "string"}, "force": {"type": "boolean"}},
				 "required": ["task_code", "status"]}
				""", this::taskStatus);
		tool("status_report", "A sprint's progress: counts by status and its tasks.", """
				{"type": "object", "properties": {"sprint_code": {"type": "string"}}, "required": ["sprint_code"]}
				""", this::statusReport);
		searchTool();
	}

	private ObjectNode sprintCreate(Map<String, Object> args) {
		ObjectNode body = fields(args, SPRINT_CODE, "title", "template", "owner");
		JsonNode created = ok(this.client.createSprint(body));
		JsonNode sprint = created.has("sprint") ? created.get("sprint") : created;
		ObjectNode out = Json.object();
		Results.copy(sprint, out, SPRINT_CODE, "title", "status");
		ArrayNode tasks = out.putArray("tasks");
		created.path("tasks").forEach((task) -> tasks.add(task.path(TASK_CODE).asText()));
		String code = sprint.path(SPRINT_CODE).asText();
		out.set("instructions", Results.guide(List.of("Add the sprint's tasks"), Results.call("task_create",
				Results.ordered(TASK_CODE, "<task_code>", "title", "<title>", SPRINT_CODE, code))));
		return out;
	}

	private ObjectNode taskCreate(Map<String, Object> args) {
		ObjectNode body = fields(args, TASK_CODE, "title", "description", SPRINT_CODE, "priority", "estimate_minutes");
		if (args.containsKey("acceptance_criteria") || args.containsKey("depends_on")) {
			ObjectNode metadata = body.putObject("metadata");
			Results.copy(Json.mapper().valueToTree(args), metadata, "acceptance_criteria", "depends_on");
		}
		return task(ok(this.client.createTask(body)),
				"An agent starts it with init {\"task_code\": \"" + args.get(TASK_CODE) + "\"}");
	}

	private ObjectNode bugReport(Map<String, Object> args) {
		JsonNode filed = ok(this.client.fileBug(fields(args, "title", "description", "priority", SPRINT_CODE)));
		ObjectNode out = task(filed.path("task"), filed.hasNonNull("duplicate_of")
				? "This bug was filed before; nothing new was filed" : "The bug is a task now: plan it into a sprint");
		Results.copy(filed, out, "duplicate_of");
		return out;
	}

	private ObjectNode adrCreate(Map<String, Object> args) {
		JsonNode written = ok(
				this.client.writeAdr(fields(args, "title", "context", "decision", "consequences", "status")));
		ObjectNode out = Json.object();
		Results.copy(written, out, "number", "path");
		out.set("instructions", Results.guide(List.of("Commit " + written.path("path").asText())));
		return out;
	}

	private ObjectNode taskStatus(Map<String, Object> args) {
		String status = text(args, "status").toLowerCase(Locale.ROOT);
		ApiAnswer answer = this.client.taskStatus(text(args, TASK_CODE), status, text(args, "notes"), null,
				flag(args, "force"));
		if (answer.status() == 403) {
			throw new ToolError("Your token may not set a task's status (403): it needs the AGENT role as well as PM "
					+ "(or ADMIN)");
		}
		return task(ok(answer), "The task is " + status);
	}

	private ObjectNode statusReport(Map<String, Object> args) {
		JsonNode report = ok(this.client.statusReport(text(args, SPRINT_CODE)));
		ObjectNode out = Json.object();
		Results.copy(report, out, SPRINT_CODE, "sprint_title", "sprint_status", "summary");
		ArrayNode tasks = out.putArray("tasks");
		report.path("tasks")
			.forEach((task) -> Results.copy(task, tasks.addObject(), TASK_CODE, "status", "priority", "title"));
		out.set("instructions", Results.guide(List.of("Pending tasks wait for an agent to init on them")));
		return out;
	}

	/** A task in a line, and the report of its sprint to look at next. */
	private static ObjectNode task(JsonNode task, String action) {
		ObjectNode out = Json.object();
		Results.copy(task, out, TASK_CODE, "title", "status", "priority", SPRINT_CODE);
		String sprint = task.path(SPRINT_CODE).asText(null);
		out.set("instructions",
				(sprint != null)
						? Results.guide(List.of(action), Results.call("status_report", Map.of(SPRINT_CODE, sprint)))
						: Results.guide(List.of(action)));
		return out;
	}

	/** The arguments named that were given, as a request body. */
	private static ObjectNode fields(Map<String, Object> args, String... names) {
		ObjectNode body = Json.object();
		Results.copy(Json.mapper().valueToTree(args), body, names);
		return body;
	}

	@Override
	protected ObjectNode instructions() {
		return Results.guide(List
			.of("After an error, fix what it names and call the tool again; a sprint's progress is in status_report"),
				Results.call("status_report", Map.of(SPRINT_CODE, "<sprint_code>")));
	}

}

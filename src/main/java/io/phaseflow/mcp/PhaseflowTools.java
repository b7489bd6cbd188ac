package io.phaseflow.mcp;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.client.ApiAnswer;
import io.phaseflow.client.Json;
import io.phaseflow.client.PhaseflowClient;

/**
 * An agent's tools: each forwards one call to the REST API and answers its essentials
 * (see {@link Results}). The session {@code init} (or {@code resume_session}) started is
 * kept in memory, so later calls need no ids; results without their own
 * {@code instructions} get the session's.
 */
final class PhaseflowTools extends ToolSet {

	/**
	 * How long wait_for_override waits unless told: within the tool-call timeouts MCP
	 * clients commonly use; the answer says to call again while the override is pending.
	 */
	private static final Duration DEFAULT_WAIT = Duration.ofSeconds(120);

	private static final String DETAIL = """
			"detail": {"type": "string", "enum": ["compact", "full"], "description": "full: the whole REST answer"}""";

	/** The largest page of events the API gives. */
	private static final String PAGE = "1000";

	private final String defaultAgent;

	private String sessionKey;

	private String taskCode;

	private String phase;

	PhaseflowTools(PhaseflowClient client, String defaultAgent) {
		super(client, "agent");
		this.defaultAgent = defaultAgent;
		tool("init", "Start or continue a task's session (task_code), or show a sprint (sprint_code). Call first.", """
				{"type": "object", "properties": {
				  "task_code": {"type": "string"}, "sprint_code": {"type": "string"},
				  "agent": {"type": "string", "description": "agent id or handle (default PHASEFLOW_AGENT)"},
				  "take_over": {"type": "boolean", "description": "take the session over from the agent holding it"},
				  %s}}
				""".formatted(DETAIL), this::init);
		tool("context", "The session's task, phase, artifacts and next steps.", """
				{"type": "object", "properties": {%s}}
				""".formatted(DETAIL), (args) -> context(ok(this.client.context(session())), args));
		tool("complete_phase",
				"Complete the current phase, sending its artifacts. Review needs qa_status; override needs a reason.",
				"""
						{"type": "object", "properties": {
						  "qa_status": {"type": "string", "enum": ["qa_passed", "qa_failed"]},
						  "override": {"type": "boolean"}, "reason": {"type": "string"},
						  "artifacts": {"type": "array", "items": {"type": "object", "properties": {
						    "name": {"type": "string"}, "content": {"type": "string"}}, "required": ["name", "content"]}},
						  %s}}
						"""
					.formatted(DETAIL),
				this::completePhase);
		tool("submit_artifact", "Submit an artifact of the current phase without completing it.", """
				{"type": "object", "properties": {"name": {"type": "string"}, "content": {"type": "string"}},
				 "required": ["name", "content"]}
				""", this::submitArtifact);
		tool("read_artifact", "Read an artifact of the session, e.g. the REVIEW.md of a failed review.", """
				{"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}
				""", this::readArtifact);
		tool("log_activity", "Log something done, e.g. tests_run with details.", """
				{"type": "object", "properties": {"activity_type": {"type": "string"},
				  "details": {"type": "object"}, "description": {"type": "string"}},
				 "required": ["activity_type"]}
				""", this::logActivity);
		tool("log_iteration", "Log the next iteration, or update one given its iteration_number.", """
				{"type": "object", "properties": {"iteration_number": {"type": "integer"},
				  "status": {"type": "string", "enum": ["running", "completed", "failed", "qa_pending",
				    "qa_passed", "qa_failed"]},
				  "summary": {"type": "string"}, "tokens_input": {"type": "integer"},
				  "tokens_output": {"type": "integer"}, "cost": {"type": "number"}}}
				""", this::logIteration);
		tool("note", "Record a context update (progress) or a note (a finding) on the task.", """
				{"type": "object", "properties": {"kind": {"type": "string", "enum": ["update", "note"]},
				  "text": {"type": "string"}}, "required": ["kind", "text"]}
				""", this::note);
		tool("task_status", "Report the task's status; completed needs notes (a summary of the work).", """
				{"type": "object", "properties": {
				  "status": {"type": "string", "enum": ["pending", "in_progress", "pending_verification",
				    "completed", "failed", "blocked"]},
				  "notes": {"type": "string"}, "force": {"type": "boolean"}},
				 "required": ["status"]}
				""", this::taskStatus);
		tool("wait_for_override",
				"Wait for a reviewer's decision on the override (timeout_seconds, default " + DEFAULT_WAIT.toSeconds()
						+ ").",
				"""
						{"type": "object", "properties": {"timeout_seconds": {"type": "integer", "minimum": 1}}}
						""", (args) -> Results.session(ok(this.client.awaitDecision(session(), waitFor(args)))));
		tool("pause_session", "Pause the session.", """
				{"type": "object", "properties": {}}
				""", (args) -> Results.session(ok(this.client.pause(session()))));
		tool("resume_session",
				"Resume the paused session; with session_key, take over that session (recovery) and get its context.",
				"""
						{"type": "object", "properties": {"session_key": {"type": "string"},
						  "agent": {"type": "string", "description": "resume as this agent (id or handle)"}}}
						""", this::resume);
		tool("end_session", "End the session early, with the reason.", """
				{"type": "object", "properties": {"reason": {"type": "string"}}, "required": ["reason"]}
				""", this::end);
		tool("recent_events", "The session's latest events, newest last.", """
				{"type": "object", "properties": {"limit": {"type": "integer", "minimum": 1, "maximum": 100}}}
				""", this::recentEvents);
		searchTool();
	}

	private ObjectNode init(Map<String, Object> args) {
		Long agent = agentId(text(args, "agent"));
		String task = text(args, "task_code");
		if (task == null) {
			String sprint = text(args, "sprint_code");
			if (sprint == null || sprint.isBlank()) {
				throw new IllegalArgumentException("Give task_code (a task) or sprint_code (a sprint)");
			}
			return Results.sprint(ok(this.client.init("sprint", sprint, agent)));
		}
		JsonNode answer = ok(flag(args, "take_over") ? this.client.initTakingOver(task, agent)
				: this.client.init("task", task, agent));
		synchronized (this) {
			this.sessionKey = answer.at("/session/key").asText();
			this.taskCode = answer.at("/session/entity_code").asText();
			this.phase = answer.at("/session/current_phase").asText(null);
		}
		return "full".equals(text(args, "detail")) ? Results.full(answer) : Results.context(answer);
	}

	private ObjectNode context(JsonNode answer, Map<String, Object> args) {
		synchronized (this) {
			this.taskCode = answer.at("/session/entity_code").asText();
			this.phase = answer.at("/session/current_phase").asText(null);
		}
		return "full".equals(text(args, "detail")) ? Results.full(answer) : Results.context(answer);
	}

	private synchronized ObjectNode completePhase(Map<String, Object> args) {
		String key = session();
		if (this.phase == null) {
			this.phase = ok(this.client.session(key)).path("current_phase").asText(null);
		}
		String attempted = this.phase;
		ApiAnswer answer = this.client.completePhase(key, attempted, flag(args, "override"), text(args, "reason"),
				text(args, "qa_status"), artifacts(args));
		JsonNode session = answer.body().path("session");
		if (session.has("current_phase")) {
			this.phase = session.get("current_phase").asText(null);
		}
		else if (answer.status() == 409) {
			this.phase = this.client.session(key).body().path("current_phase").asText(null);
		}
		if (answer.status() == 422 && session.isObject()) {
			// the check failed: what is missing, with the session's instructions
			ObjectNode refused = Results.outcome(answer.body(), attempted);
			ObjectNode error = Json.object().put("error", answer.message());
			error.setAll(refused);
			throw new ToolError(error);
		}
		JsonNode outcome = ok(answer);
		return "full".equals(text(args, "detail")) ? Results.full(outcome) : Results.outcome(outcome, attempted);
	}

	private ObjectNode submitArtifact(Map<String, Object> args) {
		JsonNode stored = ok(this.client.putArtifact(session(), text(args, "name"), text(args, "content")));
		ObjectNode out = Json.object();
		Results.copy(stored, out, "name", "phase");
		return out;
	}

	private ObjectNode readArtifact(Map<String, Object> args) {
		JsonNode artifact = ok(this.client.artifact(session(), text(args, "name")));
		ObjectNode out = Json.object();
		Results.copy(artifact, out, "name", "phase", "iteration", "content");
		return out;
	}

	private ObjectNode logActivity(Map<String, Object> args) {
		Object details = args.get("details");
		JsonNode logged = ok(this.client.logActivity(session(), text(args, "activity_type"),
				(details != null) ? Json.mapper().valueToTree(details) : null, text(args, "description")));
		return withOwnInstructions(logged, "id", "type");
	}

	private ObjectNode logIteration(Map<String, Object> args) {
		ObjectNode report = Json.mapper().valueToTree(args);
		JsonNode number = report.remove("iteration_number");
		JsonNode logged = ok((number != null && number.canConvertToInt())
				? this.client.updateIteration(session(), number.asInt(), report)
				: this.client.logIteration(session(), report));
		return withOwnInstructions(logged, "iteration_number", "status");
	}

	private ObjectNode note(Map<String, Object> args) {
		JsonNode added = ok(this.client.addNote(session(), text(args, "kind"), text(args, "text")));
		return withOwnInstructions(added, "id", "kind");
	}

	private ObjectNode taskStatus(Map<String, Object> args) {
		String key;
		synchronized (this) {
			key = this.sessionKey;
		}
		JsonNode task = ok(
				this.client.taskStatus(task(), text(args, "status"), text(args, "notes"), key, flag(args, "force")));
		return withOwnInstructions(task, "task_code", "status");
	}

	/** The fields named, with the answer's own instructions when it has them. */
	private static ObjectNode withOwnInstructions(JsonNode answer, String... fields) {
		ObjectNode out = Json.object();
		Results.copy(answer, out, fields);
		if (answer.path("instructions").isObject()) {
			out.set("instructions", Results.instructions(answer.get("instructions"), false));
		}
		return out;
	}

	/**
	 * Resumes the session, or takes over the one named (an agent that replaces another
	 * that stopped), and answers its context.
	 */
	private ObjectNode resume(Map<String, Object> args) {
		String key = text(args, "session_key");
		if (key == null) {
			key = session();
		}
		ok(this.client.resume(key, agentId(text(args, "agent"))));
		synchronized (this) {
			this.sessionKey = key;
		}
		return context(ok(this.client.context(key)), args);
	}

	private ObjectNode end(Map<String, Object> args) {
		String key = session();
		JsonNode ended = ok(this.client.end(key, true, text(args, "reason")));
		synchronized (this) {
			this.phase = ended.at("/session/current_phase").asText(null);
		}
		return Results.outcome(ended, ended.path("completed_phase").asText());
	}

	/**
	 * The session's latest events: the API pages oldest first, so the pages are read to
	 * the end, keeping the last few. Context reads are left out: they are not work.
	 */
	private ObjectNode recentEvents(Map<String, Object> args) {
		int limit = (args.get("limit") instanceof Number number) ? number.intValue() : 10;
		Deque<JsonNode> latest = new ArrayDeque<>();
		Map<String, String> filters = new LinkedHashMap<>();
		filters.put("session_key", session());
		filters.put("limit", PAGE);
		String after = "0";
		while (after != null) {
			filters.put("after_id", after);
			JsonNode page = ok(this.client.events(filters));
			for (JsonNode event : page.path("data")) {
				if (!event.path("event_type").asText().endsWith(".context.assembled")) {
					latest.addLast(event);
					if (latest.size() > limit) {
						latest.removeFirst();
					}
				}
			}
			after = page.hasNonNull("next_after_id") ? page.get("next_after_id").asText() : null;
		}
		ObjectNode out = Json.object();
		ArrayNode events = out.putArray("events");
		latest.forEach((event) -> events.add(Results.event(event)));
		return out;
	}

	/**
	 * The session's instructions, as a result without its own carries them; without a
	 * session, to call init.
	 */
	@Override
	protected ObjectNode instructions() {
		String key;
		synchronized (this) {
			key = this.sessionKey;
		}
		if (key == null) {
			return Results.guide(List.of("Call init with the task_code of your task"),
					Results.call("init", Map.of("task_code", "<task_code>")));
		}
		return Results.instructions(ok(this.client.session(key)).path("instructions"), false);
	}

	/**
	 * The failure, where a session another agent holds says whose it is, since when and
	 * its last activity, and the one tool call that takes it over: init with take_over
	 * for a task's session the agent has not had, resume_session for one taken from it.
	 */
	@Override
	protected ToolError failure(ApiAnswer answer) {
		JsonNode fence = answer.body().path("next");
		if (answer.status() != 409 || !"take_over".equals(fence.path("action").asText())) {
			return super.failure(answer);
		}
		String key = fence.path("session_key").asText();
		String message = "Session " + key + " belongs to agent " + fence.path("expected_agent_id").asText()
				+ ", not to your token's agent: stop working on it. Only if that agent stopped and you replace it, "
				+ "take it over";
		ObjectNode body = Json.object().put("error", message).put("status", 409);
		Results.copy(answer.body(), body, "held_by", "held_since", "last_activity_at");
		ObjectNode call = fence.hasNonNull("task_code")
				? Results.call("init", Map.of("task_code", fence.get("task_code").asText(), "take_over", true))
				: Results.call("resume_session", Map.of("session_key", key));
		body.set("instructions", Results.guide(List.of(message), call));
		return new ToolError(body);
	}

	private static Duration waitFor(Map<String, Object> args) {
		Object given = args.get("timeout_seconds");
		return (given instanceof Number seconds) ? Duration.ofSeconds(seconds.longValue()) : DEFAULT_WAIT;
	}

	private synchronized String session() {
		if (this.sessionKey == null) {
			throw new IllegalArgumentException("No session yet: call init with a task_code first");
		}
		return this.sessionKey;
	}

	private synchronized String task() {
		session();
		return this.taskCode;
	}

	/** The agent named, else PHASEFLOW_AGENT's, else null: the token's own agent. */
	private Long agentId(String given) {
		String agent = (given != null) ? given : this.defaultAgent;
		if (agent == null || agent.isBlank()) {
			return null;
		}
		if (agent.strip().matches("\\d{1,18}")) {
			return Long.parseLong(agent.strip());
		}
		ApiAnswer found = this.client.agent(agent.strip());
		if (found.status() == 404) {
			throw new ToolError("No agent " + agent.strip() + ": name a registered agent's id or handle");
		}
		return ok(found).path("id").asLong();
	}

	/** The {@code artifacts} argument, name to content (the schema checked its shape). */
	private static Map<String, String> artifacts(Map<String, Object> args) {
		Map<String, String> artifacts = new LinkedHashMap<>();
		if (args.get("artifacts") instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> artifact) {
					artifacts.put(String.valueOf(artifact.get("name")), String.valueOf(artifact.get("content")));
				}
			}
		}
		return artifacts;
	}

}

package io.phaseflow.mcp;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.phaseflow.client.ApiAnswer;
import io.phaseflow.client.Json;
import io.phaseflow.client.PhaseflowClient;
import io.phaseflow.client.ServerUnreachable;

/**
 * The MCP tools: each forwards one call to the REST API and answers the server's JSON.
 * The session {@code init} (or {@code context} with a key) started is kept in memory, so
 * later calls need no ids; results without their own {@code instructions} get the
 * session's.
 */
final class PhaseflowTools {

	/**
	 * How long wait_for_override waits unless told: within the tool-call timeouts MCP
	 * clients commonly use; the answer says to call again while the override is pending.
	 */
	private static final Duration DEFAULT_WAIT = Duration.ofSeconds(120);

	private final PhaseflowClient client;

	private final String defaultAgent;

	private String sessionKey;

	private String taskCode;

	private String phase;

	private final AtomicInteger running = new AtomicInteger();

	PhaseflowTools(PhaseflowClient client, String defaultAgent) {
		this.client = client;
		this.defaultAgent = defaultAgent;
	}

	List<SyncToolSpecification> specifications(McpJsonMapper json) {
		return List.of(
				tool(json, "init",
						"Start or continue the session of a task (task_code), or show a sprint (sprint_code). "
								+ "Call it first; later tools apply to this session.",
						"""
								{"type": "object", "properties": {
								  "task_code": {"type": "string"}, "sprint_code": {"type": "string"},
								  "agent": {"type": "string", "description": "agent id or handle (default PHASEFLOW_AGENT)"}}}
								""",
						this::init),
				tool(json, "context",
						"The session's context: task, phase, artifacts, last actions, next steps. "
								+ "With session_key, take over that session (recovery).",
						"""
								{"type": "object", "properties": {"session_key": {"type": "string"},
								  "agent": {"type": "string", "description": "take over as this agent (id or handle)"}}}
								""", this::context),
				tool(json, "submit_artifact", "Submit an artifact of the current phase, e.g. TASK.md.", """
						{"type": "object", "properties": {"name": {"type": "string"}, "content": {"type": "string"}},
						 "required": ["name", "content"]}
						""", (args) -> this.client.putArtifact(session(), text(args, "name"), text(args, "content"))),
				tool(json, "complete_phase",
						"Complete the current phase. Review needs qa_status; override needs a reason. "
								+ "artifacts are submitted first, in the same call (instead of submit_artifact).",
						"""
								{"type": "object", "properties": {
								  "qa_status": {"type": "string", "enum": ["qa_passed", "qa_failed"]},
								  "override": {"type": "boolean"}, "reason": {"type": "string"},
								  "artifacts": {"type": "array", "items": {"type": "object", "properties": {
								    "name": {"type": "string"}, "content": {"type": "string"}},
								   "required": ["name", "content"]}}}}
								""", this::completePhase),
				tool(json, "log_activity", "Log something done in the session, e.g. tests_run with details.", """
						{"type": "object", "properties": {"activity_type": {"type": "string"},
						  "details": {"type": "object"}, "description": {"type": "string"}},
						 "required": ["activity_type"]}
						""",
						(args) -> this.client.logActivity(session(), text(args, "activity_type"), node(args, "details"),
								text(args, "description"))),
				tool(json, "log_iteration", "Log the next iteration, or update one given its iteration_number.", """
						{"type": "object", "properties": {"iteration_number": {"type": "integer"},
						  "status": {"type": "string", "enum": ["running", "completed", "failed", "qa_pending",
						    "qa_passed", "qa_failed"]},
						  "summary": {"type": "string"}, "tokens_input": {"type": "integer"},
						  "tokens_output": {"type": "integer"}, "cost": {"type": "number"}}}
						""", this::logIteration),
				tool(json, "task_status",
						"Report the task's status; completed needs notes (a summary) and ends " + "the session.",
						"""
								{"type": "object", "properties": {
								  "status": {"type": "string", "enum": ["pending", "in_progress", "pending_verification",
								    "completed", "failed", "blocked"]},
								  "notes": {"type": "string"}, "force": {"type": "boolean"}},
								 "required": ["status"]}
								""",
						(args) -> this.client.taskStatus(task(), text(args, "status"), text(args, "notes"),
								this.sessionKey, Boolean.TRUE.equals(args.get("force")))),
				tool(json, "note", "Record a context update (progress) or a note (a finding) on the task.", """
						{"type": "object", "properties": {"kind": {"type": "string", "enum": ["update", "note"]},
						  "text": {"type": "string"}}, "required": ["kind", "text"]}
						""", (args) -> this.client.addNote(session(), text(args, "kind"), text(args, "text"))),
				tool(json, "wait_for_override",
						"Wait until a reviewer decides the session's override (at most timeout_seconds, default "
								+ DEFAULT_WAIT.toSeconds() + "); answers the session with the decision and comment.",
						"""
								{"type": "object", "properties": {"timeout_seconds": {"type": "integer", "minimum": 1}}}
								""", (args) -> this.client.awaitDecision(session(), waitFor(args))),
				tool(json, "search", "Search events, artifacts and task text.", """
						{"type": "object", "properties": {"q": {"type": "string"},
						  "scope": {"type": "string", "enum": ["session", "task", "sprint", "project"]},
						  "code": {"type": "string"}}, "required": ["q"]}
						""", (args) -> this.client.search(text(args, "q"), text(args, "scope"), text(args, "code"))));
	}

	private synchronized ApiAnswer init(Map<String, Object> args) {
		Long agent = agentId(text(args, "agent"));
		String task = text(args, "task_code");
		if (task == null) {
			return this.client.init("sprint", required(args, "sprint_code"), agent);
		}
		ApiAnswer answer = this.client.init("task", task, agent);
		if (answer.ok()) {
			this.sessionKey = answer.body().at("/session/key").asText();
			this.taskCode = answer.body().at("/session/entity_code").asText();
			this.phase = answer.body().at("/session/current_phase").asText(null);
		}
		return answer;
	}

	private synchronized ApiAnswer context(Map<String, Object> args) {
		String key = text(args, "session_key");
		if (key != null) {
			String agent = text(args, "agent");
			ApiAnswer resumed = this.client.resume(key, agentId(agent));
			if (!resumed.ok()) {
				return resumed;
			}
			this.sessionKey = key;
		}
		ApiAnswer answer = this.client.context(session());
		if (answer.ok()) {
			this.taskCode = answer.body().at("/session/entity_code").asText();
			this.phase = answer.body().at("/session/current_phase").asText(null);
		}
		return answer;
	}

	private synchronized ApiAnswer completePhase(Map<String, Object> args) {
		String key = session();
		if (this.phase == null) {
			this.phase = this.client.session(key).body().path("current_phase").asText(null);
		}
		ApiAnswer answer = this.client.completePhase(key, this.phase, Boolean.TRUE.equals(args.get("override")),
				text(args, "reason"), text(args, "qa_status"), artifacts(args));
		JsonNode session = answer.body().path("session");
		if (session.has("current_phase")) {
			this.phase = session.get("current_phase").asText(null);
		}
		else if (answer.status() == 409) {
			this.phase = this.client.session(key).body().path("current_phase").asText(null);
		}
		return answer;
	}

	private static Duration waitFor(Map<String, Object> args) {
		Object given = args.get("timeout_seconds");
		if (given == null) {
			return DEFAULT_WAIT;
		}
		if (!(given instanceof Number seconds) || seconds.longValue() < 1) {
			throw new IllegalArgumentException("timeout_seconds must be a whole number of seconds, at least 1");
		}
		return Duration.ofSeconds(seconds.longValue());
	}

	private ApiAnswer logIteration(Map<String, Object> args) {
		ObjectNode report = Json.mapper().valueToTree(args);
		JsonNode number = report.remove("iteration_number");
		return (number != null && number.canConvertToInt())
				? this.client.updateIteration(session(), number.asInt(), report)
				: this.client.logIteration(session(), report);
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
		if (!found.ok()) {
			throw new IllegalArgumentException("No agent " + agent + ": " + found.message());
		}
		return found.body().path("id").asLong();
	}

	private SyncToolSpecification tool(McpJsonMapper json, String name, String description, String schema,
			Function<Map<String, Object>, ApiAnswer> call) {
		Tool tool = Tool.builder().name(name).description(description).inputSchema(json, schema).build();
		return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
			Map<String, Object> args = (request.arguments() != null) ? request.arguments() : Map.of();
			this.running.incrementAndGet();
			try {
				return result(call.apply(args));
			}
			catch (IllegalArgumentException | ServerUnreachable ex) {
				return CallToolResult.builder()
					.addTextContent(Json.write(withInstructions(Json.object().put("error", ex.getMessage()))))
					.isError(true)
					.build();
			}
			finally {
				this.running.decrementAndGet();
			}
		}).build();
	}

	/** Whether no tool call is running. */
	boolean idle() {
		return this.running.get() == 0;
	}

	private CallToolResult result(ApiAnswer answer) {
		ObjectNode body = answer.body().isObject() ? answer.body().deepCopy()
				: Json.object().put("status", answer.status()).put("text", answer.text());
		if (answer.status() == 409 && "take_over".equals(body.path("next").path("action").asText())) {
			// fenced: another agent owns the session now
			String key = body.path("next").path("session_key").asText();
			body.put("next_step", "Session " + key + " belongs to agent "
					+ body.path("next").path("expected_agent_id").asText()
					+ ", not to your token's agent: stop working on it (only if that agent stopped and you replace it, "
					+ "take it over with the tool call context {\"session_key\": \"" + key + "\"})");
		}
		return CallToolResult.builder()
			.addTextContent(Json.write(withInstructions(body)))
			.isError(!answer.ok())
			.build();
	}

	/** The answer with the session's instructions, when it has none of its own. */
	private ObjectNode withInstructions(ObjectNode body) {
		String key;
		synchronized (this) {
			key = this.sessionKey;
		}
		if (body.has("instructions") || key == null) {
			return body;
		}
		try {
			ApiAnswer session = this.client.session(key);
			if (session.ok()) {
				body.set("instructions", session.body().path("instructions"));
			}
		}
		catch (ServerUnreachable ex) {
			// the answer stands without them
		}
		return body;
	}

	private static String text(Map<String, Object> args, String name) {
		Object value = args.get(name);
		return (value != null) ? value.toString() : null;
	}

	private static String required(Map<String, Object> args, String name) {
		String value = text(args, name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Give task_code (a task) or sprint_code (a sprint)");
		}
		return value;
	}

	/** The {@code artifacts} argument, name to content. */
	private static Map<String, String> artifacts(Map<String, Object> args) {
		Map<String, String> artifacts = new LinkedHashMap<>();
		if (args.get("artifacts") instanceof List<?> list) {
			for (Object item : list) {
				if (!(item instanceof Map<?, ?> artifact) || !(artifact.get("name") instanceof String name)
						|| !(artifact.get("content") instanceof String content)) {
					throw new IllegalArgumentException("Each of artifacts is {name, content}");
				}
				artifacts.put(name, content);
			}
		}
		else if (args.containsKey("artifacts")) {
			throw new IllegalArgumentException("artifacts is a list of {name, content}");
		}
		return artifacts;
	}

	private static JsonNode node(Map<String, Object> args, String name) {
		return args.containsKey(name) ? Json.mapper().valueToTree(args.get(name)) : null;
	}

}

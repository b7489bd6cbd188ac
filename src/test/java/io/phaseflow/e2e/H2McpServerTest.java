package io.phaseflow.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code phaseflow mcp} as a coding agent runs it: a separate process on stdio, driven by
 * the MCP Java SDK's client, pointed at the running server. Every result, failed or not,
 * is one JSON object with instructions whose next steps are calls of the tools listed.
 */
class H2McpServerTest extends ApiTestSupport {

	private static final Set<String> AGENT_TOOLS = Set.of("init", "context", "complete_phase", "submit_artifact",
			"read_artifact", "log_activity", "log_iteration", "note", "task_status", "wait_for_override",
			"pause_session", "resume_session", "end_session", "recent_events", "search");

	private static final Set<String> PM_TOOLS = Set.of("sprint_create", "task_create", "bug_report", "adr_create",
			"task_status", "status_report", "search");

	ApiClient pm;

	String agent;

	String token;

	long agentId;

	McpSyncClient mcp;

	/** Each tool's declared argument names, from tools/list. */
	Map<String, Set<String>> arguments;

	int calls;

	long resultBytes;

	@BeforeEach
	void launch() {
		this.pm = clientWith("PM");
		this.agent = unique("agent");
		ApiClient.Response registered = this.pm.post(API + "/agents", "{\"handle\": \"" + this.agent + "\"}");
		assertThat(registered.status()).isEqualTo(201);
		this.agentId = registered.json().get("id").asLong();
		this.token = clientFor(this.agentId, "AGENT").token();
		this.mcp = start(env(this.token));
	}

	@AfterEach
	void close() {
		this.mcp.closeGracefully();
	}

	@Test
	void anAgentCompletesASessionWithAFailedReviewInTenSmallResults() {
		String task = readyTask();
		JsonNode init = call("init", Map.of("task_code", task));
		String key = init.get("session_key").asText();
		assertThat(init.get("phase").asText()).isEqualTo("intake");
		assertThat(init.at("/task/code").asText()).isEqualTo(task);
		assertThat(init.get("missing_artifacts")).extracting(JsonNode::asText).containsExactly("TASK.md");
		assertThat(init.get("acceptance_criteria")).extracting(JsonNode::asText).containsExactly("it finds things");
		assertThat(init.at("/instructions/banner").asText()).contains("PHASE: Intake").doesNotContain("═");
		assertThat(init.at("/instructions/next/0/tool").asText()).isEqualTo("complete_phase");
		assertThat(init.at("/instructions/next/0/arguments/artifacts/0/name").asText()).isEqualTo("TASK.md");

		for (String[] step : new String[][] { { "TASK.md", "research" }, { "CONTEXT.md", "plan" },
				{ "PLAN.md", "execute" }, { "CHANGES.md", "review" } }) {
			JsonNode moved = complete(null, step[0]);
			assertThat(moved.get("result").asText()).isEqualTo("moved_on");
			assertThat(moved.get("phase").asText()).isEqualTo(step[1]);
			assertThat(moved.at("/instructions/banner").asText()).as("the phase changed")
				.contains("PHASE: " + Character.toUpperCase(step[1].charAt(0)));
		}
		JsonNode failed = complete("qa_failed", "REVIEW.md");
		assertThat(failed.get("phase").asText()).isEqualTo("execute");
		assertThat(failed.get("iteration").asInt()).isEqualTo(2);
		assertThat(failed.at("/instructions/banner").asText()).contains("failed QA");
		assertThat(complete(null, "CHANGES.md").at("/instructions/next/0/arguments/qa_status").asText())
			.as("the review is told to decide QA")
			.contains("qa_passed");
		assertThat(complete("qa_passed", "REVIEW.md").get("phase").asText()).isEqualTo("close");
		JsonNode closed = complete(null, "SUMMARY.md");
		assertThat(closed.get("status").asText()).isEqualTo("completed");
		assertThat(closed.at("/instructions/next")).as("the close completed the task: nothing more to call").isEmpty();

		assertThat(this.calls).isLessThanOrEqualTo(10);
		assertThat(this.resultBytes).as("the results of the whole session").isLessThanOrEqualTo(16 * 1024);
		assertThat(this.admin.get(API + "/tasks/" + task).json().get("status").asText()).isEqualTo("completed");
		assertThat(this.admin.get(API + "/sessions/" + key + "/artifacts/REVIEW.md").json().get("content").asText())
			.isEqualTo("# REVIEW.md");
		assertThat(this.admin.get(API + "/sessions/" + key).json().get("phase_history"))
			.extracting((h) -> h.get("phase").asText())
			.containsExactly("intake", "research", "plan", "execute", "review", "execute", "review", "close");
	}

	@Test
	void theToolsFitInFewTokensAndLeaveThePmsOut() throws Exception {
		McpSchema.ListToolsResult tools = this.mcp.listTools();
		assertThat(tools.tools()).extracting(McpSchema.Tool::name).containsExactlyInAnyOrderElementsOf(AGENT_TOOLS);
		assertThat(tools.tools()).allSatisfy((tool) -> assertThat(tool.description()).hasSizeLessThan(120));
		assertThat(McpJsonDefaults.getMapper().writeValueAsString(tools)).as("about 4k tokens at most")
			.hasSizeLessThanOrEqualTo(16_000);
	}

	@Test
	void detailFullAnswersTheWholeRestAnswerWithInstructionsOnce() {
		call("init", Map.of("task_code", readyTask()));
		JsonNode full = call("context", Map.of("detail", "full"));
		assertThat(full.at("/context/task/description").asText()).isEqualTo("Add search");
		assertThat(full.at("/context/recent_events").isArray()).isTrue();
		JsonNode moved = call("complete_phase", Map.of("detail", "full", "artifacts", artifact("TASK.md")));
		assertThat(moved.at("/session/phase_history/0/phase").asText()).isEqualTo("intake");
		assertThat(moved.at("/session/instructions").isMissingNode()).isTrue();
	}

	@Test
	void initOnASprintNamesItsOpenTasksAsInitCalls() {
		String sprint = unique("sprint");
		assertThat(createSprint(this.pm, sprint).status()).isEqualTo(201);
		String task = unique("mcp");
		assertThat(createTask(this.pm, task, "\"sprint_code\": \"" + sprint + "\"").status()).isEqualTo(201);
		JsonNode shown = call("init", Map.of("sprint_code", sprint));
		assertThat(shown.at("/sprint/code").asText()).isEqualTo(sprint);
		assertThat(shown.at("/tasks/0/task_code").asText()).isEqualTo(task);
		assertThat(shown.at("/instructions/next/0/tool").asText()).isEqualTo("init");
		assertThat(shown.at("/instructions/next/0/arguments/task_code").asText()).isEqualTo(task);
	}

	@Test
	void errorsAreJsonWithInstructions() {
		JsonNode unknown = failing("bogus", Map.of());
		assertThat(unknown.get("error").asText()).contains("No tool bogus", "complete_phase");
		assertThat(unknown.at("/instructions/next/0/tool").asText()).as("no session yet").isEqualTo("init");

		JsonNode missing = failing("init", Map.of("task_code", unique("missing")));
		assertThat(missing.get("status").asInt()).isEqualTo(422);
		assertThat(missing.at("/errors/0/field").asText()).isEqualTo("task_code");
		assertThat(missing.at("/errors/0/fix").asText()).isEqualTo("names no task");
		assertThat(missing.at("/instructions/next/0/tool").asText()).isEqualTo("init");
		assertThat(failing("init", Map.of("sprint_code", unique("missing"))).get("status").asInt()).isEqualTo(404);

		String task = readyTask();
		call("init", Map.of("task_code", task));
		JsonNode badArguments = failing("complete_phase", Map.of("qa_status", 5));
		assertThat(badArguments.get("error").asText()).contains("complete_phase", "qa_status");
		assertThat(failing("wait_for_override", Map.of("timeout_seconds", 0)).get("error").asText())
			.contains("timeout_seconds");
		assertThat(failing("bogus", Map.of()).at("/instructions/next/0/tool").asText()).as("the session's next step")
			.isEqualTo("complete_phase");

		JsonNode refused = failing("complete_phase", Map.of());
		assertThat(refused.get("result").asText()).isEqualTo("refused");
		assertThat(refused.at("/errors/0/field").asText()).isEqualTo("artifacts.TASK.md");
		assertThat(refused.at("/errors/0/fix").asText()).contains("complete_phase's artifacts");

		JsonNode forced = failing("task_status", Map.of("status", "completed", "notes", "Search works", "force", true));
		assertThat(forced.get("status").asInt()).as("force is a PM's").isEqualTo(403);
		assertThat(forced.get("error").asText()).startsWith("Your token may not do this (403)");

		call("end_session", Map.of("reason", "the task was cancelled"));
		JsonNode conflict = failing("complete_phase", Map.of());
		assertThat(conflict.get("status").asInt()).isEqualTo(409);

		McpSyncClient refusedToken = start(env("not-a-token"));
		try {
			McpSchema.CallToolResult result = refusedToken
				.callTool(new McpSchema.CallToolRequest("init", Map.of("task_code", task)));
			assertThat(result.isError()).isTrue();
			JsonNode answer = text(result);
			assertThat(answer.get("error").asText())
				.isEqualTo("The token was refused (401): set PHASEFLOW_TOKEN to a valid agent token");
			assertThat(answer.at("/instructions/next_actions/0").asText()).contains("PHASEFLOW_TOKEN");
		}
		finally {
			refusedToken.closeGracefully();
		}
	}

	@Test
	void anAgentReadsArtifactsAndEventsAndPausesResumesAndEndsItsSession() {
		String task = readyTask();
		String key = call("init", Map.of("task_code", task)).get("session_key").asText();
		call("submit_artifact", Map.of("name", "TASK.md", "content", "# Task\n\nAdd search."));
		JsonNode read = call("read_artifact", Map.of("name", "TASK.md"));
		assertThat(read.get("content").asText()).isEqualTo("# Task\n\nAdd search.");
		assertThat(read.get("phase").asText()).isEqualTo("intake");
		assertThat(failing("read_artifact", Map.of("name", "PLAN.md")).get("status").asInt()).isEqualTo(404);

		assertThat(call("log_iteration", Map.of("summary", "search box")).get("iteration_number").asInt()).isEqualTo(1);
		assertThat(call("log_iteration", Map.of("iteration_number", 1, "status", "completed")).get("status").asText())
			.isEqualTo("completed");
		assertThat(call("note", Map.of("kind", "update", "text", "Wired the search box")).get("kind").asText())
			.isEqualTo("update");
		assertThat(
				call("log_activity", Map.of("activity_type", "tests_run", "details", Map.of("passed", 12))).get("type")
					.asText())
			.isEqualTo("tests_run");
		JsonNode events = call("recent_events", Map.of("limit", 3)).get("events");
		assertThat(events).hasSize(3).allSatisfy((event) -> assertThat(event.has("time")).isTrue());
		assertThat(events.get(2).get("type").asText()).as("the latest last").isEqualTo("activity.logged");
		assertThat(events.get(2).get("summary").asText()).contains("activity_type: tests_run");
		assertThat(events.get(1).get("summary").asText()).contains("Wired the search box");

		JsonNode paused = call("pause_session", Map.of());
		assertThat(paused.get("status").asText()).isEqualTo("paused");
		assertThat(paused.at("/instructions/next/0/tool").asText()).isEqualTo("resume_session");
		JsonNode resumed = call("resume_session", Map.of());
		assertThat(resumed.get("status").asText()).isEqualTo("running");
		assertThat(resumed.at("/instructions/banner").asText()).contains("PHASE: Intake");

		JsonNode ended = call("end_session", Map.of("reason", "the PM cancelled the task"));
		assertThat(ended.get("status").asText()).isNotEqualTo("running");
		assertThat(this.admin.get(API + "/sessions/" + key).json().get("status").asText()).isNotEqualTo("running");
	}

	@Test
	void anAgentWaitsForTheReviewersDecisionOnItsOverride() {
		String key = call("init", Map.of("task_code", readyTask())).get("session_key").asText();
		call("complete_phase", Map.of("artifacts", artifact("TASK.md")));
		call("complete_phase", Map.of("artifacts", artifact("CONTEXT.md")));
		JsonNode asked = call("complete_phase", Map.of("override", true, "reason", "the plan is in the wiki"));
		assertThat(asked.get("result").asText()).isEqualTo("awaiting_override");
		String id = asked.at("/override/id").asText();
		assertThat(asked.at("/override/status").asText()).isEqualTo("pending");
		assertThat(asked.at("/instructions/next")).extracting((call) -> call.get("tool").asText())
			.contains("wait_for_override");

		JsonNode early = call("wait_for_override", Map.of("timeout_seconds", 1));
		assertThat(early.get("status").asText()).as("no decision yet").isEqualTo("awaiting_override");

		assertThat(clientWith("REVIEWER")
			.post(API + "/overrides/" + id + "/decision", "{\"decision\": \"approve\", \"comment\": \"fine\"}")
			.status()).isEqualTo(200);
		JsonNode decided = call("wait_for_override", Map.of());
		assertThat(decided.get("phase").asText()).isEqualTo("execute");
		assertThat(decided.at("/override/status").asText()).isEqualTo("approved");
		assertThat(decided.at("/override/comment").asText()).isEqualTo("fine");
		assertThat(this.admin.get(API + "/sessions/" + key).json().get("current_phase").asText()).isEqualTo("execute");
	}

	@Test
	void aFencedAgentIsToldWhoOwnsTheSessionAndTheToolCallToTakeItBack() {
		String task = readyTask();
		String key = call("init", Map.of("task_code", task)).get("session_key").asText();
		assertThat(this.admin.get(API + "/sessions/" + key).json().at("/agent_id").asLong())
			.as("the token's agent by default")
			.isEqualTo(this.agentId);
		ApiClient relief = clientWith("AGENT");
		assertThat(relief.post(API + "/sessions/" + key + "/resume", "{\"expected_agent_id\": " + this.agentId + "}")
			.status()).isEqualTo(200);
		JsonNode fenced = failing("complete_phase", Map.of());
		assertThat(fenced.get("status").asInt()).isEqualTo(409);
		assertThat(fenced.get("error").asText()).contains("belongs to agent " + relief.agentId());
		assertThat(fenced.at("/instructions/next/0/tool").asText()).isEqualTo("resume_session");
		assertThat(fenced.at("/instructions/next/0/arguments/session_key").asText()).isEqualTo(key);

		JsonNode taken = call("resume_session", Map.of("session_key", key));
		assertThat(taken.get("session_key").asText()).isEqualTo(key);
		assertThat(taken.get("phase").asText()).isEqualTo("intake");
		assertThat(this.admin.get(API + "/sessions/" + key).json().at("/agent_id").asLong()).isEqualTo(this.agentId);
	}

	@Test
	void anAgentTakesOverTheSessionOfOneThatStoppedWithInitTakeOver() {
		String task = readyTask();
		ApiClient stopped = clientWith("AGENT");
		String key = stopped.post(API + "/agent/init", "{\"entity_type\": \"task\", \"entity_code\": \"" + task + "\"}")
			.json()
			.at("/session/key")
			.asText();
		JsonNode held = failing("init", Map.of("task_code", task));
		assertThat(held.get("status").asInt()).isEqualTo(409);
		assertThat(held.get("error").asText()).contains("belongs to agent " + stopped.agentId());
		assertThat(held.at("/held_by/id").asLong()).isEqualTo(stopped.agentId());
		assertThat(held.at("/instructions/next/0/tool").asText()).isEqualTo("init");
		assertThat(held.at("/instructions/next/0/arguments/take_over").asBoolean()).isTrue();

		assertThat(stopped
			.post(API + "/sessions/" + key + "/phase-complete",
					"{\"artifacts\": [{\"name\": \"TASK.md\", \"content\": \"# Task\"}]}")
			.status()).isEqualTo(200);
		assertThat(stopped
			.post(API + "/sessions/" + key + "/notes", "{\"kind\": \"update\", \"text\": \"Index chosen: trigram\"}")
			.status()).isEqualTo(201);

		JsonNode taken = call("init", Map.of("task_code", task, "take_over", true));
		assertThat(taken.get("session_key").asText()).isEqualTo(key);
		assertThat(this.admin.get(API + "/sessions/" + key).json().at("/agent_id").asLong()).isEqualTo(this.agentId);
		assertThat(taken.get("phase").asText()).isEqualTo("research");
		assertThat(taken.at("/previous_agent/id").asLong()).as("who had it").isEqualTo(stopped.agentId());
		assertThat(taken.get("last_actions")).extracting(JsonNode::asText)
			.as("the last three actions in words, the hand-over not among them")
			.containsExactly("update: Index chosen: trigram", "completed intake (moved to research)",
					"submitted TASK.md");
		assertThat(taken.get("notes")).extracting(JsonNode::asText).containsExactly("update: Index chosen: trigram");
		assertThat(taken.get("artifacts")).extracting(JsonNode::asText).containsExactly("TASK.md (intake)");
		assertThat(taken.get("acceptance_criteria")).extracting(JsonNode::asText).containsExactly("it finds things");
	}

	@Test
	void aPmPlansWorkThroughThePmTools() {
		this.mcp.closeGracefully();
		this.mcp = start(env(tokenWith("PM", "AGENT")), "--pm");
		assertThat(this.mcp.listTools().tools()).extracting(McpSchema.Tool::name)
			.containsExactlyInAnyOrderElementsOf(PM_TOOLS);
		String sprint = unique("sprint");
		JsonNode created = call("sprint_create", Map.of("sprint_code", sprint, "title", "Search"));
		assertThat(created.get("sprint_code").asText()).isEqualTo(sprint);
		String task = unique("task");
		JsonNode added = call("task_create", Map.of("task_code", task, "title", "Search box", "sprint_code", sprint,
				"priority", "P1", "acceptance_criteria", List.of("it finds things")));
		assertThat(added.get("status").asText()).isEqualTo("pending");
		assertThat(this.admin.get(API + "/tasks/" + task).json().at("/metadata/acceptance_criteria/0").asText())
			.isEqualTo("it finds things");
		assertThat(failing("task_create", Map.of("task_code", task, "title", "Again")).get("status").asInt())
			.isEqualTo(409);

		JsonNode bug = call("bug_report", Map.of("title", "Search crashes on " + unique("emoji")));
		assertThat(bug.get("task_code").asText()).isNotBlank();
		assertThat(call("adr_create", Map.of("title", "Search with Lucene " + unique("adr"))).get("path").asText())
			.contains("ADR-");
		assertThat(call("task_status", Map.of("task_code", task, "status", "blocked")).get("status").asText())
			.isEqualTo("blocked");
		assertThat(failing("task_status", Map.of("task_code", unique("missing"), "status", "blocked")).get("status")
			.asInt()).isEqualTo(404);
		JsonNode report = call("status_report", Map.of("sprint_code", sprint));
		assertThat(report.get("tasks")).extracting((t) -> t.get("status").asText()).containsExactly("blocked");
	}

	@Test
	void stdoutCarriesNothingButTheProtocol() throws Exception {
		List<String> command = new ArrayList<>(CliRunner.javaCommand());
		command.add("mcp");
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
		builder.environment().putAll(env(this.token));
		Process process = builder.start();
		try (OutputStream in = process.getOutputStream()) {
			in.write(String.join("\n",
					"{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", \"params\": {\"protocolVersion\": "
							+ "\"2025-06-18\", \"capabilities\": {}, \"clientInfo\": {\"name\": \"test\", \"version\": \"1\"}}}",
					"{\"jsonrpc\": \"2.0\", \"method\": \"notifications/initialized\"}",
					"{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"tools/list\"}",
					"{\"jsonrpc\": \"2.0\", \"id\": 3, \"method\": \"tools/call\", \"params\": {\"name\": "
							+ "\"complete_phase\", \"arguments\": {}}}",
					"{\"jsonrpc\": \"2.0\", \"id\": 4, \"method\": \"tools/call\", \"params\": {\"name\": \"init\", "
							+ "\"arguments\": {\"task_code\": \"" + unique("missing") + "\"}}}",
					"{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\": \"tools/call\", \"params\": {\"name\": \"bogus\"}}",
					"")
				.getBytes(StandardCharsets.UTF_8));
		}
		List<JsonNode> messages = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			out.lines().forEach((line) -> messages.add(ApiClient.parse(line)));
		}
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ends when stdin closes").isTrue();
		assertThat(process.exitValue()).isZero();
		assertThat(messages).allSatisfy((message) -> assertThat(message.get("jsonrpc").asText()).isEqualTo("2.0"))
			.extracting((message) -> message.get("id").asInt())
			.containsExactlyInAnyOrder(1, 2, 3, 4, 5);
		assertThat(messages).filteredOn((message) -> message.get("id").asInt() >= 3)
			.allSatisfy((message) -> assertThat(message.at("/result/isError").asBoolean()).isTrue());
	}

	/** No PHASEFLOW_AGENT: the tools act for the agent the token was issued for. */
	private Map<String, String> env(String token) {
		return Map.of("PHASEFLOW_URL", "http://localhost:" + this.port, "PHASEFLOW_TOKEN", token);
	}

	private McpSyncClient start(Map<String, String> env, String... options) {
		List<String> command = new ArrayList<>(CliRunner.javaCommand());
		command.add("mcp");
		command.addAll(List.of(options));
		ServerParameters server = ServerParameters.builder(command.get(0))
			.args(command.subList(1, command.size()))
			.env(env)
			.build();
		McpSyncClient client = McpClient.sync(new StdioClientTransport(server, McpJsonDefaults.getMapper()))
			.requestTimeout(Duration.ofSeconds(60))
			.initializationTimeout(Duration.ofSeconds(60))
			.build();
		client.initialize();
		this.arguments = new HashMap<>();
		for (McpSchema.Tool tool : client.listTools().tools()) {
			Object properties = tool.inputSchema().get("properties");
			this.arguments.put(tool.name(),
					((Map<?, ?>) properties).keySet()
						.stream()
						.map(String::valueOf)
						.collect(java.util.stream.Collectors.toSet()));
		}
		return client;
	}

	/** Completes the phase, sending the artifact it needs. */
	private JsonNode complete(String qaStatus, String artifact) {
		Map<String, Object> arguments = new HashMap<>();
		arguments.put("artifacts", artifact(artifact));
		if (qaStatus != null) {
			arguments.put("qa_status", qaStatus);
		}
		return call("complete_phase", arguments);
	}

	private static List<Map<String, String>> artifact(String name) {
		return List.of(Map.of("name", name, "content", "# " + name));
	}

	/** Calls a tool that must succeed; its JSON, which carries instructions. */
	private JsonNode call(String tool, Map<String, Object> arguments) {
		McpSchema.CallToolResult result = this.mcp.callTool(new McpSchema.CallToolRequest(tool, arguments));
		JsonNode answer = text(result);
		assertThat(result.isError()).as("%s: %s", tool, answer).isNotEqualTo(Boolean.TRUE);
		return answer;
	}

	/** Calls a tool that must fail; its JSON, which says why and carries instructions. */
	private JsonNode failing(String tool, Map<String, Object> arguments) {
		McpSchema.CallToolResult result = this.mcp.callTool(new McpSchema.CallToolRequest(tool, arguments));
		JsonNode answer = text(result);
		assertThat(result.isError()).as("%s: %s", tool, answer).isTrue();
		assertThat(answer.get("error").asText()).as("%s: %s", tool, answer).isNotBlank();
		return answer;
	}

	/**
	 * The result's JSON, counted; it carries instructions once, whose next steps call
	 * tools that exist with arguments they declare.
	 */
	private JsonNode text(McpSchema.CallToolResult result) {
		String text = ((McpSchema.TextContent) result.content().get(0)).text();
		this.calls++;
		this.resultBytes += text.getBytes(StandardCharsets.UTF_8).length;
		JsonNode answer = ApiClient.parse(text);
		assertThat(text.split("\"instructions\"", -1)).as("instructions once: %s", text).hasSize(2);
		JsonNode instructions = answer.get("instructions");
		assertThat(instructions.has("next_actions")).as(text).isTrue();
		assertThat(instructions.has("suggested_commands")).as("no command lines: %s", text).isFalse();
		for (JsonNode next : instructions.path("next")) {
			String tool = next.path("tool").asText();
			assertThat(this.arguments).as("%s names a tool", next).containsKey(tool);
			next.path("arguments")
				.fieldNames()
				.forEachRemaining(
						(name) -> assertThat(this.arguments.get(tool)).as("%s of %s", name, tool).contains(name));
			assertThat(next.has("request")).isFalse();
		}
		return answer;
	}

	private String readyTask() {
		String code = unique("mcp");
		ApiClient.Response created = createTask(this.pm, code,
				"\"description\": \"Add search\", \"metadata\": {\"acceptance_criteria\": [\"it finds things\"]}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return code;
	}

}

package io.phaseflow.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * the MCP Java SDK's client, pointed at the running server.
 */
class H2McpServerTest extends ApiTestSupport {

	ApiClient pm;

	String agent;

	String token;

	long agentId;

	McpSyncClient mcp;

	@BeforeEach
	void launch() {
		this.pm = clientWith("PM");
		this.agent = unique("agent");
		ApiClient.Response registered = this.pm.post(API + "/agents", "{\"handle\": \"" + this.agent + "\"}");
		assertThat(registered.status()).isEqualTo(201);
		this.agentId = registered.json().get("id").asLong();
		this.token = clientFor(this.agentId, "AGENT").token();
		List<String> command = new ArrayList<>(CliRunner.javaCommand());
		command.add("mcp");
		ServerParameters server = ServerParameters.builder(command.get(0))
			.args(command.subList(1, command.size()))
			.env(env())
			.build();
		this.mcp = McpClient.sync(new StdioClientTransport(server, McpJsonDefaults.getMapper()))
			.requestTimeout(Duration.ofSeconds(60))
			.initializationTimeout(Duration.ofSeconds(60))
			.build();
		this.mcp.initialize();
	}

	@AfterEach
	void close() {
		this.mcp.closeGracefully();
	}

	@Test
	void anAgentCompletesASessionThroughTheToolsAlone() {
		List<McpSchema.Tool> tools = this.mcp.listTools().tools();
		assertThat(tools).hasSizeLessThanOrEqualTo(10)
			.extracting(McpSchema.Tool::name)
			.containsExactlyInAnyOrder("init", "context", "submit_artifact", "complete_phase", "log_activity",
					"log_iteration", "task_status", "note", "wait_for_override", "search");
		assertThat(tools).allSatisfy((tool) -> assertThat(tool.description()).hasSizeLessThan(160));

		String task = readyTask();
		JsonNode init = call("init", Map.of("task_code", task));
		String key = init.at("/session/key").asText();
		assertThat(init.at("/instructions/banner").asText()).contains("PHASE: Intake");
		JsonNode refused = failing("complete_phase", Map.of());
		assertThat(refused.get("status").asInt()).isEqualTo(422);
		assertThat(refused.at("/errors/0/field").asText()).isEqualTo("artifacts.TASK.md");
		assertThat(refused.has("instructions")).as("a refusal carries the session's instructions").isTrue();

		for (String[] step : new String[][] { { "TASK.md", "research" }, { "CONTEXT.md", "plan" },
				{ "PLAN.md", "execute" }, { "CHANGES.md", "review" } }) {
			JsonNode submitted = call("submit_artifact", Map.of("name", step[0], "content", "# " + step[0]));
			assertThat(submitted.get("name").asText()).isEqualTo(step[0]);
			JsonNode moved = call("complete_phase", Map.of());
			assertThat(moved.at("/session/current_phase").asText()).isEqualTo(step[1]);
		}
		assertThat(
				call("log_activity", Map.of("activity_type", "tests_run", "details", Map.of("passed", 12))).get("type")
					.asText())
			.isEqualTo("tests_run");
		assertThat(call("log_iteration", Map.of("summary", "search box")).get("iteration_number").asInt()).isEqualTo(1);
		assertThat(call("log_iteration", Map.of("iteration_number", 1, "status", "completed")).get("status").asText())
			.isEqualTo("completed");
		// the artifact sent with the completion, in one call
		assertThat(call("complete_phase",
				Map.of("qa_status", "qa_passed", "artifacts",
						List.of(Map.of("name", "REVIEW.md", "content", "# Review\n\nAll green."))))
			.at("/session/current_phase")
			.asText()).isEqualTo("close");
		assertThat(this.admin.get(API + "/sessions/" + key + "/artifacts/REVIEW.md").json().get("content").asText())
			.isEqualTo("# Review\n\nAll green.");
		assertThat(call("context", Map.of()).at("/context/phase/required_artifacts/0").asText())
			.isEqualTo("SUMMARY.md");
		call("submit_artifact", Map.of("name", "SUMMARY.md", "content", "# Summary"));
		assertThat(call("complete_phase", Map.of()).at("/session/status").asText()).isEqualTo("completed");

		assertThat(failing("task_status", Map.of("status", "completed", "notes", "Search works", "force", true))
			.get("status")
			.asInt()).as("force is a PM's").isEqualTo(403);
		call("task_status", Map.of("status", "completed", "notes", "Search works"));
		assertThat(this.admin.get(API + "/tasks/" + task).json().get("status").asText()).isEqualTo("completed");
		assertThat(this.admin.get(API + "/sessions/" + key).json().get("phase_history"))
			.extracting((h) -> h.get("phase").asText())
			.containsExactly("intake", "research", "plan", "execute", "review", "close");
	}

	@Test
	void anAgentWaitsForTheReviewersDecisionOnItsOverride() {
		String key = call("init", Map.of("task_code", readyTask())).at("/session/key").asText();
		call("complete_phase", Map.of("artifacts", List.of(Map.of("name", "TASK.md", "content", "# Task"))));
		call("complete_phase", Map.of("artifacts", List.of(Map.of("name", "CONTEXT.md", "content", "# Context"))));
		JsonNode asked = call("complete_phase", Map.of("override", true, "reason", "the plan is in the wiki"));
		String id = asked.at("/session/override/id").asText();
		assertThat(asked.at("/session/override/status").asText()).isEqualTo("pending");

		JsonNode early = call("wait_for_override", Map.of("timeout_seconds", 1));
		assertThat(early.get("status").asText()).as("no decision yet").isEqualTo("awaiting_override");
		McpSchema.CallToolResult badTimeout = this.mcp
			.callTool(new McpSchema.CallToolRequest("wait_for_override", Map.of("timeout_seconds", 0)));
		assertThat(badTimeout.isError()).isTrue();
		assertThat(((McpSchema.TextContent) badTimeout.content().get(0)).text()).contains("timeout_seconds");

		assertThat(clientWith("REVIEWER")
			.post(API + "/overrides/" + id + "/decision", "{\"decision\": \"approve\", \"comment\": \"fine\"}")
			.status()).isEqualTo(200);
		JsonNode decided = call("wait_for_override", Map.of());
		assertThat(decided.get("current_phase").asText()).isEqualTo("execute");
		assertThat(decided.at("/override/status").asText()).isEqualTo("approved");
		assertThat(decided.at("/override/comment").asText()).isEqualTo("fine");
		assertThat(decided.has("instructions")).isTrue();
		assertThat(this.admin.get(API + "/sessions/" + key).json().get("current_phase").asText()).isEqualTo("execute");
	}

	@Test
	void theNoteToolRecordsUpdatesThatCompletingTheTaskWants() {
		String key = call("init", Map.of("task_code", readyTask())).at("/session/key").asText();
		JsonNode update = call("note", Map.of("kind", "update", "text", "Wired the search box"));
		assertThat(update.get("kind").asText()).isEqualTo("update");
		call("task_status", Map.of("status", "completed", "notes", "Search works"));
	}

	@Test
	void aFencedAgentIsToldWhoOwnsTheSessionAndTheToolCallToTakeItBack() {
		String key = call("init", Map.of("task_code", readyTask())).at("/session/key").asText();
		assertThat(this.admin.get(API + "/sessions/" + key).json().at("/agent_id").asLong())
			.as("the token's agent by default")
			.isEqualTo(this.agentId);
		ApiClient relief = clientWith("AGENT");
		assertThat(relief.post(API + "/sessions/" + key + "/resume", "{\"expected_agent_id\": " + this.agentId + "}")
			.status()).isEqualTo(200);
		JsonNode fenced = failing("complete_phase", Map.of());
		assertThat(fenced.get("status").asInt()).isEqualTo(409);
		assertThat(fenced.get("next_step").asText()).contains("belongs to agent " + relief.agentId(),
				"context {\"session_key\": \"" + key + "\"}");
	}

	@Test
	void stdoutCarriesNothingButTheProtocol() throws Exception {
		List<String> command = new ArrayList<>(CliRunner.javaCommand());
		command.add("mcp");
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
		builder.environment().putAll(env());
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
			.containsExactlyInAnyOrder(1, 2, 3, 4);
		assertThat(messages).filteredOn((message) -> message.get("id").asInt() >= 3)
			.allSatisfy((message) -> assertThat(message.at("/result/isError").asBoolean()).isTrue());
	}

	/** No PHASEFLOW_AGENT: the tools act for the agent the token was issued for. */
	private Map<String, String> env() {
		return Map.of("PHASEFLOW_URL", "http://localhost:" + this.port, "PHASEFLOW_TOKEN", this.token);
	}

	/** Calls a tool that must succeed; its JSON, which carries instructions. */
	private JsonNode call(String tool, Map<String, Object> arguments) {
		McpSchema.CallToolResult result = this.mcp.callTool(new McpSchema.CallToolRequest(tool, arguments));
		JsonNode answer = text(result);
		assertThat(result.isError()).as("%s: %s", tool, answer).isNotEqualTo(Boolean.TRUE);
		assertThat(answer.has("instructions")).as("%s carries instructions: %s", tool, answer).isTrue();
		return answer;
	}

	private JsonNode failing(String tool, Map<String, Object> arguments) {
		McpSchema.CallToolResult result = this.mcp.callTool(new McpSchema.CallToolRequest(tool, arguments));
		assertThat(result.isError()).isTrue();
		return text(result);
	}

	private static JsonNode text(McpSchema.CallToolResult result) {
		return ApiClient.parse(((McpSchema.TextContent) result.content().get(0)).text());
	}

	private String readyTask() {
		String code = unique("mcp");
		ApiClient.Response created = createTask(this.pm, code,
				"\"description\": \"Add search\", \"metadata\": {\"acceptance_criteria\": [\"it finds things\"]}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return code;
	}

}

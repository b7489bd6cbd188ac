package io.phaseflow.mcp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.phaseflow.client.ApiAnswer;
import io.phaseflow.client.Json;
import io.phaseflow.client.PhaseflowClient;
import io.phaseflow.client.ServerUnreachable;

/**
 * Tools served together, each a call of the REST API whose result is one JSON object with
 * {@code instructions}; so is every error, from a refused request to arguments that do
 * not match the tool's schema and a tool that does not exist.
 */
abstract class ToolSet {

	private static final String SCHEMA_PREFIX = "Validation failed: JSON schema validation errors: ";

	protected final PhaseflowClient client;

	private final String role;

	private final Map<String, Entry> tools = new LinkedHashMap<>();

	private final McpJsonMapper json = McpJsonDefaults.getMapper();

	private final JsonSchemaValidator validator = McpJsonDefaults.getSchemaValidator();

	private final AtomicInteger running = new AtomicInteger();

	/**
	 * @param role whose token the tools need, for the message when it is refused
	 */
	ToolSet(PhaseflowClient client, String role) {
		this.client = client;
		this.role = role;
	}

	/** The instructions of a result that has none of its own. */
	protected abstract ObjectNode instructions();

	protected final void tool(String name, String description, String schema,
			Function<Map<String, Object>, ObjectNode> call) {
		Tool tool = Tool.builder().name(name).description(description).inputSchema(this.json, schema).build();
		this.tools.put(name, new Entry(tool, call));
	}

	/** {@code search}, which agents and PMs share. */
	protected final void searchTool() {
		tool("search", "Search events, artifacts and task text.", """
				{"type": "object", "properties": {"q": {"type": "string"},
				  "scope": {"type": "string", "enum": ["session", "task", "sprint", "project"]},
				  "code": {"type": "string"}}, "required": ["q"]}
				""", (args) -> {
			JsonNode found = ok(this.client.search(text(args, "q"), text(args, "scope"), text(args, "code")));
			ObjectNode out = Json.object();
			ArrayNode results = out.putArray("results");
			for (JsonNode hit : found.path("results")) {
				Results.copy(hit, results.addObject(), "kind", "ref", "title", "snippet");
			}
			return out;
		});
	}

	List<SyncToolSpecification> specifications() {
		List<SyncToolSpecification> specifications = new ArrayList<>();
		this.tools.values()
			.forEach((entry) -> specifications.add(SyncToolSpecification.builder()
				.tool(entry.tool())
				.callHandler((exchange, request) -> call(entry.tool().name(), request.arguments()))
				.build()));
		return specifications;
	}

	/**
	 * Calls the tool. The SDK's own check of the arguments is off (it answers plain
	 * text), so they are checked here against the same schema.
	 */
	CallToolResult call(String name, Map<String, Object> arguments) {
		Map<String, Object> args = (arguments != null) ? arguments : Map.of();
		this.running.incrementAndGet();
		try {
			Entry entry = this.tools.get(name);
			if (entry == null) {
				throw new ToolError("No tool " + name + "; the tools are " + String.join(", ", this.tools.keySet()));
			}
			JsonSchemaValidator.ValidationResponse valid = this.validator.validate(entry.tool().inputSchema(), args);
			if (!valid.valid()) {
				throw new ToolError("Invalid arguments for " + name + ": "
						+ valid.errorMessage().replace(SCHEMA_PREFIX, "").replaceAll("^\\[(.*)]$", "$1")
						+ "; see the tool's input schema");
			}
			return result(entry.call().apply(args), false);
		}
		catch (ToolError ex) {
			return result(ex.body(), true);
		}
		catch (IllegalArgumentException ex) {
			return result(Json.object().put("error", ex.getMessage()), true);
		}
		catch (ServerUnreachable ex) {
			return result(Json.object()
				.put("error", ex.getMessage())
				.set("instructions",
						Results.guide(List.of("Start the server or set PHASEFLOW_URL, then call " + name + " again"),
								Results.call(name, args))),
					true);
		}
		finally {
			this.running.decrementAndGet();
		}
	}

	/** Whether no tool call is running. */
	boolean idle() {
		return this.running.get() == 0;
	}

	/**
	 * The result: the answer with instructions, whose next steps name only tools served
	 * here.
	 */
	private CallToolResult result(ObjectNode body, boolean error) {
		if (!body.has("instructions")) {
			try {
				body.set("instructions", instructions());
			}
			catch (ToolError | ServerUnreachable ex) {
				body.set("instructions", Results.guide(List.of(ex.getMessage())));
			}
		}
		for (Iterator<JsonNode> next = body.path("instructions").path("next").iterator(); next.hasNext();) {
			if (!this.tools.containsKey(next.next().path("tool").asText())) {
				next.remove();
			}
		}
		return CallToolResult.builder().addTextContent(Json.write(body)).isError(error).build();
	}

	/**
	 * The error a refused request is: the server's problem, with what the refusal of the
	 * token means.
	 */
	protected ToolError failure(ApiAnswer answer) {
		ObjectNode body = Json.object();
		switch (answer.status()) {
			case 401 -> {
				body.put("error",
						"The token was refused (401): set PHASEFLOW_TOKEN to a valid " + this.role + " token");
				body.set("instructions", Results.guide(List.of("Set PHASEFLOW_TOKEN in the MCP server's environment "
						+ "to a valid " + this.role + " token and restart the server")));
			}
			case 403 -> body.put("error", "Your token may not do this (403): " + answer.message());
			default -> body.put("error", answer.message() + " (" + answer.status() + ")");
		}
		body.put("status", answer.status());
		Results.putErrors(body, "errors", answer.body().path("errors"));
		return new ToolError(body);
	}

	/** The answer's body when it succeeded; the failure otherwise. */
	protected JsonNode ok(ApiAnswer answer) {
		if (!answer.ok()) {
			throw failure(answer);
		}
		return answer.body();
	}

	protected static String text(Map<String, Object> args, String name) {
		Object value = args.get(name);
		return (value != null) ? value.toString() : null;
	}

	protected static boolean flag(Map<String, Object> args, String name) {
		return Boolean.TRUE.equals(args.get(name));
	}

	private record Entry(Tool tool, Function<Map<String, Object>, ObjectNode> call) {
	}

}

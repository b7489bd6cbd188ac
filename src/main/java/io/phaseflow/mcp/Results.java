package io.phaseflow.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.client.Json;

/**
 * The REST API's answers as an agent reads them over MCP: the essentials only (the whole
 * answer with {@code "detail": "full"}), and the instructions as tool calls rather than
 * command lines, once per result.
 */
final class Results {

	/** The payload fields that say what an event did; the rest is bookkeeping. */
	private static final List<String> EVENT_FIELDS = List.of("name", "activity_type", "kind", "description", "status",
			"new_status", "qa_status", "decision", "reason", "comment", "summary", "text", "to_phase");

	private static final int SUMMARY_LENGTH = 160;

	/** The notes a continued session's briefing shows, latest first. */
	private static final int RECOVERY_NOTES = 5;

	private Results() {
	}

	/**
	 * The REST {@code instructions} over MCP: {@code next_actions}, {@code next} as tool
	 * calls and, if asked for, the banner. The command lines and the REST requests are
	 * left out: an agent on MCP calls tools.
	 */
	static ObjectNode instructions(JsonNode rest, boolean banner) {
		ObjectNode out = Json.object();
		out.set("next_actions", rest.path("next_actions").isArray() ? rest.get("next_actions").deepCopy()
				: Json.mapper().createArrayNode());
		ArrayNode next = out.putArray("next");
		for (JsonNode step : rest.path("next")) {
			ObjectNode call = next.addObject().put("tool", step.path("action").asText());
			call.set("arguments", step.path("arguments").isObject() ? step.get("arguments").deepCopy() : Json.object());
		}
		if (banner && rest.path("banner").isTextual()) {
			out.put("banner", banner(rest.get("banner").asText()));
		}
		return out;
	}

	/**
	 * The banner without its rules, blank runs and the command line that completes the
	 * phase ({@code next} names the tool): half the size, the same words.
	 */
	static String banner(String text) {
		return text.lines()
			.filter((line) -> !line.isBlank() && !line.chars().allMatch((c) -> c == '═' || c == '─' || c == ' '))
			.filter((line) -> !line.startsWith("When ready: phaseflow "))
			.map(String::stripTrailing)
			.collect(Collectors.joining("\n"));
	}

	/** Instructions written here: what to do, and the tool calls that do it. */
	static ObjectNode guide(List<String> actions, ObjectNode... calls) {
		ObjectNode out = Json.object();
		actions.forEach(out.putArray("next_actions")::add);
		ArrayNode next = out.putArray("next");
		for (ObjectNode call : calls) {
			next.add(call);
		}
		return out;
	}

	/** Arguments in the order given: name, value, name, value… */
	static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	/**
	 * A tool call for {@code next}; values in angle brackets are for the agent to fill.
	 */
	static ObjectNode call(String tool, Map<String, ?> arguments) {
		ObjectNode call = Json.object().put("tool", tool);
		call.set("arguments", Json.mapper().valueToTree(arguments));
		return call;
	}

	/**
	 * An init or context answer: the session, the task, the phase with its goal and
	 * artifacts, the acceptance criteria, warnings and the instructions with the banner.
	 */
	static ObjectNode context(JsonNode answer) {
		JsonNode session = answer.path("session");
		JsonNode context = answer.path("context");
		JsonNode task = context.path("task");
		JsonNode phase = context.path("phase");
		ObjectNode out = Json.object().put("session_key", session.path("key").asText());
		ObjectNode taskOut = out.putObject("task").put("code", task.path("code").asText());
		copy(task, taskOut, "title", "description");
		out.put("phase", session.path("current_phase").asText()).put("status", session.path("status").asText());
		if (session.path("continued").asBoolean()) {
			out.put("continued", true);
		}
		copy(phase, out, "goal", "required_artifacts", "missing_artifacts");
		JsonNode criteria = task.at("/metadata/acceptance_criteria");
		if (criteria.isArray() && !criteria.isEmpty()) {
			out.set("acceptance_criteria", criteria.deepCopy());
		}
		putErrors(out, "warnings", context.path("warnings"));
		if (session.path("continued").asBoolean()) {
			recovery(context, out);
		}
		out.set("instructions", instructions(answer.path("instructions"), true));
		return out;
	}

	/**
	 * What an agent that picks a session up (its own, or one it took over) needs to carry
	 * on: who had it, the last actions in words, the notes so far and the artifacts in
	 * hand (names; read_artifact reads one).
	 */
	private static void recovery(JsonNode context, ObjectNode out) {
		JsonNode previous = context.path("previous_agent");
		if (previous.isObject()) {
			copy(previous, out.putObject("previous_agent"), "id", "handle", "handed_over_at");
		}
		ArrayNode actions = out.putArray("last_actions");
		context.path("last_actions").forEach((action) -> actions.add(action.path("text").asText()));
		ArrayNode notes = out.putArray("notes");
		for (JsonNode note : context.path("notes")) {
			if (notes.size() < RECOVERY_NOTES) {
				notes.add(note.path("kind").asText() + ": " + note.path("text").asText());
			}
		}
		ArrayNode artifacts = out.putArray("artifacts");
		for (JsonNode artifact : context.path("artifacts")) {
			artifacts.add(artifact.path("name").asText() + " (" + artifact.path("phase").asText() + ")");
		}
	}

	/** A sprint's init answer: the sprint, its progress and its open tasks. */
	static ObjectNode sprint(JsonNode answer) {
		JsonNode context = answer.path("context");
		ObjectNode out = Json.object();
		ObjectNode sprint = out.putObject("sprint");
		copy(context.path("sprint"), sprint, "code", "title", "status");
		out.set("summary", context.path("summary").deepCopy());
		ArrayNode tasks = out.putArray("tasks");
		for (JsonNode task : context.path("tasks")) {
			copy(task, tasks.addObject(), "task_code", "status", "priority", "title");
		}
		out.set("instructions", instructions(answer.path("instructions"), false));
		return out;
	}

	/**
	 * What completing (or ending) a phase did: the result, the phase completed and the
	 * one now, the iteration, errors and warnings, the override; the banner only when the
	 * phase changed, as it then tells the new phase's steps.
	 */
	static ObjectNode outcome(JsonNode answer, String attempted) {
		JsonNode session = answer.path("session");
		ObjectNode out = Json.object();
		out.put("result", answer.path("result").asText("refused"))
			.put("completed_phase", answer.path("completed_phase").asText(attempted));
		String phase = session.path("current_phase").asText();
		out.put("phase", phase)
			.put("iteration", session.path("current_iteration").asInt())
			.put("status", session.path("status").asText());
		putErrors(out, "errors", answer.path("errors"));
		putErrors(out, "warnings", answer.path("warnings"));
		if (session.path("override").isObject()) {
			out.set("override", override(session.get("override")));
		}
		JsonNode instructions = answer.has("instructions") ? answer.get("instructions") : session.path("instructions");
		boolean moved = "moved_on".equals(out.get("result").asText())
				&& !phase.equals(out.get("completed_phase").asText());
		out.set("instructions", instructions(instructions, moved));
		return out;
	}

	/** A session as pause, resume and wait answer it. */
	static ObjectNode session(JsonNode view) {
		ObjectNode out = Json.object()
			.put("session_key", view.path("session_key").asText())
			.put("status", view.path("status").asText())
			.put("phase", view.path("current_phase").asText())
			.put("iteration", view.path("current_iteration").asInt());
		if (view.path("override").isObject()) {
			out.set("override", override(view.get("override")));
		}
		out.set("instructions", instructions(view.path("instructions"), false));
		return out;
	}

	private static ObjectNode override(JsonNode override) {
		ObjectNode out = Json.object();
		copy(override, out, "id", "phase", "status", "reason", "decided_by", "comment");
		return out;
	}

	/** An event in a line: its type, phase, time and what it did. */
	static ObjectNode event(JsonNode event) {
		JsonNode payload = event.path("payload");
		ObjectNode out = Json.object().put("type", event.path("event_type").asText().replace("orchestration.", ""));
		if (payload.path("phase").isTextual()) {
			out.put("phase", payload.get("phase").asText());
		}
		out.put("time", event.path("emitted_at").asText());
		String summary = EVENT_FIELDS.stream()
			.filter((field) -> payload.path(field).isValueNode() && !payload.get(field).asText().isBlank())
			.map((field) -> field + ": " + payload.get(field).asText().replaceAll("\\s+", " "))
			.collect(Collectors.joining(", "));
		if (!summary.isEmpty()) {
			out.put("summary",
					(summary.length() > SUMMARY_LENGTH) ? summary.substring(0, SUMMARY_LENGTH - 1) + "…" : summary);
		}
		return out;
	}

	/**
	 * The whole REST answer, its instructions (with the banner) once: the copy inside its
	 * session is dropped.
	 */
	static ObjectNode full(JsonNode answer) {
		ObjectNode out = answer.deepCopy();
		JsonNode instructions = out.has("instructions") ? out.get("instructions")
				: out.path("session").path("instructions");
		if (out.path("session").isObject()) {
			((ObjectNode) out.get("session")).remove("instructions");
		}
		out.remove("suggested_commands");
		out.set("instructions", instructions(instructions, true));
		return out;
	}

	/**
	 * Field errors as {@code field} and {@code fix}; a missing artifact's fix names the
	 * argument that sends it.
	 */
	static void putErrors(ObjectNode out, String name, JsonNode errors) {
		if (!errors.isArray() || errors.isEmpty()) {
			return;
		}
		ArrayNode list = out.putArray(name);
		for (JsonNode error : errors) {
			String field = error.path("field").asText();
			String fix = error.path("message").asText();
			if (field.startsWith("artifacts.")) {
				fix += ": write " + field.substring("artifacts.".length())
						+ " and send it in complete_phase's artifacts";
			}
			list.addObject().put("field", field).put("fix", fix);
		}
	}

	static void copy(JsonNode from, ObjectNode to, String... fields) {
		for (String field : fields) {
			if (from.hasNonNull(field)) {
				to.set(field, from.get(field).deepCopy());
			}
		}
	}

}

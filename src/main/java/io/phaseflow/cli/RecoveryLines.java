package io.phaseflow.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.client.Json;

/**
 * What an agent that picks a session up needs besides the phase banner, in a few lines
 * from the session's context: the task's acceptance criteria, the agent before a
 * hand-over, the last actions, the latest notes and the artifacts in hand.
 */
final class RecoveryLines {

	/** Notes shown; the context has a few more. */
	private static final int NOTES = 5;

	/** Longer notes are cut to one line of this many characters. */
	private static final int NOTE_TEXT = 100;

	private RecoveryLines() {
	}

	/**
	 * The lines for the context; with {@code continued} false (a session just started)
	 * only the criteria, as nothing happened yet.
	 */
	static List<String> of(JsonNode context, boolean continued) {
		List<String> lines = new ArrayList<>();
		JsonNode criteria = context.at("/task/metadata/acceptance_criteria");
		List<String> items = criteria.isTextual() ? List.of(criteria.asText()) : Json.texts(criteria);
		section(lines, "Acceptance criteria:", items);
		if (!continued) {
			return lines;
		}
		JsonNode previous = context.path("previous_agent");
		if (previous.isObject()) {
			lines.add(
					"Previous agent: " + agent(previous) + ", handed over " + previous.path("handed_over_at").asText());
		}
		List<String> actions = new ArrayList<>();
		context.path("last_actions").forEach((action) -> actions.add(action.path("text").asText()));
		section(lines, "Last actions (latest first):", actions);
		List<String> notes = new ArrayList<>();
		for (JsonNode note : context.path("notes")) {
			if (notes.size() < NOTES) {
				notes.add(note.path("kind").asText() + ": " + oneLine(note.path("text").asText()));
			}
		}
		section(lines, "Notes (latest first):", notes);
		List<String> artifacts = new ArrayList<>();
		context.path("artifacts")
			.forEach((artifact) -> artifacts.add(artifact.path("name").asText() + " (" + artifact.path("phase").asText()
					+ ", " + size(artifact.path("bytes").asLong()) + ")"));
		if (!artifacts.isEmpty()) {
			lines.add("Artifacts: " + String.join(", ", artifacts));
		}
		return lines;
	}

	/** An agent as {@code <id> (<handle>)}. */
	static String agent(JsonNode agent) {
		String handle = agent.path("handle").asText("");
		return agent.path("id").asText() + (handle.isEmpty() ? "" : " (" + handle + ")");
	}

	private static void section(List<String> lines, String heading, List<String> items) {
		if (!items.isEmpty()) {
			lines.add(heading);
			items.forEach((item) -> lines.add("  - " + item));
		}
	}

	private static String oneLine(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return (line.length() > NOTE_TEXT) ? line.substring(0, NOTE_TEXT - 1) + "…" : line;
	}

	private static String size(long bytes) {
		return (bytes < 1024) ? bytes + " B" : String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
	}

}

package io.phaseflow.cli;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.client.Json;

/**
 * A session's override (its view's {@code override}) in words: pending with its id and
 * who decides, or decided with the reviewer's comment.
 */
final class OverrideLines {

	private OverrideLines() {
	}

	static List<String> of(JsonNode override) {
		List<String> lines = new ArrayList<>();
		if (override == null || override.isMissingNode() || override.isNull()) {
			return lines;
		}
		String phase = override.path("phase").asText();
		String status = override.path("status").asText();
		String comment = override.path("comment").asText("");
		String by = override.path("decided_by").asText("a reviewer");
		switch (status) {
			case "pending" -> {
				String groups = String.join(", ", Json.texts(override.path("candidate_groups")));
				lines.add("⧗ Override " + override.path("id").asText() + " of the " + phase + " phase waits for "
						+ (groups.isEmpty() ? "a reviewer" : groups) + " to decide.");
				lines.add("  Wait for the decision with: phaseflow phase wait");
			}
			case "approved" -> lines.add("✓ Override of the " + phase + " phase approved by " + by
					+ (comment.isEmpty() ? "." : ": " + comment));
			case "rejected" -> {
				lines.add("✗ Override of the " + phase + " phase rejected by " + by
						+ (comment.isEmpty() ? "." : ": " + comment));
				lines.add("  Work on the " + phase + " phase again: fix what the check found, then complete it.");
			}
			default -> {
			}
		}
		return lines;
	}

}

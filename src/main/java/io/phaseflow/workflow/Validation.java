package io.phaseflow.workflow;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The task fields a phase checks before it completes. Names are task fields such as
 * {@code title} or {@code description}, or {@code metadata.<key>} for a metadata entry.
 *
 * @param requiredFields fields that must be present and non-empty (errors)
 * @param warnIfMissing fields whose absence is reported as a warning only
 */
public record Validation(List<String> requiredFields, List<String> warnIfMissing) {

	/** Nothing to check. */
	public static final Validation NONE = new Validation(List.of(), List.of());

	public Validation {
		requiredFields = List.copyOf(requiredFields);
		warnIfMissing = List.copyOf(warnIfMissing);
	}

	/**
	 * Whether a task field ({@code title}) or metadata entry ({@code metadata.tags}) of
	 * the task's JSON document is absent, null or empty.
	 */
	public static boolean isMissing(JsonNode task, String field) {
		JsonNode value = task;
		for (String part : field.split("\\.")) {
			value = (value != null) ? value.get(part) : null;
		}
		return value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())
				|| (value.isContainerNode() && value.isEmpty());
	}

	/**
	 * Who fills a task field: agents do not change tasks, so an agent told of a missing
	 * field learns whom to ask and how.
	 */
	public static String whoFills(String taskCode) {
		return "only a PM can set it: PATCH /tasks/" + taskCode;
	}

}

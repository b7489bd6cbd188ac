package io.phaseflow.workflow;

import java.util.List;

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

}

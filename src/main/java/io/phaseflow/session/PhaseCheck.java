package io.phaseflow.session;

import java.util.List;

import io.phaseflow.common.FieldError;

/**
 * The outcome of checking a phase's artifacts and fields when the agent completes it.
 *
 * @param result {@code valid}, {@code invalid} (back to work), {@code override} (logged,
 * moves on) or {@code approval} (waits for a reviewer)
 * @param errors what is missing or wrong
 * @param warnings what is missing but only worth a warning
 * @param candidateGroups who may approve an override, when {@code result} is
 * {@code approval}
 */
public record PhaseCheck(String phase, String result, List<FieldError> errors, List<FieldError> warnings,
		List<String> candidateGroups) {

	public static final String VALID = "valid";

	public static final String INVALID = "invalid";

	public static final String OVERRIDE = "override";

	public static final String APPROVAL = "approval";

}

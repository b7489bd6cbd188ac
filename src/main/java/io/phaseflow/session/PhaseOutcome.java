package io.phaseflow.session;

import java.util.List;

import io.phaseflow.common.FieldError;

/**
 * What completing a phase did.
 *
 * @param result {@code moved_on}, {@code refused} (the check failed; the agent works on)
 * or {@code awaiting_override} (a reviewer decides)
 * @param completedPhase the phase that was completed (or attempted)
 * @param session the session afterwards
 */
public record PhaseOutcome(String result, String completedPhase, SessionView session, List<FieldError> errors,
		List<FieldError> warnings, Instructions instructions) {

	public static final String MOVED_ON = "moved_on";

	public static final String REFUSED = "refused";

	public static final String AWAITING_OVERRIDE = "awaiting_override";

}

package io.phaseflow.session.phase;

import java.util.List;

import io.phaseflow.common.FieldError;
import io.phaseflow.common.WireValue;
import io.phaseflow.session.Instructions;
import io.phaseflow.session.SessionView;

/**
 * What completing a phase did.
 *
 * @param result {@code moved_on}, {@code refused} (the check failed; the agent works on)
 * or {@code awaiting_override} (a reviewer decides)
 * @param completedPhase the phase that was completed (or attempted)
 * @param session the session afterwards
 */
public record PhaseOutcome(Result result, String completedPhase, SessionView session, List<FieldError> errors,
		List<FieldError> warnings, Instructions instructions) {

	/** What became of a completion. */
	public enum Result implements WireValue {

		/** The session moved on to the next phase (or ended). */
		MOVED_ON,
		/** The check failed; the agent works on the phase. */
		REFUSED,
		/** A reviewer decides the agent's override. */
		AWAITING_OVERRIDE

	}

}

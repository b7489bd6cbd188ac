package io.phaseflow.session;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The agent's request to complete the current phase.
 *
 * @param override ask to move on although the check fails (needs a {@code reason})
 * @param reason why the override is needed
 * @param qaStatus the review's outcome: {@code qa_passed} or {@code qa_failed} (review
 * only)
 * @param phase the phase the agent believes it completes; if given and the session is
 * elsewhere, nothing happens (409)
 */
public record PhaseCompletion(Boolean override, @Size(max = 2000) String reason,
		@Pattern(regexp = "qa_passed|qa_failed", message = "must be one of: qa_passed, qa_failed") String qaStatus,
		String phase) {

	public boolean overrideRequested() {
		return Boolean.TRUE.equals(this.override);
	}

}

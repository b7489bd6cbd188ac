package io.phaseflow.session.phase;

import java.util.List;

import io.phaseflow.session.SessionManagement.ArtifactUpload;
import jakarta.validation.Valid;
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
 * @param artifacts artifacts of the phase to store first, as their own puts would, in the
 * same transaction: one call submits a phase's work and completes it
 */
public record PhaseCompletion(Boolean override, @Size(max = 2000) String reason,
		@Pattern(regexp = "qa_passed|qa_failed", message = "must be one of: qa_passed, qa_failed") String qaStatus,
		@Size(max = 100) String phase, @Size(max = MAX_ARTIFACTS) @Valid List<ArtifactUpload> artifacts) {

	/** The most artifacts one completion carries. */
	public static final int MAX_ARTIFACTS = 20;

	/** A completion that submits nothing with it. */
	public PhaseCompletion(Boolean override, String reason, String qaStatus, String phase) {
		this(override, reason, qaStatus, phase, null);
	}

	public boolean overrideRequested() {
		return Boolean.TRUE.equals(this.override);
	}

}

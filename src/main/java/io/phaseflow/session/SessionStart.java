package io.phaseflow.session;

import io.phaseflow.common.Codes;
import io.phaseflow.common.WireValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * A request to start (or continue) the session of a task.
 *
 * @param onActive what to do when the task already has an active session: continue it
 * (default), restart (terminate it and start anew) or reject
 */
public record SessionStart(@NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.RULE) String taskCode,
		@Positive Long agentId, OnActive onActive) {

	/** What to do when the task already has an active session. */
	public enum OnActive implements WireValue {

		CONTINUE, RESTART, REJECT

	}

}

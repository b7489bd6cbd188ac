package io.phaseflow.session;

import io.phaseflow.common.Codes;
import io.phaseflow.common.WireValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * {@code AGENT INIT T:<task>} or {@code S:<sprint>} (seed 000 step 4, seed 003).
 */
public record AgentInitRequest(@NotNull Target entityType,
		@NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.RULE) String entityCode, @Positive Long agentId) {

	/** What the agent inits on. */
	public enum Target implements WireValue {

		TASK, SPRINT

	}

}

package io.phaseflow.guidance;

import io.phaseflow.common.Codes;
import io.phaseflow.common.WireValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * An agent asks to start work on a task ({@code AGENT INIT T:<task>}) or on a sprint
 * ({@code AGENT INIT S:<sprint>}).
 */
public record AgentInitRequest(@NotNull Target entityType,
		@NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.RULE) String entityCode, @Positive Long agentId) {

	/** What the agent inits on. */
	public enum Target implements WireValue {

		TASK, SPRINT

	}

}

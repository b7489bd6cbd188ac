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
 *
 * @param takeOver whether the task's active session is taken over when another agent
 * holds it (else that is a conflict)
 * @param expectedAgentId with {@code takeOver}, the agent the session is taken from:
 * checked, so that of two agents racing to take it over one wins
 */
public record AgentInitRequest(@NotNull Target entityType,
		@NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.RULE) String entityCode, @Positive Long agentId,
		Boolean takeOver, @Positive Long expectedAgentId) {

	public boolean takesOver() {
		return Boolean.TRUE.equals(this.takeOver);
	}

	/** What the agent inits on. */
	public enum Target implements WireValue {

		TASK, SPRINT

	}

}

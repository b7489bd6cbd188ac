package io.phaseflow.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A PM's request to move a session to another phase.
 *
 * @param toPhase the phase of workflow.yaml to move to
 * @param reason why; required, as the move overrides the agent's own progress
 */
public record PhaseTransition(@NotBlank @Size(max = 100) String toPhase, @NotBlank @Size(max = 2000) String reason) {
}

package io.phaseflow.override;

import java.util.List;

import io.phaseflow.common.FieldError;
import io.phaseflow.workflow.WorkflowEngine.PendingOverride;

/**
 * An override waiting for a reviewer, with what the reviewer decides on.
 *
 * @param pending the override as the process engine holds it
 * @param taskCode the task the session works on
 * @param agentId the agent that asked for the override
 * @param errors the checks of the phase that failed
 * @param warnings what the check only warned about
 * @param reason why the agent asked to move on all the same
 */
public record OverrideRequest(PendingOverride pending, String taskCode, Long agentId, List<FieldError> errors,
		List<FieldError> warnings, String reason) {
}

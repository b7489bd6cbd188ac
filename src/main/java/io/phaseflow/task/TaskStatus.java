package io.phaseflow.task;

import io.phaseflow.common.WireValue;

/**
 * Where a task stands.
 */
public enum TaskStatus implements WireValue {

	PENDING, IN_PROGRESS, PENDING_VERIFICATION, COMPLETED, FAILED, BLOCKED;

}

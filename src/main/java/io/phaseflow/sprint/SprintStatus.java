package io.phaseflow.sprint;

import io.phaseflow.common.WireValue;

/**
 * Where a sprint stands.
 */
public enum SprintStatus implements WireValue {

	PLANNING, ACTIVE, COMPLETED, CANCELLED;

}

package io.phaseflow.override;

import io.phaseflow.common.WireValue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A reviewer's decision on an override (the fields of
 * {@code forms/override-approval.form}).
 */
public record OverrideDecision(@NotNull Decision decision, @Size(max = 2000) String comment) {

	/** Approve (the phase moves on) or reject (the agent works on). */
	public enum Decision implements WireValue {

		APPROVE, REJECT

	}

}

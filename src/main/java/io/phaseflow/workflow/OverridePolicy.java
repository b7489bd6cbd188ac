package io.phaseflow.workflow;

import java.util.List;

/**
 * Whether, and how, a phase can be completed although its validation failed.
 *
 * @param allowed whether an override may be requested at all
 * @param approval whether a reviewer must approve the override
 * @param candidateGroups the groups whose members may approve; not empty when approval is
 * required and overrides are allowed
 */
public record OverridePolicy(boolean allowed, Approval approval, List<String> candidateGroups) {

	/** The policy of a phase that says nothing about overrides: they are not allowed. */
	public static final OverridePolicy NOT_ALLOWED = new OverridePolicy(false, Approval.REQUIRED, List.of());

	public OverridePolicy {
		candidateGroups = List.copyOf(candidateGroups);
	}

	/** Whether an allowed override waits for a reviewer. */
	public boolean needsApproval() {
		return this.allowed && this.approval == Approval.REQUIRED;
	}

}

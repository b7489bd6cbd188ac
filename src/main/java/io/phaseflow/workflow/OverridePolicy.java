package io.phaseflow.workflow;

import java.time.Duration;
import java.util.List;

/**
 * Whether, and how, a phase can be completed although its validation failed.
 *
 * @param allowed whether an override may be requested at all
 * @param approval whether a reviewer must approve the override
 * @param candidateGroups the groups whose members may approve; not empty when approval is
 * required and overrides are allowed
 * @param dueIn how long a reviewer has to decide: the approval task's due date is its
 * creation plus this
 * @param priority the approval task's priority (0-100, as task lists sort it)
 */
public record OverridePolicy(boolean allowed, Approval approval, List<String> candidateGroups, Duration dueIn,
		int priority) {

	/** How long a reviewer has when the phase does not say: a working day. */
	public static final Duration DEFAULT_DUE_IN = Duration.ofHours(24);

	/**
	 * The priority of an approval task when the phase does not say: Flowable's default.
	 */
	public static final int DEFAULT_PRIORITY = 50;

	/** The highest priority a phase may give its approval task. */
	public static final int MAX_PRIORITY = 100;

	/** The policy of a phase that says nothing about overrides: they are not allowed. */
	public static final OverridePolicy NOT_ALLOWED = new OverridePolicy(false, Approval.REQUIRED, List.of());

	public OverridePolicy {
		candidateGroups = List.copyOf(candidateGroups);
	}

	/** A policy whose approval task has the default due date and priority. */
	public OverridePolicy(boolean allowed, Approval approval, List<String> candidateGroups) {
		this(allowed, approval, candidateGroups, DEFAULT_DUE_IN, DEFAULT_PRIORITY);
	}

	/** Whether an allowed override waits for a reviewer. */
	public boolean needsApproval() {
		return this.allowed && this.approval == Approval.REQUIRED;
	}

}

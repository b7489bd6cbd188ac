package io.phaseflow.flowable;

import java.util.Set;

/**
 * The names of the process variables the session processes use, in one place.
 */
public final class ProcessVariables {

	/** The work session's key (both processes). */
	public static final String SESSION_KEY = "sessionKey";

	/** The assignee of the "Work on phase" user task: the session's agent. */
	static final String AGENT_ASSIGNEE = "agentAssignee";

	/** ISO-8601 duration after which a phase without progress is reported stale. */
	public static final String STALE_AFTER = "staleAfter";

	/** The phase a {@code sessionPhase} instance runs (set by the calling activity). */
	public static final String PHASE = "phase";

	/**
	 * Whether the agent asked to override a failed check: transient, read by the check in
	 * the transaction of the completion.
	 */
	static final String OVERRIDE_REQUESTED = "overrideRequested";

	/** The caller (token name) that asked for the override: never its reviewer. */
	static final String OVERRIDE_REQUESTED_BY = "overrideRequestedBy";

	/** The agent whose session asked for the override: never its reviewer either. */
	static final String OVERRIDE_REQUESTED_BY_AGENT = "overrideRequestedByAgent";

	/**
	 * Why the agent asked for the override: transient for the check, and a local variable
	 * of the "Approve override" task it leads to (a later request would overwrite a
	 * process variable).
	 */
	static final String OVERRIDE_REASON = "overrideReason";

	/**
	 * The result of "Check artifacts and fields": valid, invalid, override or approval.
	 */
	static final String PHASE_CHECK = "phaseCheck";

	/** Comma-separated groups that may approve an override of this phase. */
	static final String OVERRIDE_CANDIDATE_GROUPS = "overrideCandidateGroups";

	/**
	 * The reviewer's decision on an override, approve or reject: field {@code decision}
	 * of form {@code override-approval}.
	 */
	static final String DECISION = "decision";

	/** The reviewer's comment on the decision: field {@code comment} of the form. */
	static final String COMMENT = "comment";

	/**
	 * The review's QA outcome: qa_passed or qa_failed, set by the completion of the phase
	 * that decides QA only.
	 */
	public static final String QA_STATUS = "qaStatus";

	/**
	 * The task the session works on: a local variable of each "Approve override" task.
	 */
	static final String TASK_CODE = "taskCode";

	/**
	 * The checks that failed, as JSON ({@code [{field, message}]}): a local variable of
	 * each "Approve override" task, as are {@link #PHASE}, {@link #OVERRIDE_REASON} and
	 * {@link #AGENT_ID}, so that each task keeps its own request.
	 */
	static final String FAILED_CHECKS = "failedChecks";

	/** The agent whose session asks for the override: a local variable of its task. */
	static final String AGENT_ID = "agentId";

	/**
	 * Who decided an override: a local variable of its task, with {@link #DECISION} and
	 * {@link #COMMENT}, whichever way the task was completed.
	 */
	static final String DECIDED_BY = "decidedBy";

	/**
	 * Every variable Phaseflow sets: the only ones a deployed expression may name, and
	 * none that Flowable's REST API may write, since the four-eyes rule and the session's
	 * owner are read from them.
	 */
	public static final Set<String> ALL = Set.of(SESSION_KEY, AGENT_ASSIGNEE, STALE_AFTER, PHASE, OVERRIDE_REQUESTED,
			OVERRIDE_REQUESTED_BY, OVERRIDE_REQUESTED_BY_AGENT, OVERRIDE_REASON, PHASE_CHECK, OVERRIDE_CANDIDATE_GROUPS,
			DECISION, COMMENT, QA_STATUS, TASK_CODE, FAILED_CHECKS, AGENT_ID, DECIDED_BY);

	private ProcessVariables() {
	}

}

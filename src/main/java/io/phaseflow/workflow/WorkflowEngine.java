package io.phaseflow.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The process engine as the application sees it: sessions are process instances that wait
 * in one phase at a time. Implemented by the Flowable adapter; callers never see Flowable
 * types.
 */
public interface WorkflowEngine {

	/** The key of the session process. */
	String SESSION_PROCESS = "agentTaskSession";

	/**
	 * Starts the session process; it runs until it waits for the agent in the first
	 * phase.
	 * @return the process instance id
	 */
	String startSession(String sessionKey, String agentAssignee, Duration staleAfter);

	/** Where the session's process waits, or empty when it has ended. */
	Optional<Position> position(String processInstanceId);

	/**
	 * The step the session's process waits at ({@link Position#WORK} or
	 * {@link Position#APPROVE_OVERRIDE}) and its task, or empty when it has ended:
	 * {@link #position} without reading the phase, for answers that show only who the
	 * session waits for (and, for a reviewer, which override).
	 */
	Optional<Waiting> waiting(String processInstanceId);

	/**
	 * Completes the session's "work on phase" step with what the agent did. The process
	 * then checks the phase and moves on, waits for an override decision, or returns to
	 * the work step.
	 * @throws SessionNotWaiting if the process does not wait in a work step
	 * @throws ConcurrentTransition if another transition of the same session won
	 */
	void completeWork(String processInstanceId, WorkDone work);

	/**
	 * Moves the session's process from the phase it is in to another phase's call
	 * activity: the running phase instance ends with its work or override-approval task
	 * and stale timer, and the target phase starts as if the flow had reached it (its
	 * variables mapped in, its enter step run).
	 * @throws SessionNotWaiting if the process waits in no phase
	 * @throws ConcurrentTransition if another transition of the same session won
	 */
	void moveToPhase(String processInstanceId, String phase);

	/** Suspends (pause) or activates (resume) the session's process. */
	void suspend(String processInstanceId, boolean suspended);

	/**
	 * Gives the work of the session's process to another agent (a hand-off on resume).
	 */
	void reassign(String processInstanceId, String agentAssignee);

	/** Overrides waiting for a reviewer, oldest first. */
	List<PendingOverride> pendingOverrides();

	/** The pending override with this id, if it still waits. */
	Optional<PendingOverride> pendingOverride(String overrideId);

	/**
	 * Records the calling reviewer's decision (approve or reject) on an override, through
	 * the approval task's form; the process logs it and moves on (approve) or returns to
	 * the agent (reject).
	 * @throws io.phaseflow.common.EntityNotFound if no override waits under that id
	 * @throws ConcurrentTransition if another decision won
	 */
	void decideOverride(String overrideId, String decision, String comment);

	/**
	 * A PNG of the session's process with the phase it is in highlighted (nothing
	 * highlighted once it has ended).
	 */
	byte[] diagram(String processInstanceId, String highlightedPhase);

	/** Ends the session's process wherever it waits (terminate, fail, restart). */
	void endSession(String processInstanceId, String reason);

	/**
	 * The phases the deployed session process calls, in the order of its diagram's flow.
	 */
	List<String> calledPhases();

	/**
	 * An override request waiting for a reviewer.
	 *
	 * @param id the id to decide it by
	 * @param sessionKey the session it belongs to
	 * @param phase the phase whose check failed
	 * @param candidateGroups who may decide it
	 * @param requestedAt when it started waiting
	 * @param requestedBy the caller (token name) that requested it
	 * @param requestedByAgentId the agent whose session requested it
	 * @param assignee the reviewer who claimed it, or null
	 */
	record PendingOverride(String id, String sessionKey, String phase, List<String> candidateGroups,
			Instant requestedAt, String requestedBy, Long requestedByAgentId, String assignee) {
	}

	/**
	 * The step a session's process waits at and the id of its task (an override's id
	 * while the step is {@link Position#APPROVE_OVERRIDE}).
	 */
	record Waiting(String step, String taskId) {
	}

	/**
	 * Where a session's process waits.
	 *
	 * @param phase the phase id (e.g. {@code plan})
	 * @param step {@code workOnPhase} (the agent works) or {@code approveOverride} (a
	 * reviewer decides)
	 */
	record Position(String phase, String step) {

		public static final String WORK = "workOnPhase";

		public static final String APPROVE_OVERRIDE = "approveOverride";

	}

}

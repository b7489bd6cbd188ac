package io.phaseflow.event;

/**
 * Every type of event Phaseflow writes, in one place: what emitters write and what
 * readers (timelines, time tracking, search) look for are spelled once.
 */
public final class EventTypes {

	public static final String SPRINT_CREATED = "orchestration.sprint.created";

	public static final String SPRINT_UPDATED = "orchestration.sprint.updated";

	public static final String SPRINT_ROLLED_BACK = "orchestration.sprint.rolled_back";

	public static final String TASK_CREATED = "orchestration.task.created";

	public static final String TASK_UPDATED = "orchestration.task.updated";

	public static final String TASK_STATUS_UPDATED = "orchestration.task.status_updated";

	public static final String TASK_ROLLED_BACK = "orchestration.task.rolled_back";

	public static final String AGENT_REGISTERED = "orchestration.agent.registered";

	public static final String TOKEN_ISSUED = "orchestration.token.issued";

	public static final String TOKEN_REVOKED = "orchestration.token.revoked";

	public static final String TASK_STARTED = "orchestration.task.started";

	public static final String AGENT_INITIALIZED = "orchestration.agent.initialized";

	public static final String CONTEXT_ASSEMBLED = "orchestration.context.assembled";

	public static final String SESSION_STARTED = "orchestration.session.started";

	public static final String SESSION_PAUSED = "orchestration.session.paused";

	public static final String SESSION_RESUMED = "orchestration.session.resumed";

	public static final String SESSION_STALE = "orchestration.session.stale";

	public static final String SESSION_TRANSITIONED = "orchestration.session.transitioned";

	public static final String SESSION_END = "orchestration.session.end";

	public static final String SESSION_COMPLETED = "orchestration.session.completed";

	public static final String SESSION_TERMINATED = "orchestration.session.terminated";

	public static final String SESSION_CONTEXT_UPDATED = "orchestration.session.context_updated";

	public static final String SESSION_NOTE_ADDED = "orchestration.session.note_added";

	public static final String PHASE_VALIDATION_FAILED = "orchestration.phase.validation_failed";

	public static final String PHASE_OVERRIDE_REQUESTED = "orchestration.phase.override.requested";

	public static final String PHASE_OVERRIDE = "orchestration.phase.override";

	public static final String PHASE_OVERRIDE_REJECTED = "orchestration.phase.override.rejected";

	public static final String ARTIFACT_SUBMITTED = "orchestration.artifact.submitted";

	public static final String ACTIVITY_LOGGED = "orchestration.activity.logged";

	public static final String ITERATION_LOGGED = "orchestration.iteration.logged";

	public static final String FILE_SYNCED = "orchestration.file.synced";

	public static final String WORKFLOW_DEPLOYED = "orchestration.workflow.deployed";

	public static final String ACCESS_REFUSED = "orchestration.access.refused";

	/**
	 * A phase's own event ({@link #phase}) for a phase a transition jumped over, written
	 * by the transition, never by the process.
	 */
	public static final String SKIPPED = "skipped";

	/** What the types of a phase's own events start with. */
	public static final String PHASE_PREFIX = "orchestration.phase.";

	private EventTypes() {
	}

	/** A phase's own event, such as {@code orchestration.phase.plan.start}. */
	public static String phase(String phase, String what) {
		return PHASE_PREFIX + phase + "." + what;
	}

	/**
	 * The event of a session's end in the given status, such as {@code …session.failed}.
	 */
	public static String sessionEnded(String status) {
		return "orchestration.session." + status;
	}

}

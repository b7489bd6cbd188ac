package io.phaseflow.session.phase;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.Clocks;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.event.EventTypes;
import io.phaseflow.files.FileSync;
import io.phaseflow.files.TaskFileDue;
import io.phaseflow.session.PhaseCheck;
import io.phaseflow.session.SessionEvents;
import io.phaseflow.session.SessionLifecycle;
import io.phaseflow.session.SessionStatus;
import io.phaseflow.session.SessionTransitions;
import io.phaseflow.session.WorkSession;
import io.phaseflow.session.WorkSessions;
import io.phaseflow.task.Task;
import io.phaseflow.task.Tasks;
import io.phaseflow.workflow.OverridePolicy;
import io.phaseflow.workflow.PhaseConfig;
import io.phaseflow.workflow.SessionNotWaiting;
import io.phaseflow.workflow.Settings;
import io.phaseflow.workflow.WorkflowDefinition;
import io.phaseflow.workflow.deployment.Workflows;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the session process does at each of its steps: enter a phase, check it, leave it,
 * log or reject overrides, start an iteration, complete the session. Called by the
 * process's service tasks, inside the transaction of the transition, so the session row
 * and its events change together with the process position. Entering, leaving and
 * completing are idempotent: a repeated step (a retried job) changes nothing.
 */
@Service
public class PhaseSteps {

	private static final String SUMMARY_ARTIFACT = "SUMMARY.md";

	private static final String QA_EVENT = "qa_";

	private final WorkSessions sessions;

	private final SessionArtifacts artifacts;

	private final Tasks tasks;

	private final SessionEvents events;

	private final Workflows workflows;

	private final JsonDocuments json;

	private final Clock clock;

	private final FileSync files;

	private final ApplicationEventPublisher publisher;

	private final SessionIterations iterations;

	private final SessionLifecycle lifecycle;

	private final SessionSections sections;

	PhaseSteps(WorkSessions sessions, SessionArtifacts artifacts, Tasks tasks, SessionEvents events,
			Workflows workflows, JsonDocuments json, Clock clock, FileSync files, ApplicationEventPublisher publisher,
			SessionIterations iterations, SessionLifecycle lifecycle, SessionSections sections) {
		this.sections = sections;
		this.lifecycle = lifecycle;
		this.files = files;
		this.publisher = publisher;
		this.iterations = iterations;
		this.sessions = sessions;
		this.artifacts = artifacts;
		this.tasks = tasks;
		this.events = events;
		this.workflows = workflows;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Locks the session's row until the transaction ends, so that a step taken outside
	 * Phaseflow's API (a reviewer's decision through Flowable's REST API) waits for any
	 * transition of the session in flight, and then sees its outcome.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lock(String sessionKey) {
		this.sessions.lockByKey(sessionKey);
	}

	/**
	 * The session now works in {@code phase}: mirror it and emit
	 * {@code orchestration.phase.<phase>.start}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void entered(String sessionKey, String phase) {
		WorkSession session = session(sessionKey);
		if (phase.equals(session.currentPhase()) && !completedInThisIteration(session, phase)) {
			return; // entered already: a repeated step changes nothing
		}
		this.sessions.phaseEntered(session.id(), phase, SessionStatus.RUNNING, now());
		ObjectNode payload = this.json.newObject().put("phase", phase).put("iteration", session.currentIteration());
		payload.put("goal", phaseConfig(this.workflows.active(), phase).goal());
		this.events.emit(session, EventTypes.phase(phase, "start"), payload);
	}

	/**
	 * Emits the events workflow.yaml declares for the phase besides its start and end, as
	 * the phase is left: {@code <phase>.qa_passed} or {@code <phase>.qa_failed} only with
	 * that QA outcome, any other one because the phase's check passed. A repeated step
	 * emits nothing again.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void declaredEvents(String sessionKey, String phase, String qaStatus) {
		WorkSession session = session(sessionKey);
		if (completedInThisIteration(session, phase)) {
			return;
		}
		for (String declared : phaseConfig(this.workflows.active(), phase).events()) {
			String name = declared.substring(phase.length() + 1);
			boolean own = name.equals("start") || name.equals("end") || name.equals(EventTypes.SKIPPED);
			if (own || (name.startsWith(QA_EVENT) && !name.equals(qaStatus))) {
				continue;
			}
			ObjectNode payload = this.json.newObject().put("phase", phase).put("iteration", session.currentIteration());
			if (name.startsWith(QA_EVENT)) {
				payload.put("qa_status", qaStatus);
			}
			this.events.emit(session, EventTypes.phase(phase, name), payload);
		}
	}

	/**
	 * Checks the phase's required artifacts and task fields. The result is stored on the
	 * session (for the caller of phase-complete to report) and returned for the process's
	 * gateway.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public PhaseCheck check(String sessionKey, String phase, boolean overrideRequested, String reason) {
		WorkSession session = session(sessionKey);
		WorkflowDefinition workflow = this.workflows.active();
		PhaseConfig config = phaseConfig(workflow, phase);
		Task task = this.tasks.findByCode(session.taskCode()).orElseThrow();
		Set<String> submitted = workflow.settings().requireArtifactValidation()
				? this.artifacts.namesIn(session.id(), session.currentIteration()) : Set.of();
		PhaseCheck check = PhaseRules.check(workflow, config, session.currentIteration(),
				(name) -> submitted.contains(name) || this.files.taskFileExists(task, name), this.json.tree(task),
				overrideRequested, reason);
		PhaseCheck.Result result = check.result();
		ObjectNode stored = (ObjectNode) this.json.tree(check);
		this.sessions.checked(session.id(), check, now());
		if (!check.errors().isEmpty()) {
			this.events.emit(session, EventTypes.PHASE_VALIDATION_FAILED, stored.deepCopy());
		}
		if (result == PhaseCheck.Result.APPROVAL) {
			this.sessions.statusChanged(session.id(), SessionStatus.AWAITING_OVERRIDE, now());
			this.events.emit(session, EventTypes.PHASE_OVERRIDE_REQUESTED, stored.deepCopy());
		}
		return check;
	}

	/**
	 * The override request the session's latest check made, as its reviewer's task shows
	 * it: read as the task is created, in the transaction of the check.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public OverrideTask overrideTask(String sessionKey, String phase) {
		WorkSession session = session(sessionKey);
		PhaseCheck check = session.lastCheck();
		OverridePolicy policy = phaseConfig(this.workflows.active(), phase).override();
		String title = this.tasks.findByCode(session.taskCode()).map(Task::title).orElse("");
		return new OverrideTask(session.taskCode(), title, phase, (check != null) ? check.reason() : null,
				(check != null) ? check.errors() : List.of(), session.agentId(), policy.dueIn(), policy.priority());
	}

	/**
	 * The phase is done: record it in the history and emit
	 * {@code orchestration.phase.<phase>.end}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void left(String sessionKey, String phase) {
		WorkSession session = session(sessionKey);
		if (completedInThisIteration(session, phase)) {
			return; // left already: a repeated step changes nothing
		}
		OffsetDateTime now = now();
		ArrayNode history = ((ArrayNode) session.phaseHistory()).deepCopy();
		history.addObject()
			.put("phase", phase)
			.put("iteration", session.currentIteration())
			.put("completed_at", now.toString());
		this.sessions.phaseHistoryChanged(session.id(), history, now);
		this.events.emit(session, EventTypes.phase(phase, "end"), this.json.newObject().put("phase", phase));
	}

	/**
	 * A file step: the task's TASK.md is to show where the session stands, written once
	 * the transition commits. After the session completed, {@code sync_files_on_close}
	 * decides; at any other step, {@code sync_files_on_phase_complete}.
	 * @param phase the phase the process runs (null outside a phase)
	 * @param qaStatus the process's QA outcome
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void syncFiles(String sessionKey, String phase, String qaStatus) {
		WorkSession session = session(sessionKey);
		Settings settings = this.workflows.active().settings();
		boolean wanted = (session.status() == SessionStatus.COMPLETED) ? settings.syncFilesOnClose()
				: settings.syncFilesOnPhaseComplete();
		if (wanted) {
			this.publisher
				.publishEvent(new TaskFileDue(session.taskCode(), this.sections.of(session, phase, qaStatus)));
		}
	}

	/**
	 * An override was granted: by the phase's policy ({@code decision} null) or by a
	 * reviewer.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void overridden(String sessionKey, String phase, Decision decision) {
		WorkSession session = session(sessionKey);
		this.sessions.statusChanged(session.id(), SessionStatus.RUNNING, now());
		this.events.emit(session, EventTypes.PHASE_OVERRIDE, overridePayload(session, phase, decision));
	}

	/** A reviewer rejected the override; the agent works on the phase again. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void overrideRejected(String sessionKey, String phase, Decision decision) {
		WorkSession session = session(sessionKey);
		this.sessions.statusChanged(session.id(), SessionStatus.RUNNING, now());
		this.events.emit(session, EventTypes.PHASE_OVERRIDE_REJECTED, overridePayload(session, phase, decision));
	}

	private ObjectNode overridePayload(WorkSession session, String phase, Decision decision) {
		ObjectNode payload = this.json.newObject().put("phase", phase);
		if (session.lastCheck() != null) {
			payload.put("reason", session.lastCheck().reason());
			payload.set("errors", this.json.tree(session.lastCheck().errors()));
		}
		payload.put("approval", (decision != null) ? "reviewer" : "none");
		if (decision != null) {
			payload.put("decided_by", decision.decidedBy()).put("comment", decision.comment());
		}
		return payload;
	}

	/** The phase saw no progress for {@code stale_after}. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void stale(String sessionKey, String phase) {
		WorkSession session = session(sessionKey);
		this.events.emit(session, EventTypes.SESSION_STALE,
				this.json.newObject()
					.put("phase", phase)
					.put("stale_after", this.workflows.active().settings().staleAfter().toString()));
	}

	/** Review failed QA: execution starts again in a new iteration. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void iterationStarted(String sessionKey) {
		WorkSession session = session(sessionKey);
		int iteration = session.currentIteration() + 1;
		OffsetDateTime now = now();
		this.iterations.qaFailedLoop(session, iteration, now);
		this.sessions.iterationStarted(session.id(), iteration, now);
		this.events.emit(session, EventTypes.ITERATION_LOGGED,
				this.json.newObject().put("iteration", iteration).put("reason", "qa_failed"));
	}

	/**
	 * The close phase is done: the session is completed, with its SUMMARY.md as what it
	 * ended with.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void completed(String sessionKey) {
		WorkSession session = session(sessionKey);
		if (session.status() == SessionStatus.COMPLETED) {
			return;
		}
		this.lifecycle.closed(session,
				this.artifacts.find(session.id(), SUMMARY_ARTIFACT).map(SessionArtifact::content).orElse(null));
		this.events.emit(session, EventTypes.SESSION_COMPLETED, this.json.newObject().put("session_key", sessionKey));
	}

	/** A reviewer's decision on an override. */
	public record Decision(String decidedBy, String comment) {
	}

	/**
	 * Whether the phase history records the phase as completed in the session's current
	 * iteration, and no transition back has reopened it since.
	 */
	private static boolean completedInThisIteration(WorkSession session, String phase) {
		for (JsonNode entry : session.phaseHistory()) {
			if (phase.equals(entry.path("phase").asText())
					&& entry.path("iteration").asInt() == session.currentIteration()
					&& !entry.has(SessionTransitions.REOPENED_AT)) {
				return true;
			}
		}
		return false;
	}

	private static PhaseConfig phaseConfig(WorkflowDefinition workflow, String phase) {
		return workflow.phase(phase)
			.orElseThrow(() -> new SessionNotWaiting(
					"The " + phase + " phase is no longer configured in workflow.yaml; end or terminate the session"));
	}

	private WorkSession session(String sessionKey) {
		return this.sessions.findByKey(sessionKey)
			.orElseThrow(() -> new IllegalStateException("The process runs for an unknown session " + sessionKey));
	}

	private OffsetDateTime now() {
		return Clocks.now(this.clock);
	}

}

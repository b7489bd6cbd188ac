package io.phaseflow.session;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.phaseflow.common.EntityNotFound;
import io.phaseflow.event.EventLog;
import io.phaseflow.event.EventTypes;
import io.phaseflow.event.OrchestrationEvent;
import io.phaseflow.session.access.AgentIdentity;
import io.phaseflow.workflow.WorkflowEngine;
import io.phaseflow.workflow.WorkflowEngine.Position;
import io.phaseflow.workflow.WorkflowEngine.Waiting;

import org.springframework.stereotype.Component;

/**
 * Finds sessions (optionally locking their row) and shows them with where their process
 * waits.
 */
@Component
public class SessionViews {

	private final WorkSessions sessions;

	private final WorkflowEngine engine;

	private static final List<String> OVERRIDE_EVENTS = List.of(EventTypes.PHASE_OVERRIDE_REQUESTED,
			EventTypes.PHASE_OVERRIDE, EventTypes.PHASE_OVERRIDE_REJECTED, EventTypes.SESSION_TRANSITIONED);

	private final SessionGuide guide;

	private final EventLog events;

	private final AgentIdentity identity;

	SessionViews(WorkSessions sessions, WorkflowEngine engine, SessionGuide guide, AgentIdentity identity,
			EventLog events) {
		this.events = events;
		this.identity = identity;
		this.sessions = sessions;
		this.engine = engine;
		this.guide = guide;
	}

	public SessionView view(WorkSession session) {
		Answer answer = after(session, null);
		return answer.view().with(answer.instructions());
	}

	/**
	 * The session's view without instructions, and those of an answer to the completion
	 * of {@code completedPhase} (the view's own when it is null): the answer carries them
	 * once.
	 */
	Answer after(WorkSession session, String completedPhase) {
		Optional<Waiting> waiting = (session.processInstanceId() != null && !session.status().isTerminal())
				? this.engine.waiting(session.processInstanceId()) : Optional.empty();
		String waitingFor = waiting.map((w) -> Position.WORK.equals(w.step()) ? "agent" : "override_approval")
			.orElse(null);
		SessionGuide.Guidance guidance = this.guide.guide(session, completedPhase);
		SessionView view = new SessionView(session.sessionKey(), session.taskCode(), session.agentId(),
				session.status(), session.currentPhase(), waitingFor, override(session, waiting).orElse(null),
				session.currentIteration(), session.totalIterations(), session.phaseHistory(), session.correlationId(),
				session.processInstanceId(), session.startedAt(), session.completedAt(), session.updatedAt(),
				guidance.time(), null);
		return new Answer(view, guidance.instructions());
	}

	/**
	 * The override the session's latest check asked a reviewer for: pending while the
	 * process waits at its approval, else as the latest decision records it. A PM's
	 * transition since then withdrew it.
	 */
	private Optional<SessionOverride> override(WorkSession session, Optional<Waiting> waiting) {
		PhaseCheck check = session.lastCheck();
		if (check == null || check.result() != PhaseCheck.Result.APPROVAL) {
			return Optional.empty();
		}
		Optional<OrchestrationEvent> latest = this.events.latestOf(session.sessionKey(), OVERRIDE_EVENTS);
		OffsetDateTime requestedAt = latest.filter((e) -> EventTypes.PHASE_OVERRIDE_REQUESTED.equals(e.eventType()))
			.map(OrchestrationEvent::emittedAt)
			.orElse(null);
		if (waiting.filter((w) -> Position.APPROVE_OVERRIDE.equals(w.step())).isPresent()) {
			return Optional.of(new SessionOverride(waiting.get().taskId(), check.phase(), SessionOverride.PENDING,
					check.reason(), check.errors(), check.candidateGroups(), requestedAt, null, null, null));
		}
		return latest
			.filter((event) -> !EventTypes.PHASE_OVERRIDE_REQUESTED.equals(event.eventType())
					&& !EventTypes.SESSION_TRANSITIONED.equals(event.eventType()))
			.map((event) -> new SessionOverride(null, check.phase(),
					EventTypes.PHASE_OVERRIDE.equals(event.eventType()) ? SessionOverride.APPROVED
							: SessionOverride.REJECTED,
					check.reason(), check.errors(), null, null, event.payload().path("decided_by").asText(null),
					event.payload().path("comment").asText(null), event.emittedAt()));
	}

	/** A session's view and the instructions an answer about it carries. */
	record Answer(SessionView view, Instructions instructions) {
	}

	public SessionView view(long id) {
		return view(this.sessions.findById(id).orElseThrow());
	}

	/** An answer about a session, with the session's next instructions. */
	public <T> Guided<T> guided(String sessionKey, T answer) {
		return new Guided<>(answer, this.guide.instructions(find(sessionKey), null));
	}

	public WorkSession find(String sessionKey) {
		return this.sessions.findByKey(sessionKey).orElseThrow(() -> new EntityNotFound("session", sessionKey));
	}

	/**
	 * Reads the session and locks its row, so that its transitions happen one at a time.
	 */
	public WorkSession locked(String sessionKey) {
		return this.sessions.lockByKey(sessionKey).orElseThrow(() -> new EntityNotFound("session", sessionKey));
	}

	/**
	 * Reads and locks the session for a change by its agent: the caller must be the
	 * session's owner (or act for any agent), as the lock shows it.
	 * @throws AgentIdentity.SessionOwnedByAnother otherwise
	 */
	public WorkSession owned(String sessionKey) {
		WorkSession session = locked(sessionKey);
		this.identity.mayActOn(session);
		return session;
	}

}

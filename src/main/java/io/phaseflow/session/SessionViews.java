package io.phaseflow.session;

import java.util.Optional;

import io.phaseflow.common.EntityNotFound;
import io.phaseflow.session.access.AgentIdentity;
import io.phaseflow.workflow.WorkflowEngine;
import io.phaseflow.workflow.WorkflowEngine.Position;

import org.springframework.stereotype.Component;

/**
 * Finds sessions (optionally locking their row) and shows them with where their process
 * waits.
 */
@Component
public class SessionViews {

	private final WorkSessions sessions;

	private final WorkflowEngine engine;

	private final SessionGuide guide;

	private final AgentIdentity identity;

	SessionViews(WorkSessions sessions, WorkflowEngine engine, SessionGuide guide, AgentIdentity identity) {
		this.identity = identity;
		this.sessions = sessions;
		this.engine = engine;
		this.guide = guide;
	}

	public SessionView view(WorkSession session) {
		return after(session, null).view();
	}

	/**
	 * The session's view, and the instructions of an answer to the completion of
	 * {@code completedPhase} (the view's own when it is null).
	 */
	Answer after(WorkSession session, String completedPhase) {
		Optional<String> step = (session.processInstanceId() != null && !session.status().isTerminal())
				? this.engine.waitingStep(session.processInstanceId()) : Optional.empty();
		String waitingFor = step.map((s) -> Position.WORK.equals(s) ? "agent" : "override_approval").orElse(null);
		SessionGuide.Guidance guidance = this.guide.guide(session, completedPhase);
		SessionView view = new SessionView(session.sessionKey(), session.taskCode(), session.agentId(),
				session.status(), session.currentPhase(), waitingFor, session.currentIteration(),
				session.totalIterations(), session.phaseHistory(), session.correlationId(), session.processInstanceId(),
				session.startedAt(), session.completedAt(), session.updatedAt(), guidance.time(), guidance.view());
		return new Answer(view, guidance.answer());
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

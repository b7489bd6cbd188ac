package io.phaseflow.session;

import java.util.List;
import java.util.Optional;

import io.phaseflow.common.EntityNotFound;
import io.phaseflow.workflow.WorkflowEngine;
import io.phaseflow.workflow.WorkflowEngine.Position;

import org.springframework.stereotype.Component;

/**
 * Finds sessions (optionally locking their row) and shows them with where their process
 * waits.
 */
@Component
class SessionViews {

	private final WorkSessions sessions;

	private final WorkflowEngine engine;

	private final ContextBroker broker;

	private final AgentIdentity identity;

	SessionViews(WorkSessions sessions, WorkflowEngine engine, ContextBroker broker, AgentIdentity identity) {
		this.identity = identity;
		this.sessions = sessions;
		this.engine = engine;
		this.broker = broker;
	}

	SessionView view(WorkSession session) {
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
		ContextBroker.Situation situation = this.broker.situation(session);
		SessionTime time = situation.time();
		List<Instructions> instructions = (completedPhase != null)
				? this.broker.instructions(situation, null, completedPhase)
				: this.broker.instructions(situation, (String) null);
		SessionView view = new SessionView(session.sessionKey(), session.taskCode(), session.agentId(),
				session.status(), session.currentPhase(), waitingFor, session.currentIteration(),
				session.totalIterations(), session.phaseHistory(), session.correlationId(), session.processInstanceId(),
				session.startedAt(), session.completedAt(), session.updatedAt(), time, instructions.get(0));
		return new Answer(view, instructions.get(instructions.size() - 1));
	}

	/** A session's view and the instructions an answer about it carries. */
	record Answer(SessionView view, Instructions instructions) {
	}

	SessionView view(long id) {
		return view(this.sessions.findById(id).orElseThrow());
	}

	/** An answer about a session, with the session's next instructions. */
	<T> Guided<T> guided(String sessionKey, T answer) {
		return new Guided<>(answer, this.broker.instructions(find(sessionKey), null));
	}

	WorkSession find(String sessionKey) {
		return this.sessions.findByKey(sessionKey).orElseThrow(() -> new EntityNotFound("session", sessionKey));
	}

	/**
	 * Reads the session and locks its row, so that its transitions happen one at a time.
	 */
	WorkSession locked(String sessionKey) {
		return this.sessions.lockByKey(sessionKey).orElseThrow(() -> new EntityNotFound("session", sessionKey));
	}

	/**
	 * Reads and locks the session for a change by its agent: the caller must be the
	 * session's owner (or act for any agent), as the lock shows it.
	 * @throws AgentIdentity.SessionOwnedByAnother otherwise
	 */
	WorkSession owned(String sessionKey) {
		WorkSession session = locked(sessionKey);
		this.identity.mayActOn(session);
		return session;
	}

}

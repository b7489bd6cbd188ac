package io.phaseflow.session;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;

import io.phaseflow.agent.Agent;
import io.phaseflow.agent.AgentRegistry;
import io.phaseflow.common.Clocks;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.common.RequestContext;
import io.phaseflow.common.RuleBroken;
import io.phaseflow.event.EventTypes;
import io.phaseflow.session.access.AgentIdentity;
import io.phaseflow.session.access.Refusals;
import io.phaseflow.workflow.WorkflowEngine;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pausing, resuming (and handing over), ending, terminating and failing sessions, with
 * these transitions: running ⇄ paused; running → completed | failed | terminated.
 * Anything else is a 409 and changes nothing.
 */
@Service
public class SessionLifecycle {

	private static final Set<SessionStatus> ACTIVE = Set.of(SessionStatus.RUNNING, SessionStatus.PAUSED,
			SessionStatus.AWAITING_OVERRIDE);

	/** Where a session may end from: a paused session is resumed first. */
	private static final Set<SessionStatus> ENDABLE = Set.of(SessionStatus.RUNNING, SessionStatus.AWAITING_OVERRIDE);

	private final SessionViews views;

	private final WorkSessions sessions;

	private final WorkflowEngine engine;

	private final AgentRegistry agents;

	private final SessionEvents events;

	private final JsonDocuments json;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	private final AgentIdentity identity;

	private final Refusals refusals;

	SessionLifecycle(SessionViews views, WorkSessions sessions, WorkflowEngine engine, AgentRegistry agents,
			SessionEvents events, JsonDocuments json, Clock clock, ApplicationEventPublisher publisher,
			AgentIdentity identity, Refusals refusals) {
		this.identity = identity;
		this.refusals = refusals;
		this.publisher = publisher;
		this.views = views;
		this.sessions = sessions;
		this.engine = engine;
		this.agents = agents;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	@Transactional
	public SessionView pause(String sessionKey) {
		WorkSession session = this.views.owned(sessionKey);
		if (session.status() != SessionStatus.RUNNING) {
			throw new IllegalSessionTransition("paused", session.status());
		}
		this.engine.suspend(session.processInstanceId(), true);
		this.sessions.statusChanged(session.id(), SessionStatus.PAUSED, Clocks.now(this.clock));
		this.events.emit(session, EventTypes.SESSION_PAUSED,
				this.json.newObject().put("phase", session.currentPhase()));
		return this.views.view(session.id());
	}

	/**
	 * Resumes a paused session; with {@code agentId} of another agent, hands the session
	 * over (also a running one, whose agent may have crashed).
	 */
	@Transactional
	public SessionView resume(String sessionKey, Long agentId, Long expectedAgentId) {
		WorkSession session = this.views.locked(sessionKey);
		if (!ACTIVE.contains(session.status())) {
			throw new IllegalSessionTransition("resumed", session.status());
		}
		// an agent's token resumes for its own agent, which takes the session over if it
		// is another's; a PM or ADMIN resumes it as it is, or hands it to the agent named
		Long target = this.identity.agentOrNone(agentId);
		Agent agent = (target != null)
				? this.agents.find(target).orElseThrow(() -> new RuleBroken("agent_id", "names no agent")) : null;
		boolean handOver = agent != null && !Long.valueOf(agent.id()).equals(session.agentId());
		boolean paused = session.status() == SessionStatus.PAUSED;
		if (handOver && ((expectedAgentId != null && !expectedAgentId.equals(session.agentId()))
				|| (expectedAgentId == null && !paused))) {
			throw new TakeOverRefused(session, expectedAgentId);
		}
		if (!paused && !handOver) {
			return this.views.view(session);
		}
		if (paused) {
			this.engine.suspend(session.processInstanceId(), false);
			this.sessions.statusChanged(session.id(), SessionStatus.RUNNING, Clocks.now(this.clock));
		}
		var payload = this.json.newObject().put("phase", session.currentPhase()).put("was_paused", paused);
		if (handOver) {
			this.engine.reassign(session.processInstanceId(), String.valueOf(agent.id()));
			this.sessions.agentChanged(session.id(), agent.id(), Clocks.now(this.clock));
			payload.put("previous_agent_id", session.agentId()).put("agent_id", agent.id());
		}
		this.events.emit(this.sessions.findById(session.id()).orElseThrow(), EventTypes.SESSION_RESUMED, payload);
		return this.views.view(session.id());
	}

	/** Ends a session for good as terminated or failed, wherever its process is. */
	@Transactional
	public SessionView stop(String sessionKey, SessionStatus outcome, String reason) {
		WorkSession session = this.views.owned(sessionKey);
		requireNoPendingDecision(session);
		if (!ENDABLE.contains(session.status())) {
			throw new IllegalSessionTransition(outcome.value(), session.status());
		}
		String why = (reason != null && !reason.isBlank()) ? reason : outcome.value() + " by " + RequestContext.actor();
		end(session, outcome, why, why);
		this.events.emit(session, EventTypes.sessionEnded(outcome.value()),
				this.json.newObject().put("phase", session.currentPhase()).put("reason", why));
		return this.views.view(session.id());
	}

	/**
	 * The session's task was reported completed: an active session is completed with it,
	 * wherever its process is.
	 */
	@Transactional
	public void taskCompleted(String sessionKey, String notes) {
		WorkSession session = this.views.locked(sessionKey);
		if (!ENDABLE.contains(session.status())) {
			return;
		}
		end(session, SessionStatus.COMPLETED, "task completed", notes);
		this.events.emit(session, EventTypes.SESSION_COMPLETED,
				this.json.newObject()
					.put("phase", session.currentPhase())
					.put("reason", "task completed")
					.put("notes", notes));
	}

	/**
	 * Ends a session from any phase (forced): completed, its remaining phases skipped.
	 */
	@Transactional
	public SessionView forceEnd(String sessionKey, String reason) {
		WorkSession session = this.views.owned(sessionKey);
		if (session.status() == SessionStatus.AWAITING_OVERRIDE) {
			throw this.refusals.pendingOverride(session);
		}
		if (!ENDABLE.contains(session.status())) {
			throw new IllegalSessionTransition("ended", session.status());
		}
		end(session, SessionStatus.COMPLETED, "ended with force by " + RequestContext.actor(), reason);
		this.events.emit(session, EventTypes.SESSION_COMPLETED,
				this.json.newObject().put("session_key", sessionKey).put("forced", true));
		return this.views.view(session.id());
	}

	/**
	 * Terminates a task's active session so that a new one can start (on_active:
	 * restart), from any status that is not terminal yet. The caller holds the session's
	 * lock.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void terminateForRestart(WorkSession session, String reason) {
		if (session.status().isTerminal()) {
			return;
		}
		requireNoPendingDecision(session);
		end(session, SessionStatus.TERMINATED, reason, reason);
		this.events.emit(session, EventTypes.SESSION_TERMINATED, this.json.newObject().put("reason", reason));
	}

	/**
	 * An agent may not walk away from an override it requested (and then complete its
	 * task in a new session) before a reviewer decides it; a PM or ADMIN may stop the
	 * session.
	 * @throws OverridePending otherwise; the refusal is recorded
	 */
	private void requireNoPendingDecision(WorkSession session) {
		if (session.status() == SessionStatus.AWAITING_OVERRIDE && !RequestContext.actsForAnyAgent()) {
			throw this.refusals.pendingOverride(session);
		}
	}

	/**
	 * The session's process completed its last phase: the session is completed, and
	 * {@code summary} (e.g. its SUMMARY.md) is what it ended with.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void closed(WorkSession session, String summary) {
		finish(session, SessionStatus.COMPLETED, "closed", summary);
	}

	/**
	 * Ends the session's process wherever it is, then finishes the session.
	 */
	private void end(WorkSession session, SessionStatus outcome, String reason, String summary) {
		this.engine.endSession(session.processInstanceId(), reason);
		finish(session, outcome, reason, summary);
	}

	/**
	 * What every end of a session does: give it its final status,
	 * {@code orchestration.session.end} with how it ended, and tell those that keep
	 * something of it (its summary, its task's status).
	 */
	private void finish(WorkSession session, SessionStatus outcome, String reason, String summary) {
		OffsetDateTime now = Clocks.now(this.clock);
		this.sessions.statusChanged(session.id(), outcome, now);
		this.events.emit(session, EventTypes.SESSION_END,
				this.json.newObject()
					.put("phase", session.currentPhase())
					.put("status", outcome.value())
					.put("reason", reason));
		this.publisher.publishEvent(new SessionEnded(session, outcome, now, summary));
	}

}

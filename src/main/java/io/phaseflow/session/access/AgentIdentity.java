package io.phaseflow.session.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.phaseflow.common.FieldError;
import io.phaseflow.common.NextStep;
import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;
import io.phaseflow.common.RequestContext;
import io.phaseflow.common.RuleBroken;
import io.phaseflow.session.WorkSession;

import org.springframework.stereotype.Component;

/**
 * Which agent a call acts for, and whether it may act on a session. A token issued for an
 * agent acts only as that agent and only in sessions that agent owns; a PM or ADMIN token
 * may act for any agent (its name is the actor of the events it causes).
 */
@Component
public class AgentIdentity {

	private final Refusals refusals;

	AgentIdentity(Refusals refusals) {
		this.refusals = refusals;
	}

	/**
	 * The agent a call acts for: the token's own when the request names none, the one
	 * named when the caller may act for any agent.
	 * @throws ActsForAnotherAgent if a token bound to one agent names another
	 * @throws RuleBroken naming {@code agent_id} if no agent is named and the token acts
	 * for none
	 */
	public long agentFor(Long requested) {
		Long own = RequestContext.agentId();
		if (requested == null) {
			if (own == null) {
				throw new RuleBroken("agent_id", "is required: your token acts for no agent");
			}
			return own;
		}
		if (RequestContext.actsForAnyAgent() || requested.equals(own)) {
			return requested;
		}
		ActsForAnotherAgent refused = new ActsForAnotherAgent(own, requested);
		this.refusals.aboutAgent(Refusals.Rule.AGENT_IDENTITY, refused.getMessage(), requested);
		throw refused;
	}

	/**
	 * The agent a call acts for where naming none is allowed: as {@link #agentFor}, but
	 * null for a PM or ADMIN that names none.
	 */
	public Long agentOrNone(Long requested) {
		return (requested != null || !RequestContext.actsForAnyAgent()) ? agentFor(requested) : null;
	}

	/**
	 * Checks that the caller may act on the session: its owner's token, or one that may
	 * act for any agent. Call it holding the session's lock, so that a hand-over that
	 * committed meanwhile is seen.
	 * @throws SessionOwnedByAnother otherwise
	 */
	public void mayActOn(WorkSession session) {
		if (RequestContext.actsForAnyAgent()) {
			return;
		}
		Long own = RequestContext.agentId();
		if (own != null && own.equals(session.agentId())) {
			return;
		}
		if (own == null) {
			throw new ActsForAnotherAgent(null, session.agentId());
		}
		throw this.refusals.recorded(Refusals.Rule.SESSION_OWNER, session, new SessionOwnedByAnother(session, own));
	}

	/** A token bound to one agent named another. */
	static class ActsForAnotherAgent extends PhaseflowException {

		ActsForAnotherAgent(Long own, Long requested) {
			super(Kind.NOT_ALLOWED,
					(own != null) ? "Your token acts for agent " + own + "; it cannot act as agent " + requested
							: "Your token acts for no agent; ask an ADMIN for a token issued with agent_id",
					List.of(new FieldError("agent_id",
							"must be your token's agent" + ((own != null) ? " (" + own + ")" : ""))));
		}

		@Override
		public String title() {
			return "Forbidden";
		}

	}

	/**
	 * The session is owned by another agent: handed over to it, or never the caller's.
	 * The answer names the owner and the way to take the session (back) over.
	 */
	static class SessionOwnedByAnother extends PhaseflowException {

		private final String sessionKey;

		private final Long ownerAgentId;

		private final boolean terminal;

		SessionOwnedByAnother(WorkSession session, Long own) {
			super(Kind.CONFLICT, detail(session, own), List.of());
			this.sessionKey = session.sessionKey();
			this.ownerAgentId = session.agentId();
			this.terminal = session.status().isTerminal();
		}

		private static String detail(WorkSession session, Long own) {
			if (session.status().isTerminal()) {
				return "Task " + session.taskCode() + " was last worked on by agent " + session.agentId()
						+ " in session " + session.sessionKey() + "; that agent or a PM reports on it";
			}
			return "Session " + session.sessionKey() + " belongs to agent " + session.agentId()
					+ ((own != null) ? ", not to your agent " + own : "")
					+ "; only its owner acts on it. Another agent takes it over by resuming it, naming agent "
					+ session.agentId() + " as the one it replaces";
		}

		@Override
		public String title() {
			return "Session owned by another agent";
		}

		@Override
		public Map<String, Object> properties() {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("session_key", this.sessionKey);
			properties.put("owner_agent_id", this.ownerAgentId);
			return properties;
		}

		@Override
		public Optional<NextStep> nextStep() {
			return this.terminal ? Optional.empty()
					: Optional.of(NextStep.takeOver(this.sessionKey, this.ownerAgentId));
		}

	}

}

package io.phaseflow.session;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.phaseflow.common.NextStep;
import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;

/**
 * The task's active session belongs to another agent: it is taken over by a hand-over
 * (agent init with take_over, or resume naming its present agent), not by starting it
 * again. The answer says who holds it, since when and when it last did something, so that
 * the caller can tell a live agent from one that stopped.
 */
class SessionHeldByAnotherAgent extends PhaseflowException {

	private final NextStep next;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	/**
	 * @param handle the holder's handle
	 * @param heldSince when the holder started the session or it was handed to it
	 * @param lastActivity the holder's latest action, null when it took none
	 */
	SessionHeldByAnotherAgent(WorkSession session, String handle, OffsetDateTime heldSince,
			OffsetDateTime lastActivity) {
		super(Kind.CONFLICT,
				"Task " + session.taskCode() + " has the active session " + session.sessionKey() + " of agent "
						+ session.agentId() + " (" + handle + "), held since " + heldSince + ", last activity "
						+ ((lastActivity != null) ? lastActivity : "none")
						+ "; if that agent stopped, an agent that replaces it takes the session over "
						+ "with take_over (its calls are refused from then on)",
				List.of());
		this.next = NextStep.takeOverTask(session.taskCode(), session.sessionKey(), session.agentId());
		Map<String, Object> holder = new LinkedHashMap<>();
		holder.put("id", session.agentId());
		holder.put("handle", handle);
		this.properties.put("task_code", session.taskCode());
		this.properties.put("session_key", session.sessionKey());
		this.properties.put("held_by", holder);
		this.properties.put("held_since", heldSince);
		this.properties.put("last_activity_at", lastActivity);
	}

	@Override
	public Map<String, Object> properties() {
		return this.properties;
	}

	@Override
	public Optional<NextStep> nextStep() {
		return Optional.of(this.next);
	}

	@Override
	public String title() {
		return "Conflict";
	}

}

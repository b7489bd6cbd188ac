package io.phaseflow.session;

import java.util.List;

import io.phaseflow.common.FieldError;
import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;

/**
 * A hand-over that would take a running session from an agent the caller did not name:
 * two replacement agents racing for a crashed agent's session get one winner, and the
 * other is told who holds it now.
 */
class TakeOverRefused extends PhaseflowException {

	TakeOverRefused(WorkSession session, Long expected) {
		super(Kind.CONFLICT,
				(expected == null)
						? "Session " + session.sessionKey() + " is running under agent " + session.agentId()
								+ "; to take it over, resume with expected_agent_id: " + session.agentId()
						: "Session " + session.sessionKey() + " is held by agent " + session.agentId() + ", not "
								+ expected + "; read it again before taking it over",
				List.of(new FieldError("expected_agent_id", "must name the agent that holds the session")));
	}

	@Override
	public String title() {
		return "Conflict";
	}

}

package io.phaseflow.session;

import java.util.List;

import io.phaseflow.common.PhaseflowException;

import org.springframework.http.HttpStatus;

/**
 * The task's active session belongs to another agent: it is taken over by a hand-over
 * (resume naming its present agent), not by starting it again.
 */
class SessionHeldByAnotherAgent extends PhaseflowException {

	SessionHeldByAnotherAgent(WorkSession session) {
		super(HttpStatus.CONFLICT,
				"Task " + session.taskCode() + " has the active session " + session.sessionKey() + " of agent "
						+ session.agentId() + "; take it over with POST /api/orchestration/sessions/"
						+ session.sessionKey() + "/resume {\"expected_agent_id\": " + session.agentId() + "}",
				List.of());
	}

	@Override
	public String title() {
		return "Conflict";
	}

}

package io.phaseflow.session;

import java.util.List;
import java.util.Optional;

import io.phaseflow.common.NextStep;
import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;

/**
 * The task's active session belongs to another agent: it is taken over by a hand-over
 * (resume naming its present agent), not by starting it again.
 */
class SessionHeldByAnotherAgent extends PhaseflowException {

	private final String sessionKey;

	private final Long agentId;

	SessionHeldByAnotherAgent(WorkSession session) {
		super(Kind.CONFLICT,
				"Task " + session.taskCode() + " has the active session " + session.sessionKey() + " of agent "
						+ session.agentId() + "; another agent takes it over by resuming it, naming agent "
						+ session.agentId() + " as the one it replaces",
				List.of());
		this.sessionKey = session.sessionKey();
		this.agentId = session.agentId();
	}

	@Override
	public Optional<NextStep> nextStep() {
		return Optional.of(NextStep.takeOver(this.sessionKey, this.agentId));
	}

	@Override
	public String title() {
		return "Conflict";
	}

}

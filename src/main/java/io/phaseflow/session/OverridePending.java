package io.phaseflow.session;

import java.util.List;

import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;

/**
 * The session waits for a reviewer's decision on an override, which neither a task's
 * completion nor a forced end may skip.
 */
public class OverridePending extends PhaseflowException {

	public OverridePending(WorkSession session) {
		super(Kind.CONFLICT, "Session " + session.sessionKey() + " waits for a reviewer to decide its "
				+ session.currentPhase() + " override; wait for the decision (a rejection sends it back to its agent)",
				List.of());
	}

	@Override
	public String title() {
		return "Waiting for a reviewer";
	}

}

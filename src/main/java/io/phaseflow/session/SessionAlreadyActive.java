package io.phaseflow.session;

import java.util.List;

import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;

/** The task already has an active session and the caller asked not to continue it. */
class SessionAlreadyActive extends PhaseflowException {

	SessionAlreadyActive(String taskCode, String sessionKey) {
		super(Kind.CONFLICT, "Task " + taskCode + " already has the active session " + sessionKey, List.of());
	}

	@Override
	public String title() {
		return "Conflict";
	}

}

package io.phaseflow.session;

import java.util.List;

import io.phaseflow.common.PhaseflowException;

import org.springframework.http.HttpStatus;

/** The task already has an active session and the caller asked not to continue it. */
class SessionAlreadyActive extends PhaseflowException {

	SessionAlreadyActive(String taskCode, String sessionKey) {
		super(HttpStatus.CONFLICT, "Task " + taskCode + " already has the active session " + sessionKey, List.of());
	}

	@Override
	public String title() {
		return "Conflict";
	}

}

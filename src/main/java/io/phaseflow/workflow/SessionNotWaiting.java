package io.phaseflow.workflow;

import java.util.List;

import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;

/**
 * The session's process is not where the request needs it (ended, or waiting for a
 * reviewer).
 */
public class SessionNotWaiting extends PhaseflowException {

	public SessionNotWaiting(String detail) {
		super(Kind.CONFLICT, detail, List.of());
	}

	@Override
	public String title() {
		return "Conflict";
	}

}

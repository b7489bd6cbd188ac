package io.phaseflow.session;

import java.util.List;

import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;

/**
 * The session's status does not allow what was asked (the transitions are in
 * {@link SessionLifecycle}); nothing changed.
 */
public class IllegalSessionTransition extends PhaseflowException {

	public IllegalSessionTransition(String action, SessionStatus status) {
		super(Kind.CONFLICT, "A " + status.value() + " session cannot be " + action, List.of());
	}

	@Override
	public String title() {
		return "Conflict";
	}

}

package io.phaseflow.workflow;

import java.util.List;

import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;

/**
 * Another transition of the same session committed first; this one changed nothing.
 */
public class ConcurrentTransition extends PhaseflowException {

	public ConcurrentTransition() {
		super(Kind.CONFLICT, "Another request moved this session first; read it again and retry", List.of());
	}

	@Override
	public String title() {
		return "Conflict";
	}

}

package io.phaseflow.workflow;

import java.util.List;

import io.phaseflow.common.PhaseflowException;

import org.springframework.http.HttpStatus;

/**
 * Another transition of the same session committed first; this one changed nothing.
 */
public class ConcurrentTransition extends PhaseflowException {

	public ConcurrentTransition() {
		super(HttpStatus.CONFLICT, "Another request moved this session first; read it again and retry", List.of());
	}

	@Override
	public String title() {
		return "Conflict";
	}

}

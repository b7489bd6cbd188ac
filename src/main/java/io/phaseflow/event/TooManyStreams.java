package io.phaseflow.event;

import java.util.List;

import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;

/**
 * This instance already serves as many event streams as it may (HTTP 503).
 */
public class TooManyStreams extends PhaseflowException {

	public TooManyStreams(String detail) {
		super(Kind.UNAVAILABLE, detail, List.of());
	}

	@Override
	public String title() {
		return "Service unavailable";
	}

}

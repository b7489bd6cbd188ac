package io.phaseflow.event;

import java.util.List;

import io.phaseflow.common.PhaseflowException;

import org.springframework.http.HttpStatus;

/**
 * This instance already serves as many event streams as it may (HTTP 503).
 */
public class TooManyStreams extends PhaseflowException {

	public TooManyStreams(String detail) {
		super(HttpStatus.SERVICE_UNAVAILABLE, detail, List.of());
	}

	@Override
	public String title() {
		return "Service unavailable";
	}

}

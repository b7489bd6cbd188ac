package io.phaseflow.common;

import java.util.List;

import io.phaseflow.common.PhaseflowException.Kind;

/**
 * A path, query or header parameter that is malformed (HTTP 400).
 */
public class InvalidParameter extends PhaseflowException {

	public InvalidParameter(String parameter, String message) {
		super(Kind.MALFORMED, parameter + " " + message, List.of(new FieldError(parameter, message)));
	}

	@Override
	public String title() {
		return "Bad request";
	}

}

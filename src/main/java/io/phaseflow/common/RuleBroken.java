package io.phaseflow.common;

import java.util.List;

import io.phaseflow.common.PhaseflowException.Kind;

/**
 * A well-formed request that breaks a domain rule (HTTP 422).
 */
public class RuleBroken extends PhaseflowException {

	public RuleBroken(String field, String message) {
		super(Kind.INVALID, field + " " + message, List.of(new FieldError(field, message)));
	}

	public RuleBroken(String detail, List<FieldError> errors) {
		super(Kind.INVALID, detail, errors);
	}

	@Override
	public String title() {
		return "Unprocessable request";
	}

}

package io.phaseflow.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A well-formed request that breaks a domain rule (HTTP 422).
 */
public class RuleBroken extends PhaseflowException {

	public RuleBroken(String field, String message) {
		super(HttpStatus.UNPROCESSABLE_ENTITY, field + " " + message, List.of(new FieldError(field, message)));
	}

	public RuleBroken(String detail, List<FieldError> errors) {
		super(HttpStatus.UNPROCESSABLE_ENTITY, detail, errors);
	}

	@Override
	public String title() {
		return "Unprocessable request";
	}

}

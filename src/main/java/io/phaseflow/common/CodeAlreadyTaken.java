package io.phaseflow.common;

import java.util.List;

import io.phaseflow.common.PhaseflowException.Kind;

/**
 * Another entity of the same type already uses the code (or handle, or name).
 */
public class CodeAlreadyTaken extends PhaseflowException {

	public CodeAlreadyTaken(String entityType, String field, String code) {
		super(Kind.CONFLICT, "A " + entityType + " with " + field + " '" + code + "' already exists",
				List.of(new FieldError(field, "already exists")));
	}

	@Override
	public String title() {
		return "Conflict";
	}

}

package io.phaseflow.common;

import java.util.List;

import io.phaseflow.common.PhaseflowException.Kind;

/**
 * No entity of the given type has the given code or id.
 */
public class EntityNotFound extends PhaseflowException {

	public EntityNotFound(String entityType, Object reference) {
		super(Kind.NOT_FOUND, "No " + entityType + " '" + reference + "' exists", List.of());
	}

	@Override
	public String title() {
		return "Not found";
	}

}

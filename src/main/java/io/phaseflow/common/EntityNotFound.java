package io.phaseflow.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * No entity of the given type has the given code or id.
 */
public class EntityNotFound extends PhaseflowException {

	public EntityNotFound(String entityType, Object reference) {
		super(HttpStatus.NOT_FOUND, "No " + entityType + " '" + reference + "' exists", List.of());
	}

	@Override
	public String title() {
		return "Not found";
	}

}

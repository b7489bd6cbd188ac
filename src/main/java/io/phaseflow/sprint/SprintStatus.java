package io.phaseflow.sprint;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a sprint stands.
 */
public enum SprintStatus {

	PLANNING, ACTIVE, COMPLETED, CANCELLED;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return value();
	}

	static SprintStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}

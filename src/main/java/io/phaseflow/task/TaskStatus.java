package io.phaseflow.task;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a task stands (seed 001).
 */
public enum TaskStatus {

	PENDING, IN_PROGRESS, PENDING_VERIFICATION, COMPLETED, FAILED, BLOCKED;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return value();
	}

	static TaskStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}

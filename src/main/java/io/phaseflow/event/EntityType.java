package io.phaseflow.event;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an event (or a version) is about.
 */
public enum EntityType {

	SPRINT, TASK, SESSION, AGENT, FILE, WORKFLOW;

	@JsonValue
	public String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	@Override
	public String toString() {
		return value();
	}

	public static EntityType of(String value) {
		for (EntityType type : values()) {
			if (type.value().equals(value)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown entity type " + value);
	}

}

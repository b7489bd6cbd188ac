package io.phaseflow.agent;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether an agent is an AI or a person.
 */
public enum AgentKind {

	AI, HUMAN;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return value();
	}

}

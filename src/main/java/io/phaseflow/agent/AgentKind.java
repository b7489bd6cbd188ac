package io.phaseflow.agent;

import io.phaseflow.common.WireValue;

/**
 * Whether an agent is an AI or a person.
 */
public enum AgentKind implements WireValue {

	AI, HUMAN;

}

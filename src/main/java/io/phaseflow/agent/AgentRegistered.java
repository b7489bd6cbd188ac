package io.phaseflow.agent;

/**
 * An agent was registered, published in the transaction that registered it.
 */
public record AgentRegistered(Agent agent) {
}

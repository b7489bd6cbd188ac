package io.phaseflow.event;

import io.phaseflow.agent.Agent;
import io.phaseflow.agent.AgentRegistered;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.common.RequestContext;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes {@code orchestration.agent.registered} in the transaction that registered the
 * agent; the agent package publishes the fact, the log is kept here.
 */
@Component
class AgentEvents {

	private final EventLog events;

	private final JsonDocuments json;

	AgentEvents(EventLog events, JsonDocuments json) {
		this.events = events;
		this.json = json;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void registered(AgentRegistered registered) {
		Agent agent = registered.agent();
		this.events.append(new NewEvent(EventTypes.AGENT_REGISTERED, EntityType.AGENT, agent.id(), agent.handle(), null,
				agent.id(),
				this.json.newObject()
					.put("handle", agent.handle())
					.put("kind", (agent.kind() != null) ? agent.kind().value() : null)
					.put("actor", RequestContext.actor()),
				RequestContext.correlationId()));
	}

}

package io.phaseflow.event;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.agent.Agent;
import io.phaseflow.agent.AgentRegistered;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.common.RequestContext;
import io.phaseflow.security.ApiToken;
import io.phaseflow.security.Role;
import io.phaseflow.security.TokenChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes {@code orchestration.agent.registered}, {@code orchestration.token.issued} and
 * {@code orchestration.token.revoked} in the transaction of the change; the agent and
 * security packages publish the facts, the log is kept here. A token's event names its
 * id, name, roles and agent, never its secret or hash.
 */
@Component
class RegistryEvents {

	private final EventLog events;

	private final JsonDocuments json;

	RegistryEvents(EventLog events, JsonDocuments json) {
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

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void tokenChanged(TokenChanged changed) {
		ApiToken token = changed.token();
		ObjectNode payload = this.json.newObject()
			.put("token_id", token.id())
			.put("name", token.name())
			.put("actor", RequestContext.actor());
		ArrayNode roles = payload.putArray("roles");
		token.roles().stream().map(Role::name).sorted().forEach(roles::add);
		payload.put("agent_id", token.agentId());
		this.events.append(
				new NewEvent(changed.issued() ? EventTypes.TOKEN_ISSUED : EventTypes.TOKEN_REVOKED, EntityType.TOKEN,
						token.id(), token.name(), null, token.agentId(), payload, RequestContext.correlationId()));
	}

}

package io.phaseflow.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An event about to be appended. The log adds the correlation id, actor, timestamps and
 * id.
 *
 * @param eventType e.g. {@code orchestration.task.created}
 * @param entityType what the event is about
 * @param entityId the entity's database id
 * @param entityCode the entity's code, when it has one
 * @param sessionKey the work session the change happened in, if any
 * @param agentId the agent that caused the change, if any
 * @param payload event-specific fields; {@code actor} and {@code timestamp} are added
 * @param correlationId the correlation id to record; null for the current request's
 */
public record NewEvent(String eventType, EntityType entityType, Long entityId, String entityCode, String sessionKey,
		Long agentId, ObjectNode payload, String correlationId) {

	/** An event about an entity, in the given scope. */
	public static NewEvent about(String eventType, EntityType entityType, long entityId, String entityCode,
			ObjectNode payload, EventScope scope) {
		return new NewEvent(eventType, entityType, entityId, entityCode, scope.sessionKey(), scope.agentId(), payload,
				scope.correlationId());
	}

	/** An event about an entity, outside any session. */
	public static NewEvent about(String eventType, EntityType entityType, long entityId, String entityCode,
			ObjectNode payload) {
		return new NewEvent(eventType, entityType, entityId, entityCode, null, null, payload, null);
	}

}

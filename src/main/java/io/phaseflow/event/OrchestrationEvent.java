package io.phaseflow.event;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of the event log: what happened, to which entity, in which correlation and
 * session, by which agent, with its payload.
 */
public record OrchestrationEvent(long id, String eventType, EntityType entityType, Long entityId, String entityCode,
		String correlationId, String sessionKey, Long agentId, JsonNode payload, OffsetDateTime emittedAt) {
}

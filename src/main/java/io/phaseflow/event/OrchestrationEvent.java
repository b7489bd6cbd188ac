package io.phaseflow.event;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of the event log, in the envelope of seed 000.
 */
public record OrchestrationEvent(long id, String eventType, EntityType entityType, Long entityId, String entityCode,
		String correlationId, String sessionKey, Long agentId, JsonNode payload, OffsetDateTime emittedAt) {
}

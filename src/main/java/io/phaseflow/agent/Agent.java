package io.phaseflow.agent;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An agent profile.
 */
public record Agent(long id, String handle, String name, AgentKind kind, JsonNode capabilities, ObjectNode metadata,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}

package io.phaseflow.history;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One version of an entity's content: its number, hash, canonical snapshot and who made
 * it.
 */
public record EntityVersion(int version, String hash, JsonNode snapshot, String correlationId, String actor,
		OffsetDateTime createdAt) {
}

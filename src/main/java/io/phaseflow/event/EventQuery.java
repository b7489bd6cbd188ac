package io.phaseflow.event;

/**
 * Filters for reading the event log; null filters match everything. Results come in id
 * order, strictly after {@code afterId}, at most {@code limit} of them.
 */
public record EventQuery(EntityType entityType, String entityCode, String eventType, String sessionKey,
		String correlationId, long afterId, int limit) {
}

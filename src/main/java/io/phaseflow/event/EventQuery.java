package io.phaseflow.event;

import java.util.Objects;

/**
 * Filters for reading the event log; null filters match everything. Results come in id
 * order, strictly after {@code afterId}, at most {@code limit} of them.
 */
public record EventQuery(EntityType entityType, String entityCode, String eventType, String sessionKey,
		String correlationId, long afterId, int limit) {

	/** The same filters for another page. */
	public EventQuery page(long afterId, int limit) {
		return new EventQuery(this.entityType, this.entityCode, this.eventType, this.sessionKey, this.correlationId,
				afterId, limit);
	}

	/**
	 * Whether the event passes the filters (ignoring {@code afterId} and {@code limit}).
	 */
	public boolean matches(OrchestrationEvent event) {
		return (this.entityType == null || this.entityType == event.entityType())
				&& (this.entityCode == null || this.entityCode.equals(event.entityCode()))
				&& (this.eventType == null || this.eventType.equals(event.eventType()))
				&& (this.sessionKey == null || this.sessionKey.equals(event.sessionKey()))
				&& (this.correlationId == null || Objects.equals(this.correlationId, event.correlationId()));
	}

}

package io.phaseflow.event;

/**
 * The session an event belongs to, if any: its key, agent and correlation id (a session's
 * events share its correlation id).
 */
public record EventScope(String sessionKey, Long agentId, String correlationId) {

	/** Outside any session: the event takes the request's correlation id. */
	public static final EventScope NONE = new EventScope(null, null, null);

}

package io.phaseflow.session;

/**
 * Which sessions a listing shows; a null field does not narrow it.
 *
 * @param agentId the id of the agent working the session
 * @param sprintCode the sprint of the session's task (normalized)
 */
public record SessionFilter(SessionStatus status, String phase, Long agentId, String sprintCode) {
}

package io.phaseflow.session;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A work session as stored.
 *
 * @param phaseHistory the phases completed so far: {@code [{phase, iteration,
 * completed_at}]}
 * @param lastCheck the result of the latest phase check ({@code {phase, result, errors,
 * warnings}}), or null
 */
public record WorkSession(long id, String sessionKey, Long taskId, String taskCode, Long agentId, Long parentSessionId,
		String processInstanceId, String correlationId, SessionStatus status, String currentPhase, int currentIteration,
		int totalIterations, JsonNode phaseHistory, PhaseCheck lastCheck, OffsetDateTime startedAt,
		OffsetDateTime completedAt, OffsetDateTime updatedAt) {
}

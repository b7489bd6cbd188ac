package io.phaseflow.session;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A session as the API shows it, with where its process waits.
 *
 * @param instructions what the agent should do next; left out where the answer carries
 * them itself (a phase's completion)
 * @param time the active time worked in the session, against its task's estimate
 * @param waitingFor {@code agent} (work on the phase), {@code override_approval} (a
 * reviewer decides) or null when the process has ended
 * @param override the latest override the agent asked for while it waits or once it was
 * decided, until the agent completes a phase again (null otherwise)
 */
public record SessionView(String sessionKey, String taskCode, Long agentId, SessionStatus status, String currentPhase,
		String waitingFor, SessionOverride override, int currentIteration, int totalIterations, JsonNode phaseHistory,
		String correlationId, String processInstanceId, OffsetDateTime startedAt, OffsetDateTime completedAt,
		OffsetDateTime updatedAt, SessionTime time,
		@JsonInclude(JsonInclude.Include.NON_NULL) Instructions instructions) {

	/** This view with {@code instructions} (none for null). */
	public SessionView with(Instructions instructions) {
		return new SessionView(this.sessionKey, this.taskCode, this.agentId, this.status, this.currentPhase,
				this.waitingFor, this.override, this.currentIteration, this.totalIterations, this.phaseHistory,
				this.correlationId, this.processInstanceId, this.startedAt, this.completedAt, this.updatedAt, this.time,
				instructions);
	}

}

package io.phaseflow.files;

import java.util.List;

/**
 * Where the work on a task stands, as TASK.md's Session section shows it: its latest
 * session.
 *
 * @param sessionKey the session's key
 * @param status the session's status
 * @param phase the phase the session works in
 * @param iteration the session's iteration (1, then one more per failed review)
 * @param completed the phases completed in this iteration, in order
 * @param qaStatus the latest review's outcome, or null before the first review
 * @param agent the handle of the session's agent, or null
 * @param overrideReason why the agent asked for an override, while the phase waits for a
 * reviewer; null otherwise
 */
public record SessionSection(String sessionKey, String status, String phase, int iteration, List<String> completed,
		String qaStatus, String agent, String overrideReason) {
}

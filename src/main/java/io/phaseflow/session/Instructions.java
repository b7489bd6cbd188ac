package io.phaseflow.session;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an agent should do next, carried by every agent-facing answer.
 */
public record Instructions(List<String> nextActions, List<String> suggestedCommands, Reminder contextReminder,
		String banner) {

	/** Where the agent is, so it never loses its place. */
	public record Reminder(String activeTask, String activePhase, String timeElapsed) {

		/** Where a session started at {@code startedAt} stands at {@code now}. */
		public static Reminder of(String activeTask, String activePhase, OffsetDateTime startedAt, OffsetDateTime now) {
			long minutes = Duration.between(startedAt, now).toMinutes();
			String elapsed = (minutes < 120) ? minutes + " minutes"
					: (minutes / 60) + " hours " + (minutes % 60) + " minutes";
			return new Reminder(activeTask, activePhase, elapsed);
		}

	}

}

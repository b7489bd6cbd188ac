package io.phaseflow.session;

import java.util.List;

/**
 * What an agent should do next, carried by every agent-facing answer (seed 004).
 */
public record Instructions(List<String> nextActions, List<String> suggestedCommands, Reminder contextReminder,
		String banner) {

	/** Where the agent is, so it never loses its place. */
	public record Reminder(String activeTask, String activePhase, String timeElapsed) {
	}

}

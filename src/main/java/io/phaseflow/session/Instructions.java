package io.phaseflow.session;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an agent should do next, carried by every agent-facing answer: in words
 * ({@code nextActions}), as CLI commands ({@code suggestedCommands}) and as calls
 * ({@code next}) that the MCP server offers as its tools and a REST client makes as
 * requests.
 */
public record Instructions(List<String> nextActions, List<String> suggestedCommands, List<Call> next,
		Reminder contextReminder, String banner) {

	/**
	 * A next step as a call: {@code action} names the MCP tool, {@code arguments} its
	 * arguments (a value in angle brackets is for the agent to fill in) and
	 * {@code request} the REST method and path.
	 */
	public record Call(String action, Map<String, Object> arguments, String request) {

		/** Where a session's calls go. */
		public static String session(String sessionKey, String method, String rest) {
			return method + " /api/orchestration/sessions/" + sessionKey + rest;
		}

		/** Completing the session's phase with {@code arguments}. */
		public static Call completePhase(String sessionKey, Map<String, Object> arguments) {
			return new Call("complete_phase", arguments, session(sessionKey, "POST", "/phase-complete"));
		}

		/**
		 * Recording the task's outcome, completed with a summary ({@code force}: past the
		 * completion's check, a PM's).
		 */
		public static Call taskCompleted(boolean force) {
			Map<String, Object> arguments = new LinkedHashMap<>();
			arguments.put("status", "completed");
			arguments.put("notes", "<summary of the work>");
			if (force) {
				arguments.put("force", true);
			}
			return new Call("task_status", arguments, "POST /api/orchestration/pm-tools/task-status");
		}

	}

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

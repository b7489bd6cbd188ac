package io.phaseflow.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the caller of a refused request can do next, as an action and its parameters; each
 * interface words it its own way (the REST API as a call, the command line as a command,
 * the MCP server as a tool call).
 *
 * @param action what to do, e.g. {@code take_over}
 * @param parameters what the action needs, by their wire names
 */
public record NextStep(String action, Map<String, Object> parameters) {

	/**
	 * The action of taking over a session whose agent stopped: resume it as your agent.
	 */
	public static final String TAKE_OVER = "take_over";

	public NextStep {
		parameters = Map.copyOf(parameters);
	}

	/** Take the session over from its present agent. */
	public static NextStep takeOver(String sessionKey, Long presentAgentId) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("session_key", sessionKey);
		parameters.put("expected_agent_id", presentAgentId);
		return new NextStep(TAKE_OVER, parameters);
	}

	/**
	 * Take the task's active session over from its present agent, by agent init with
	 * {@code take_over}.
	 */
	public static NextStep takeOverTask(String taskCode, String sessionKey, Long presentAgentId) {
		Map<String, Object> parameters = new LinkedHashMap<>(takeOver(sessionKey, presentAgentId).parameters());
		parameters.put("task_code", taskCode);
		return new NextStep(TAKE_OVER, parameters);
	}

}

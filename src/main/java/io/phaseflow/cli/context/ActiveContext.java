package io.phaseflow.cli.context;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sprint, task and session the commands apply to once {@code init} set them, so that
 * no command after it needs an id.
 *
 * @param phase the phase the agent last saw the session in; {@code phase complete}
 * completes exactly this one
 */
public record ActiveContext(String sprintCode, String taskCode, String sessionKey, Long agentId, String phase) {

	public static final ActiveContext NONE = new ActiveContext(null, null, null, null, null);

	public ActiveContext withSprint(String sprint) {
		return new ActiveContext(sprint, null, null, this.agentId, null);
	}

	public ActiveContext withAgent(Long agent) {
		return new ActiveContext(this.sprintCode, this.taskCode, this.sessionKey, agent, this.phase);
	}

	/**
	 * Takes the session's key, task, agent and phase from a session as the API shows it.
	 */
	public ActiveContext withSession(JsonNode view) {
		if (view == null || !view.hasNonNull("session_key")) {
			return this;
		}
		String key = view.get("session_key").asText();
		String task = view.path("task_code").asText(this.taskCode);
		Long agent = view.hasNonNull("agent_id") ? Long.valueOf(view.get("agent_id").asLong()) : this.agentId;
		String sprint = task.equals(this.taskCode) ? this.sprintCode : null;
		return new ActiveContext(sprint, task, key, agent, view.path("current_phase").asText(null));
	}

	public boolean hasSession() {
		return this.sessionKey != null;
	}

}

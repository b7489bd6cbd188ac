package io.phaseflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives sessions over HTTP the way an agent does: a PM creates the task, the agent
 * starts a session on it, submits artifacts and completes phases.
 *
 * @param pm a client with the PM role
 * @param agent a client with the AGENT role
 * @param agentId the agent the sessions are started for
 */
record SessionDriver(ApiClient pm, ApiClient agent, long agentId) {

	static final String API = ApiTestSupport.API;

	/**
	 * A PM and an AGENT client whose token acts for one agent, the agent the sessions are
	 * started for.
	 */
	static SessionDriver with(ApiClient pm, ApiClient agent) {
		return new SessionDriver(pm, agent, agent.agentId());
	}

	/** A PM and an AGENT client, and a new agent registered by the PM. */
	static SessionDriver withNewAgent(ApiClient pm, ApiClient agent) {
		long agentId = pm.post(API + "/agents", "{\"handle\": \"" + ApiTestSupport.unique("agent") + "\"}")
			.json()
			.get("id")
			.asLong();
		return new SessionDriver(pm, agent, agentId);
	}

	/** A new task with what intake needs. */
	String readyTask() {
		String code = ApiTestSupport.unique("walk");
		ApiClient.Response created = this.pm.post(API + "/tasks", "{\"task_code\": \"" + code + "\", \"title\": \"Task "
				+ code + "\", \"description\": \"Build it\", \"metadata\": {\"acceptance_criteria\": [\"it works\"]}}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return code;
	}

	/** Starts a session on the task and expects the given status. */
	JsonNode start(String task, int status) {
		ApiClient.Response started = this.agent.post(API + "/sessions",
				"{\"task_code\": \"" + task + "\", \"agent_id\": " + this.agentId + "}");
		assertThat(started.status()).as(started.toString()).isEqualTo(status);
		return started.json();
	}

	ApiClient.Response complete(String key, String body) {
		return this.agent.post(API + "/sessions/" + key + "/phase-complete", body);
	}

	void putArtifact(String key, String name) {
		ApiClient.Response put = this.agent.post(API + "/sessions/" + key + "/artifacts",
				"{\"name\": \"" + name + "\", \"content\": \"# " + name + "\\n\\nDone.\\n\"}");
		assertThat(put.status()).as(put.toString()).isEqualTo(201);
	}

	/**
	 * A new session that waits in plan for a reviewer to approve the agent's override
	 * (workflow.yaml wants a reviewer from plan onwards).
	 * @return the session
	 */
	JsonNode awaitingOverrideApproval(String reason) {
		String key = start(readyTask(), 201).get("session_key").asText();
		putArtifact(key, "TASK.md");
		putArtifact(key, "CONTEXT.md");
		assertThat(complete(key, "{}").status()).isEqualTo(200);
		assertThat(complete(key, "{}").status()).isEqualTo(200);
		ApiClient.Response requested = complete(key, "{\"override\": true, \"reason\": \"" + reason + "\"}");
		assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
		return session(key);
	}

	JsonNode session(String key) {
		return this.agent.get(API + "/sessions/" + key).json();
	}

}

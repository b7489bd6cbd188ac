package io.phaseflow.e2e;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agents and reviewers racing each other: sixteen callers at once, exactly one
 * transition, the others told they lost (409) or that the thing is gone (404), never a
 * 5xx, and the event log counts exactly what happened.
 */
abstract class RaceTests extends ApiTestSupport {

	static final int CALLERS = 16;

	SessionDriver sessions;

	@BeforeEach
	void people() {
		this.sessions = SessionDriver.with(clientWith("PM"), clientWith("AGENT"));
	}

	@Test
	void sixteenPhaseCompletionsMakeOneTransition() throws Exception {
		String key = this.sessions.start(this.sessions.readyTask(), 201).get("session_key").asText();
		this.sessions.putArtifact(key, "TASK.md");
		List<ApiClient.Response> answers = Race.of(CALLERS,
				(caller) -> this.sessions.complete(key, "{\"phase\": \"intake\"}"));
		assertThat(answers).as(answers.toString())
			.allMatch((answer) -> answer.status() == 200 || answer.status() == 409);
		assertThat(Race.count(answers, 200)).isEqualTo(1);
		assertThat(answers).filteredOn((answer) -> answer.status() == 409).allMatch(ApiClient.Response::isProblem);
		assertThat(this.sessions.session(key).get("current_phase").asText()).isEqualTo("research");
		assertThat(count(key, "orchestration.phase.intake.end")).isEqualTo(1);
		assertThat(count(key, "orchestration.phase.research.start")).isEqualTo(1);
	}

	@Test
	void sixteenStatusUpdatesOfOneTaskAreAllCountedOnce() throws Exception {
		String task = this.sessions.readyTask();
		List<ApiClient.Response> answers = Race.of(CALLERS,
				(caller) -> this.sessions.agent()
					.post(API + "/pm-tools/task-status", "{\"task_code\": \"" + task
							+ "\", \"status\": \"in_progress\", \"notes\": \"worker " + caller + "\"}"));
		assertThat(answers).as(answers.toString())
			.allMatch((answer) -> answer.status() == 200 || answer.status() == 409);
		long applied = Race.count(answers, 200);
		assertThat(applied).isPositive();
		JsonNode events = eventsOf("task", task);
		long updates = 0;
		long started = 0;
		for (JsonNode event : events) {
			if (event.get("event_type").asText().equals("orchestration.task.status_updated")) {
				updates++;
				if (event.at("/payload/old_status").asText().equals("pending")) {
					started++;
				}
			}
		}
		assertThat(updates).as("one event per applied update").isEqualTo(applied);
		assertThat(started).as("the task left pending once").isEqualTo(1);
		assertThat(this.sessions.pm().get(API + "/tasks/" + task + "/history").json().get("data"))
			.as("one version per applied update, after the first")
			.hasSize((int) applied + 1);
	}

	@Test
	void replacementAgentsRacingForOneSessionGetOneHandOver() throws Exception {
		String key = this.sessions.start(this.sessions.readyTask(), 201).get("session_key").asText();
		long crashed = this.sessions.agentId();
		ApiClient relief = clientWith("AGENT");
		InputAndSecurityTests.refused(relief.post(API + "/sessions/" + key + "/resume", "{}"), 409,
				"expected_agent_id");
		ApiClient.Response takenOver = relief.post(API + "/sessions/" + key + "/resume",
				"{\"expected_agent_id\": " + crashed + "}");
		assertThat(takenOver.status()).as(takenOver.toString()).isEqualTo(200);
		assertThat(relief.post(API + "/sessions/" + key + "/pause", null).status()).isEqualTo(200);
		ApiClient[] agents = new ApiClient[CALLERS];
		for (int i = 0; i < CALLERS; i++) {
			agents[i] = clientWith("AGENT");
		}
		List<ApiClient.Response> answers = Race.of(CALLERS, (caller) -> agents[caller]
			.post(API + "/sessions/" + key + "/resume", "{\"expected_agent_id\": " + relief.agentId() + "}"));
		assertThat(answers).as(answers.toString())
			.allMatch((answer) -> answer.status() == 200 || answer.status() == 409);
		assertThat(Race.count(answers, 200)).isEqualTo(1);
		long winner = answers.stream()
			.filter((answer) -> answer.status() == 200)
			.findFirst()
			.orElseThrow()
			.json()
			.get("agent_id")
			.asLong();
		assertThat(this.sessions.session(key).get("agent_id").asLong()).isEqualTo(winner);
		assertThat(count(key, "orchestration.session.resumed")).as("the take-over and the one hand-over").isEqualTo(2);
	}

	@Test
	void sixteenReviewersDecidingOneOverrideMakeOneDecision() throws Exception {
		String key = this.sessions.awaitingOverrideApproval("race").get("session_key").asText();
		ApiClient reviewer = clientWith("REVIEWER");
		JsonNode pending = null;
		for (JsonNode candidate : reviewer.get(API + "/overrides").json().get("data")) {
			if (candidate.get("session_key").asText().equals(key)) {
				pending = candidate;
			}
		}
		assertThat(pending).isNotNull();
		String overrideId = pending.get("id").asText();
		List<ApiClient.Response> answers = Race.of(CALLERS,
				(caller) -> reviewer.post(API + "/overrides/" + overrideId + "/decision",
						"{\"decision\": \"" + ((caller % 2 == 0) ? "approve" : "reject") + "\"}"));
		assertThat(answers).as(answers.toString())
			.allMatch((answer) -> answer.status() == 200 || answer.status() == 404 || answer.status() == 409);
		assertThat(Race.count(answers, 200)).isEqualTo(1);
		assertThat(count(key, "orchestration.phase.override") + count(key, "orchestration.phase.override.rejected"))
			.isEqualTo(1);
	}

	private long count(String sessionKey, String type) {
		long count = 0;
		for (JsonNode event : this.admin.get(API + "/events/session/" + sessionKey).json().get("data")) {
			if (event.get("event_type").asText().equals(type)) {
				count++;
			}
		}
		return count;
	}

}

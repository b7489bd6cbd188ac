package io.phaseflow.e2e;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session moves its task and its sprint along, as workflow.yaml's {@code task_status}
 * says, and each move is a new version with its event in the session's scope.
 */
abstract class StatusFollowsSessionTests extends ApiTestSupport {

	ApiClient pm;

	ApiClient agent;

	SessionDriver sessions;

	@BeforeEach
	void people() {
		this.pm = clientWith("PM", "AGENT");
		this.agent = clientWith("AGENT");
		this.sessions = SessionDriver.with(this.pm, this.agent);
	}

	@Test
	void aSessionMovesItsTaskAndSprintAlongAtEveryStep() {
		String sprint = unique("sprint");
		assertThat(createSprint(this.pm, sprint).status()).isEqualTo(201);
		String first = task(sprint);
		String second = task(sprint);
		assertStatus(first, "pending", sprint, "planning");

		String key = this.sessions.start(first, 201).get("session_key").asText();
		assertStatus(first, "in_progress", sprint, "active");
		JsonNode moved = lastOf(this.pm.get(API + "/events/session/" + key).json().get("data"),
				"orchestration.task.status_updated");
		assertThat(moved.at("/payload/old_status").asText()).isEqualTo("pending");
		assertThat(moved.at("/payload/new_status").asText()).isEqualTo("in_progress");
		assertThat(moved.at("/payload/reason").asText()).isEqualTo("session started");
		assertThat(lastOf(this.pm.get(API + "/events/session/" + key).json().get("data"), "orchestration.task.started")
			.get("entity_code")
			.asText()).isEqualTo(first);

		for (String[] step : new String[][] { { "TASK.md", "{}" }, { "CONTEXT.md", "{}" }, { "PLAN.md", "{}" },
				{ "CHANGES.md", "{}" }, { "REVIEW.md", "{\"qa_status\": \"qa_failed\"}" }, { "CHANGES.md", "{}" },
				{ "REVIEW.md", "{\"qa_status\": \"qa_passed\"}" } }) {
			this.sessions.putArtifact(key, step[0]);
			ApiClient.Response completed = this.sessions.complete(key, step[1]);
			assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
			assertStatus(first, "in_progress", sprint, "active");
		}
		JsonNode withIterations = this.agent.get(API + "/sessions/" + key + "?include=iterations").json();
		assertThat(withIterations.get("current_phase").asText()).isEqualTo("close");
		assertThat(withIterations.get("iterations")).as("the session and its iterations in one call")
			.isEqualTo(this.agent.get(API + "/sessions/" + key + "/iterations").json().get("data"))
			.extracting((iteration) -> iteration.get("iteration_number").asInt())
			.containsExactly(2);
		InputAndSecurityTests.refused(this.agent.get(API + "/sessions/" + key + "?include=everything"), 400, "include");
		this.sessions.putArtifact(key, "SUMMARY.md");
		assertThat(this.sessions.complete(key, "{}").status()).isEqualTo(200);
		assertStatus(first, "completed", sprint, "active");
		JsonNode timeline = this.pm.get(API + "/events/session/" + key).json().get("data");
		List<String> phaseEvents = new ArrayList<>();
		timeline.forEach((event) -> {
			String type = event.get("event_type").asText();
			if (type.matches("orchestration\\.phase\\.(intake|review)\\.[a-z_]+")) {
				phaseEvents.add(type.substring("orchestration.phase.".length()));
			}
		});
		assertThat(phaseEvents).as("the events workflow.yaml declares, each at its moment, by the process")
			.containsExactly("intake.start", "intake.confirmed", "intake.end", "review.start", "review.qa_failed",
					"review.end", "review.start", "review.qa_passed", "review.end");
		JsonNode completed = lastOf(timeline, "orchestration.task.status_updated");
		assertThat(completed.at("/payload/new_status").asText()).isEqualTo("completed");
		assertThat(completed.get("correlation_id").asText()).as("in the session's scope")
			.isEqualTo(timeline.get(0).get("correlation_id").asText());

		String stopped = this.sessions.start(second, 201).get("session_key").asText();
		assertStatus(second, "in_progress", sprint, "active");
		assertThat(this.agent.post(API + "/sessions/" + stopped + "/terminate", "{\"reason\": \"wrong approach\"}")
			.status()).isEqualTo(200);
		assertStatus(second, "pending", sprint, "active");
		JsonNode end = lastOf(this.pm.get(API + "/events/session/" + stopped).json().get("data"),
				"orchestration.session.end");
		assertThat(end.at("/payload/status").asText()).as("every end writes session.end").isEqualTo("terminated");
		assertThat(end.at("/payload/reason").asText()).isEqualTo("wrong approach");
		String failed = this.sessions.start(second, 201).get("session_key").asText();
		assertThat(this.agent.post(API + "/sessions/" + failed + "/fail", "{\"reason\": \"tool crashed\"}").status())
			.isEqualTo(200);
		assertStatus(second, "blocked", sprint, "active");

		ApiClient.Response done = this.pm.post(API + "/pm-tools/task-status", "{\"task_code\": \"" + second
				+ "\", \"status\": \"completed\", \"notes\": \"Finished by hand\", \"force\": true}");
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		assertStatus(second, "completed", sprint, "completed");
		JsonNode history = this.pm.get(API + "/sprints/" + sprint + "/history").json().get("data");
		assertThat(history).as("planning, active, completed: each a version").hasSize(3);

		String planning = history.get(2).get("hash").asText();
		InputAndSecurityTests.refused(
				this.pm.post(API + "/sprints/" + sprint + "/rollback", "{\"hash\": \"" + "0".repeat(64) + "\"}"), 422,
				"hash");
		ApiClient.Response rolledBack = this.pm.post(API + "/sprints/" + sprint + "/rollback",
				"{\"hash\": \"" + planning + "\"}");
		assertThat(rolledBack.status()).as(rolledBack.toString()).isEqualTo(200);
		assertThat(rolledBack.json().get("status").asText()).as("a sprint rolls back like a task")
			.isEqualTo("planning");
		assertThat(lastOf(this.pm.get(API + "/events?entity_type=sprint&entity_code=" + sprint).json().get("data"),
				"orchestration.sprint.rolled_back")
			.at("/payload/restored_hash")
			.asText()).isEqualTo(planning);
	}

	@Test
	void aReportCompletesTheSessionAndOnlyANewSessionReopensTheTask() {
		String task = this.sessions.readyTask();
		String key = this.sessions.start(task, 201).get("session_key").asText();
		ApiClient.Response done = this.pm.post(API + "/pm-tools/task-status", "{\"task_code\": \"" + task
				+ "\", \"status\": \"completed\", \"notes\": \"Done elsewhere\", \"force\": true}");
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		assertThat(this.pm.get(API + "/sessions/" + key).json().get("status").asText())
			.as("completing the task completes its session")
			.isEqualTo("completed");
		assertThat(status(task)).isEqualTo("completed");
		String again = this.sessions.start(task, 201).get("session_key").asText();
		assertThat(status(task)).as("a new session reopens the work").isEqualTo("in_progress");
		assertThat(this.agent.post(API + "/sessions/" + again + "/terminate", "{}").status()).isEqualTo(200);
		assertThat(status(task)).isEqualTo("pending");
	}

	@Test
	void initBriefsTheAgentOnItsProfileItsSprintAndTheSyncedTaskFile() {
		String handle = unique("coder");
		long agentId = this.pm
			.post(API + "/agents", "{\"handle\": \"" + handle + "\", \"name\": \"Coder\", "
					+ "\"capabilities\": [\"java\", \"sql\"], \"metadata\": {\"safety_rails\": [\"no force push\"]}}")
			.json()
			.get("id")
			.asLong();
		ApiClient coder = clientFor(agentId, "AGENT");
		JsonNode registered = lastOf(this.pm
			.get(API + "/events?entity_type=agent&entity_code=" + handle + "&event_type=orchestration.agent.registered")
			.json()
			.get("data"), "orchestration.agent.registered");
		assertThat(registered.get("entity_id").asLong()).isEqualTo(agentId);
		String sprint = unique("sprint");
		assertThat(createSprint(this.pm, sprint).status()).isEqualTo(201);
		String mine = task(sprint);
		String other = task(sprint);
		assertThat(this.pm.post(API + "/tasks/" + mine + "/sync", "").status()).isEqualTo(200);

		ApiClient.Response init = coder.post(API + "/agent/init",
				"{\"entity_type\": \"task\", \"entity_code\": \"" + mine + "\"}");
		assertThat(init.status()).as(init.toString()).isEqualTo(200);
		JsonNode context = init.json().get("context");
		assertThat(context.at("/agent/handle").asText()).isEqualTo(handle);
		assertThat(context.at("/agent/capabilities")).extracting(JsonNode::asText).containsExactly("java", "sql");
		assertThat(context.at("/agent/metadata/safety_rails/0").asText()).isEqualTo("no force push");
		assertThat(context.at("/sprint/other_tasks")).extracting((line) -> line.get("code").asText())
			.containsExactly(other);
		assertThat(context.at("/sprint/other_tasks/0/status").asText()).isEqualTo("pending");
		assertThat(context.at("/files/task_md").asText()).as("the synced TASK.md, before the session submits one")
			.contains(mine);
		assertThat(context.at("/files/agent_yml").asText()).contains("handle: " + handle, "- java", "- no force push");
	}

	@Test
	void theWorkflowShowsTheStatusRules() {
		JsonNode rules = this.pm.get(API + "/workflow").json().at("/settings/task_status");
		assertThat(rules.get("on_start").asText()).isEqualTo("in_progress");
		assertThat(rules.get("on_complete").asText()).isEqualTo("completed");
		assertThat(rules.get("on_fail").asText()).isEqualTo("blocked");
		assertThat(rules.get("on_terminate").asText()).isEqualTo("pending");
		assertThat(rules.get("sprint_follows_tasks").asBoolean()).isTrue();
	}

	private String task(String sprint) {
		String code = unique("task");
		ApiClient.Response created = createTask(this.pm, code, "\"sprint_code\": \"" + sprint
				+ "\", \"description\": \"Build it\", \"metadata\": {\"acceptance_criteria\": [\"it works\"]}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return code;
	}

	private String status(String task) {
		return this.pm.get(API + "/tasks/" + task).json().get("status").asText();
	}

	private void assertStatus(String task, String taskStatus, String sprint, String sprintStatus) {
		assertThat(status(task)).as("task " + task).isEqualTo(taskStatus);
		assertThat(this.pm.get(API + "/sprints/" + sprint).json().get("status").asText()).as("sprint " + sprint)
			.isEqualTo(sprintStatus);
	}

}

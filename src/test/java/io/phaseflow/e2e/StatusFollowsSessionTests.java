package io.phaseflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
	void aSessionMovesItsTaskAndSprintAlongAtEveryStep() throws IOException {
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

		Path taskFile = this.properties.dataDir().resolve("delegation/sprints/" + sprint + "/" + first + "/TASK.md");
		assertThat(session(taskFile)).as("TASK.md shows the session from its first step")
			.contains("**Session**: `" + key + "` (running)", "**Phase**: intake\n")
			.doesNotContain("**Done**", "**QA**");
		int seen = phaseEvents(key).size();
		// each step: the phase completed, what it submits, the QA outcome, the events
		// declared for it in order (and the next phase's start), TASK.md's Phase and
		// Done lines after it, and the QA line (null: none yet)
		Object[][] steps = {
				{ "TASK.md", "{}", List.of("intake.confirmed", "intake.end", "research.start"), "**Phase**: research\n",
						"**Done**: intake\n", null },
				{ "CONTEXT.md", "{}", List.of("research.end", "plan.start"), "**Phase**: plan\n",
						"**Done**: intake, research\n", null },
				{ "PLAN.md", "{}", List.of("plan.end", "execute.start"), "**Phase**: execute\n",
						"**Done**: intake, research, plan\n", null },
				{ "CHANGES.md", "{}", List.of("execute.end", "review.start"), "**Phase**: review\n",
						"**Done**: intake, research, plan, execute\n", null },
				{ "REVIEW.md", "{\"qa_status\": \"qa_failed\"}",
						List.of("review.qa_failed", "review.end", "execute.start"), "**Phase**: execute, iteration 2\n",
						null, "**QA**: qa_failed\n" },
				{ "CHANGES.md", "{}", List.of("execute.end", "review.start"), "**Phase**: review, iteration 2\n",
						"**Done**: execute\n", "**QA**: qa_failed\n" },
				{ "REVIEW.md", "{\"qa_status\": \"qa_passed\"}",
						List.of("review.qa_passed", "review.end", "close.start"), "**Phase**: close, iteration 2\n",
						"**Done**: execute, review\n", "**QA**: qa_passed\n" } };
		for (Object[] step : steps) {
			this.sessions.putArtifact(key, (String) step[0]);
			ApiClient.Response completed = this.sessions.complete(key, (String) step[1]);
			assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
			assertStatus(first, "in_progress", sprint, "active");
			List<String> events = phaseEvents(key);
			assertThat(events.subList(seen, events.size())).as("the events of completing " + step[0] + ", in order")
				.isEqualTo(step[2]);
			seen = events.size();
			String shown = session(taskFile);
			assertThat(shown).as("TASK.md after " + step[0]).contains("(running)", (String) step[3]);
			if (step[4] != null) {
				assertThat(shown).contains((String) step[4]);
			}
			else {
				assertThat(shown).doesNotContain("**Done**");
			}
			if (step[5] != null) {
				assertThat(shown).contains((String) step[5]);
			}
			else {
				assertThat(shown).doesNotContain("**QA**");
			}
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
		assertThat(phaseEvents(key).subList(seen, phaseEvents(key).size())).containsExactly("close.end");
		assertThat(session(taskFile)).as("TASK.md as the session closes")
			.contains("(completed)", "**Phase**: close, iteration 2\n", "**Done**: execute, review, close\n",
					"**QA**: qa_passed\n");
		assertThat(Files.readString(taskFile)).as("and the task's completion").contains("**Status**: completed");
		assertThat(this.pm.get(API + "/tasks/" + first).json().get("file_path").asText())
			.as("the task records where its file is")
			.endsWith("delegation/sprints/" + sprint + "/" + first + "/TASK.md");
		JsonNode drift = this.pm.get(API + "/sync/status?all=true").json().get("data");
		assertThat(drift).filteredOn((file) -> file.get("code").asText().equals(first))
			.extracting((file) -> file.get("state").asText())
			.as("the Session section is no edit")
			.containsExactly("in_sync");
		JsonNode timeline = this.pm.get(API + "/events/session/" + key).json().get("data");
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

	/** The phase events of the session, without their prefix, oldest first. */
	private List<String> phaseEvents(String key) {
		List<String> phaseEvents = new ArrayList<>();
		this.pm.get(API + "/events/session/" + key + "?limit=1000").json().get("data").forEach((event) -> {
			String type = event.get("event_type").asText();
			if (type.matches("orchestration\\.phase\\.(intake|research|plan|execute|review|close)\\.[a-z_]+")) {
				phaseEvents.add(type.substring("orchestration.phase.".length()));
			}
		});
		return phaseEvents;
	}

	/** TASK.md's Session section, from its heading to the next section. */
	private static String session(Path file) {
		String markdown;
		try {
			markdown = Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int start = markdown.indexOf("\n## Session\n");
		assertThat(start).as(file + " has a Session section:\n" + markdown).isNotNegative();
		int end = markdown.indexOf("\n## ", start + 1);
		return markdown.substring(start, (end < 0) ? markdown.length() : end + 1);
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

package io.phaseflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.session.phase.PhaseSteps;
import io.phaseflow.workflow.WorkflowEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions run as the BPMN phase machine, over HTTP: phases, checks, overrides and the
 * review loop. After every step, the phase the session row names is the phase the process
 * waits in.
 */
abstract class SessionWalkthroughTests extends ApiTestSupport {

	@Autowired
	WorkflowEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PhaseSteps steps;

	@Autowired
	TransactionTemplate transactions;

	ApiClient pm;

	ApiClient agent;

	long agentId;

	@BeforeEach
	void people() {
		this.pm = clientWith("PM");
		this.agent = clientWith("AGENT");
		this.agentId = this.agent.agentId();
	}

	@Test
	void aSessionWalksAllSixPhasesWithTheReviewLoop() {
		String task = readyTask();
		JsonNode session = start(task, 201);
		String key = session.get("session_key").asText();
		assertThat(session.get("status").asText()).isEqualTo("running");
		assertWaits(key, "intake", "agent");

		// No TASK.md: refused, with the missing artifact named, and the session stays in
		// intake.
		ApiClient.Response refused = complete(key, "{}");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.json().get("errors")).extracting((e) -> e.get("field").asText())
			.containsExactly("artifacts.TASK.md");
		assertThat(refused.json().at("/instructions/next"))
			.as("the refusal's ways on: complete with the artifact, or override with a reason")
			.extracting((call) -> call.get("action").asText() + " " + call.get("arguments"))
			.containsExactly("complete_phase {\"artifacts\":[{\"name\":\"TASK.md\",\"content\":\"<TASK.md>\"}]}",
					"complete_phase {\"override\":true,\"reason\":\"<why the check does not apply>\"}",
					"log_activity {\"activity_type\":\"<activity_type>\"}");
		assertThat(refused.json().at("/instructions/next/0/request").asText())
			.isEqualTo("POST /api/orchestration/sessions/" + key + "/phase-complete");
		assertThat(refused.json().at("/instructions/suggested_commands")).extracting(JsonNode::asText)
			.contains("phaseflow phase complete --override --reason \"why the check does not apply\"");
		assertWaits(key, "intake", "agent");

		for (String[] step : new String[][] { { "intake", "TASK.md", "research" }, { "research", "CONTEXT.md", "plan" },
				{ "plan", "PLAN.md", "execute" }, { "execute", "CHANGES.md", "review" } }) {
			putArtifact(key, step[1]);
			ApiClient.Response moved = complete(key, "{}");
			assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
			assertThat(moved.json().get("completed_phase").asText()).isEqualTo(step[0]);
			assertThat(moved.json().get("session").has("instructions"))
				.as("the answer carries its instructions once, not again in the session")
				.isFalse();
			if (step[0].equals("intake")) {
				// research wants CONTEXT.md: it is suggested with the completion, one
				// call
				assertThat(moved.json().at("/instructions/suggested_commands")).extracting(JsonNode::asText)
					.contains("phaseflow phase complete --artifact CONTEXT.md")
					.noneMatch((command) -> command.startsWith("phaseflow artifact put"));
			}
			String banner = moved.json().at("/instructions/banner").asText();
			assertThat(banner).contains(
					"Phase " + Character.toUpperCase(step[0].charAt(0)) + step[0].substring(1)
							+ " completed successfully",
					"PHASE: " + Character.toUpperCase(step[2].charAt(0)) + step[2].substring(1),
					"→ Next Phase: " + step[2].toUpperCase());
			assertWaits(key, step[2], "agent");
		}

		putArtifact(key, "REVIEW.md");
		ApiClient.Response withoutQa = complete(key, "{}");
		InputAndSecurityTests.refused(withoutQa, 422, "qa_status");
		assertThat(withoutQa.json().at("/instructions/next/0/arguments/qa_status").asText())
			.as("the way on names the QA outcome")
			.isEqualTo("<qa_passed|qa_failed>");
		ApiClient.Response failedQa = complete(key, "{\"qa_status\": \"qa_failed\"}");
		assertThat(failedQa.status()).as(failedQa.toString()).isEqualTo(200);
		assertThat(failedQa.json().at("/instructions/banner").asText())
			.as("a failed review is told as one, with the rework's steps, not the way on")
			.startsWith("✗ Review failed QA: back to Execute, iteration 2")
			.contains("PHASE: Execute", "CHANGES.md")
			.doesNotContain("completed successfully", "CLOSE", "SUMMARY.md");
		JsonNode loopedBack = assertWaits(key, "execute", "agent");
		assertThat(loopedBack.get("current_iteration").asInt()).isEqualTo(2);
		assertThat(this.agent.get(API + "/sessions/" + key + "/iterations").json().get("data"))
			.extracting((i) -> i.get("iteration_number").asInt() + ":" + i.get("status").asText())
			.containsExactly("2:running");
		assertThat(loopedBack.get("total_iterations").asInt()).isEqualTo(2);

		ApiClient.Response staleChanges = complete(key, "{}");
		assertThat(staleChanges.status()).as("iteration 1's CHANGES.md does not count in iteration 2").isEqualTo(422);
		assertThat(staleChanges.json().get("errors").get(0).get("message").asText()).endsWith("of iteration 2");
		putArtifact(key, "CHANGES.md");
		assertThat(complete(key, "{}").status()).isEqualTo(200);
		assertWaits(key, "review", "agent");
		assertThat(complete(key, "{\"qa_status\": \"qa_passed\"}").status()).isEqualTo(422);
		putArtifact(key, "REVIEW.md");
		assertThat(complete(key, "{\"qa_status\": \"qa_passed\"}").status()).isEqualTo(200);
		assertWaits(key, "close", "agent");
		putArtifact(key, "SUMMARY.md");
		ApiClient.Response closed = complete(key, "{}");
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		assertThat(closed.json().at("/instructions/next"))
			.as("the close completed the task too (on_complete): nothing more is asked")
			.isEmpty();
		assertThat(closed.json().at("/instructions/next_actions/0").asText()).contains("nothing is left to do");

		JsonNode done = this.agent.get(API + "/sessions/" + key).json();
		assertThat(done.get("status").asText()).isEqualTo("completed");
		assertThat(this.properties.dataDir().resolve("delegation/tasks/" + task + "/TASK.md"))
			.as("workflow.yaml's sync_files_on_close writes TASK.md when the session closes")
			.exists();
		assertThat(done.get("completed_at").isNull()).isFalse();
		assertThat(done.get("waiting_for").isNull()).isTrue();
		assertThat(done.get("phase_history")).extracting((h) -> h.get("phase").asText())
			.containsExactly("intake", "research", "plan", "execute", "review", "execute", "review", "close");
		assertThat(this.engine.position(done.get("process_instance_id").asText())).isEmpty();

		JsonNode timeline = this.agent.get(API + "/events/session/" + key).json().get("data");
		List<String> types = new ArrayList<>();
		timeline.forEach((event) -> types.add(event.get("event_type").asText()));
		assertThat(types.get(0)).isEqualTo("orchestration.session.started");
		assertThat(types).containsSubsequence("orchestration.phase.intake.start",
				"orchestration.phase.validation_failed", "orchestration.phase.intake.end",
				"orchestration.phase.research.start", "orchestration.phase.review.end",
				"orchestration.iteration.logged", "orchestration.phase.execute.start", "orchestration.phase.close.end",
				"orchestration.session.completed");
		assertThat(timeline).extracting((e) -> e.get("correlation_id").asText())
			.as("a session's events share its correlation id")
			.containsOnly(done.get("correlation_id").asText());
	}

	@Test
	void eachPhasesArtifactsCanBeSentWithItsCompletion() {
		String key = start(readyTask(), 201).get("session_key").asText();

		// Bad input is refused and stores nothing.
		InputAndSecurityTests.refused(
				complete(key, "{\"artifacts\": [" + artifact("TASK.md") + ", " + artifact("TASK.md") + "]}"), 422,
				"artifacts");
		InputAndSecurityTests.refused(complete(key, "{\"artifacts\": [" + artifact("../TASK.md") + "]}"), 422,
				"artifacts[0].name");
		ApiClient.Response elsewhere = complete(key,
				"{\"phase\": \"plan\", \"artifacts\": [" + artifact("TASK.md") + "]}");
		assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(409);
		assertThat(artifactNames(key)).as("a refused completion stores none of its artifacts").isEmpty();
		assertWaits(key, "intake", "agent");

		// A check that fails keeps what was sent, as separate puts would have.
		ApiClient.Response incomplete = complete(key, "{\"artifacts\": [" + artifact("NOTES.md") + "]}");
		assertThat(incomplete.status()).as(incomplete.toString()).isEqualTo(422);
		assertThat(incomplete.json().get("errors")).extracting((e) -> e.get("field").asText())
			.containsExactly("artifacts.TASK.md");
		assertThat(artifactNames(key)).containsExactly("NOTES.md");
		assertWaits(key, "intake", "agent");

		for (String[] step : new String[][] { { "intake", "TASK.md", "research" }, { "research", "CONTEXT.md", "plan" },
				{ "plan", "PLAN.md", "execute" }, { "execute", "CHANGES.md", "review" } }) {
			ApiClient.Response moved = complete(key,
					"{\"phase\": \"" + step[0] + "\", \"artifacts\": [" + artifact(step[1]) + "]}");
			assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
			assertThat(moved.json().get("completed_phase").asText()).isEqualTo(step[0]);
			assertWaits(key, step[2], "agent");
		}
		ApiClient.Response reviewed = complete(key,
				"{\"qa_status\": \"qa_passed\", \"artifacts\": [" + artifact("REVIEW.md") + "]}");
		assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
		assertWaits(key, "close", "agent");
		ApiClient.Response ended = this.agent.post(API + "/sessions/" + key + "/end",
				"{\"artifacts\": [" + artifact("SUMMARY.md") + "]}");
		assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
		assertThat(ended.json().at("/session/status").asText()).isEqualTo("completed");

		JsonNode artifacts = this.agent.get(API + "/sessions/" + key + "/artifacts").json().get("data");
		assertThat(artifacts).extracting((a) -> a.get("name").asText() + "@" + a.get("phase").asText())
			.containsExactlyInAnyOrder("NOTES.md@intake", "TASK.md@intake", "CONTEXT.md@research", "PLAN.md@plan",
					"CHANGES.md@execute", "REVIEW.md@review", "SUMMARY.md@close");
		JsonNode summary = this.agent.get(API + "/sessions/" + key + "/artifacts/SUMMARY.md").json();
		assertThat(summary.get("content").asText()).isEqualTo("# SUMMARY.md\n\nDone.\n");
	}

	@Test
	void anOverrideIsLoggedOrWaitsForAReviewerAsThePhaseSays() {
		String task = readyTask();
		String key = start(task, 201).get("session_key").asText();

		ApiClient.Response noReason = complete(key, "{\"override\": true}");
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.json().get("errors")).extracting((e) -> e.get("field").asText()).containsExactly("reason");

		ApiClient.Response overridden = complete(key,
				"{\"override\": true, \"reason\": \"TASK.md lives in the wiki\"}");
		assertThat(overridden.status()).as(overridden.toString()).isEqualTo(200);
		assertWaits(key, "research", "agent");
		putArtifact(key, "CONTEXT.md");
		assertThat(complete(key, "{}").status()).isEqualTo(200);

		ApiClient.Response needsReviewer = complete(key, "{\"override\": true, \"reason\": \"plan agreed verbally\"}");
		assertThat(needsReviewer.status()).as(needsReviewer.toString()).isEqualTo(202);
		JsonNode waiting = assertWaits(key, "plan", "override_approval");
		assertThat(waiting.get("status").asText()).isEqualTo("awaiting_override");
		assertThat(complete(key, "{}").status()).as("no phase-complete while a reviewer decides").isEqualTo(409);

		List<String> types = new ArrayList<>();
		this.agent.get(API + "/events/session/" + key)
			.json()
			.get("data")
			.forEach((event) -> types.add(event.get("event_type").asText()));
		assertThat(types).containsSubsequence("orchestration.phase.override", "orchestration.phase.intake.end",
				"orchestration.phase.override.requested");
	}

	@Test
	void seed000Steps4To9() throws Exception {
		String sprintCode = unique("feature-x");
		String taskCode = unique("backend-api");
		assertThat(this.pm
			.post(API + "/sprints",
					resource("seed000/step1-create-sprint.json").replace("implement-feature-x", sprintCode))
			.status()).isEqualTo(201);
		ObjectNode taskBody = (ObjectNode) ApiClient.parse(resource("seed000/step2-create-task.json"));
		taskBody.remove("sprint_id");
		taskBody.put("sprint_code", sprintCode).put("task_code", taskCode).put("description", "Build the API");
		JsonNode task = this.pm.post(API + "/tasks", taskBody.toString()).json();

		// Step 4: agent init.
		String initBody = "{\"entity_type\": \"task\", \"entity_code\": \"" + taskCode + "\", \"agent_id\": "
				+ this.agentId + "}";
		ApiClient.Response init = this.agent.post(API + "/agent/init", initBody);
		assertThat(init.status()).as(init.toString()).isEqualTo(200);
		JsonNode answer = init.json();
		String key = answer.at("/session/key").asText();
		assertThat(answer.at("/session/entity_type").asText()).isEqualTo("task");
		assertThat(answer.at("/session/entity_code").asText()).isEqualTo(taskCode);
		assertThat(answer.at("/session/agent_id").asLong()).isEqualTo(this.agentId);
		assertThat(answer.at("/session/created_at").asText()).isNotBlank();
		assertThat(answer.at("/context/task/code").asText()).isEqualTo(taskCode);
		assertThat(answer.at("/context/task/title").asText()).isEqualTo("Phase 1: Build Backend API");
		assertThat(answer.at("/context/task/status").asText()).as("the session's start moved the task on")
			.isEqualTo("in_progress");
		assertThat(answer.at("/context/task/priority").asText()).isEqualTo("P1");
		assertThat(answer.at("/context/task/metadata/objectives")).hasSize(3);
		assertThat(answer.at("/context/task/agent_config/model").asText()).isEqualTo("claude-3-5-sonnet-20241022");
		assertThat(answer.at("/context/sprint/code").asText()).isEqualTo(sprintCode);
		assertThat(answer.at("/context/sprint/owner").asText()).isEqualTo("Engineering Team");
		assertThat(answer.at("/context/sprint/metadata/goal").asText())
			.isEqualTo("Build new feature X with tests and docs");
		assertThat(answer.at("/context/files").has("task_md")).isTrue();
		assertThat(answer.at("/context/files").has("agent_yml")).isTrue();
		assertThat(answer.at("/context/recent_events").isArray()).isTrue();
		assertThat(answer.at("/context/next_steps")).isNotEmpty();
		assertThat(answer.at("/instructions/next_actions")).isNotEmpty();
		assertThat(answer.at("/instructions/context_reminder/active_task").asText()).isEqualTo(taskCode);
		assertThat(answer.at("/instructions/context_reminder/active_phase").asText()).isEqualTo("intake");
		assertWaits(key, "intake", "agent");
		JsonNode again = this.agent.post(API + "/agent/init", initBody).json();
		assertThat(again.at("/session/key").asText()).as("a second init continues the session").isEqualTo(key);

		// Step 5: the agent starts work.
		ApiClient.Response started = this.agent.post(API + "/pm-tools/task-status",
				"{\"task_code\": \"" + taskCode
						+ "\", \"status\": \"in_progress\", \"notes\": \"Starting backend API implementation\", "
						+ "\"session_key\": \"" + key + "\", \"agent_id\": " + this.agentId
						+ ", \"emit_event\": true, \"sync_to_file\": true}");
		assertThat(started.status()).as(started.toString()).isEqualTo(200);
		assertThat(started.json().get("status").asText()).isEqualTo("in_progress");
		assertThat(started.json().at("/instructions/context_reminder/active_task").asText()).isEqualTo(taskCode);

		// Step 6: activity.
		ApiClient.Response activity = this.agent.post(API + "/sessions/" + key + "/activity",
				"{\"activity_type\": \"code_generated\", \"details\": {\"files_created\": 3, \"lines_added\": 250}}");
		assertThat(activity.status()).as(activity.toString()).isEqualTo(201);
		assertThat(activity.json().get("type").asText()).isEqualTo("code_generated");
		assertThat(activity.json().at("/instructions/next_actions")).isNotEmpty();

		// Step 7: completion needs notes, then completes the task and its session.
		InputAndSecurityTests.refused(this.agent.post(API + "/pm-tools/task-status",
				"{\"task_code\": \"" + taskCode + "\", \"status\": \"completed\", \"session_key\": \"" + key + "\"}"),
				422, "notes");
		ApiClient.Response completed = this.agent.post(API + "/pm-tools/task-status",
				"{\"task_code\": \"" + taskCode
						+ "\", \"status\": \"completed\", \"notes\": \"API implemented with full test coverage (85%). "
						+ "All acceptance criteria met.\", \"session_key\": \"" + key + "\", \"agent_id\": "
						+ this.agentId + ", \"emit_event\": true, \"sync_to_file\": true}");
		assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
		assertThat(completed.json().get("completed_at").isNull()).isFalse();
		JsonNode session = this.agent.get(API + "/sessions/" + key).json();
		assertThat(session.get("status").asText()).isEqualTo("completed");
		assertThat(session.get("completed_at").isNull()).isFalse();
		assertThat(session.at("/instructions/next")).as("the task's outcome is recorded: nothing is asked again")
			.isEmpty();
		assertThat(session.at("/instructions/next_actions/0").asText()).contains("nothing is left to do");
		String taskMd = Files.readString(
				this.properties.dataDir().resolve("delegation/sprints/" + sprintCode + "/" + taskCode + "/TASK.md"));
		assertThat(taskMd).contains("**Status**: completed",
				"**Completed**: " + completed.json().get("completed_at").asText(),
				"## Completion Notes\nAPI implemented with full test coverage (85%). All acceptance criteria met.");

		// Step 9: the session's timeline.
		JsonNode timeline = this.pm.get(API + "/events/session/" + key).json().get("data");
		JsonNode first = timeline.get(0);
		assertThat(first.get("event_type").asText()).isEqualTo("orchestration.session.started");
		assertThat(first.get("id").asLong()).isPositive();
		assertThat(first.get("emitted_at").asText()).isNotBlank();
		assertThat(first.at("/payload/session_key").asText()).isEqualTo(key);
		assertThat(first.at("/payload/started_at").asText()).isNotBlank();
		assertThat(first.get("entity_type").asText()).isEqualTo("task");
		assertThat(first.get("entity_id").asLong()).isEqualTo(task.get("id").asLong());
		assertThat(first.get("agent_id").asLong()).isEqualTo(this.agentId);
		List<JsonNode> statusUpdates = new ArrayList<>();
		JsonNode logged = null;
		for (JsonNode event : timeline) {
			if (event.get("event_type").asText().equals("orchestration.task.status_updated")) {
				statusUpdates.add(event);
			}
			if (event.get("event_type").asText().equals("orchestration.activity.logged")) {
				logged = event;
			}
		}
		assertThat(statusUpdates).hasSize(3);
		assertThat(statusUpdates.get(0).at("/payload/reason").asText()).as("the session's start moved the task")
			.isEqualTo("session started");
		assertThat(statusUpdates.get(0).at("/payload/old_status").asText()).isEqualTo("pending");
		assertThat(statusUpdates.get(0).at("/payload/new_status").asText()).isEqualTo("in_progress");
		assertThat(statusUpdates.get(1).at("/payload/old_status").asText())
			.as("the agent's report is recorded though the status is already in_progress")
			.isEqualTo("in_progress");
		assertThat(statusUpdates.get(1).at("/payload/new_status").asText()).isEqualTo("in_progress");
		assertThat(statusUpdates.get(1).at("/payload/notes").asText()).isEqualTo("Starting backend API implementation");
		assertThat(statusUpdates.get(1).at("/payload/entity_snapshot/status").asText()).isEqualTo("in_progress");
		assertThat(statusUpdates.get(1).get("correlation_id").asText())
			.as("the status update continues the session's correlation chain")
			.isEqualTo(first.get("correlation_id").asText());
		assertThat(statusUpdates.get(2).at("/payload/new_status").asText()).isEqualTo("completed");
		assertThat(statusUpdates.get(2).at("/payload/entity_snapshot/priority").asText()).isEqualTo("P1");
		assertThat(logged.at("/payload/activity_type").asText()).isEqualTo("code_generated");
		assertThat(logged.at("/payload/files_created").asInt()).isEqualTo(3);
		assertThat(logged.at("/payload/lines_added").asInt()).isEqualTo(250);
		assertThat(timeline).extracting((e) -> e.get("event_type").asText())
			.containsSubsequence("orchestration.session.started", "orchestration.task.status_updated",
					"orchestration.activity.logged", "orchestration.task.status_updated",
					"orchestration.session.completed");
	}

	@Test
	void activityEventsFollowTheTasksSamplingSettings() {
		String code = unique("sampled");
		ApiClient.Response created = createTask(this.pm, code,
				"\"description\": \"Noisy\", \"agent_config\": {\"activity_sample_rate\": 0.25}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String key = start(code, 201).get("session_key").asText();
		for (int i = 0; i < 8; i++) {
			assertThat(
					this.agent.post(API + "/sessions/" + key + "/activity", "{\"activity_type\": \"edit\"}").status())
				.isEqualTo(201);
		}
		JsonNode timeline = this.agent.get(API + "/events/session/" + key).json().get("data");
		long logged = 0;
		for (JsonNode event : timeline) {
			if (event.get("event_type").asText().equals("orchestration.activity.logged")) {
				logged++;
			}
		}
		assertThat(logged).as("reports 1 and 5 of 8 at a rate of 1/4").isEqualTo(2);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM work_items w JOIN work_sessions s ON s.id = w.session_id "
					+ "WHERE s.session_key = :key")
			.param("key", key)
			.query(Integer.class)
			.single()).as("every report is kept as a work item").isEqualTo(8);
	}

	@Test
	void aRecoveringAgentGetsTheSessionsContextAndLastActions() {
		String key = start(readyTask(), 201).get("session_key").asText();
		putArtifact(key, "TASK.md");
		this.agent.post(API + "/sessions/" + key + "/activity", "{\"activity_type\": \"tests_run\"}");
		JsonNode context = this.agent.get(API + "/sessions/" + key + "/context").json();
		assertThat(context.at("/context/phase/id").asText()).isEqualTo("intake");
		assertThat(context.at("/context/artifacts")).extracting((artifact) -> artifact.get("name").asText())
			.containsExactly("TASK.md");
		assertThat(context.at("/context/phase/missing_artifacts")).isEmpty();
		assertThat(context.at("/context/files/task_md").asText()).startsWith("# TASK.md");
		assertThat(context.at("/context/last_actions")).as("latest first, in words")
			.extracting((action) -> action.get("text").asText())
			.containsExactly("logged tests_run", "submitted TASK.md", "started the session");
		assertThat(context.at("/context/last_actions/1/event_type").asText())
			.isEqualTo("orchestration.artifact.submitted");
		assertThat(context.at("/instructions/suggested_commands")).extracting(JsonNode::asText)
			.contains("phaseflow phase complete");

		ApiClient.Response diagram = this.agent.get(API + "/sessions/" + key + "/diagram");
		assertThat(diagram.status()).isEqualTo(200);
		assertThat(diagram.contentType()).isEqualTo("image/png");
		assertThat(diagram.body().substring(1, 4)).isEqualTo("PNG");
		InputAndSecurityTests.refused(this.agent.get(API + "/sessions/sess-none/diagram"), 404, null);
	}

	@Test
	void seed001PassCriteria() {
		String code = "test_task_session_" + System.currentTimeMillis() + unique("").substring(1, 5);
		ApiClient.Response created = this.pm.post(API + "/tasks",
				"{\"task_code\": \"" + code + "\", \"title\": \"Test Task for Session\", \"category\": \"test\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode task = this.pm.get(API + "/tasks/" + code).json();
		assertThat(task.get("title").asText()).isEqualTo("Test Task for Session");
		assertThat(task.get("category").asText()).isEqualTo("test");
		assertThat(task.get("priority").asText()).isEqualTo("P2");
		assertThat(task.get("status").asText()).isEqualTo("pending");
		assertThat(task.get("sprint_id").isNull()).as("a test task needs no sprint").isTrue();

		JsonNode session = start(code, 201);
		String key = session.get("session_key").asText();
		assertThat(session.get("task_code").asText()).isEqualTo(code);
		assertThat(session.get("agent_id").asLong()).isEqualTo(this.agentId);
		assertThat(session.get("status").asText()).isEqualTo("running");
		assertThat(session.get("started_at").asText()).isNotBlank();
		assertThat(this.agent.get(API + "/sessions?task_code=" + code).json().get("data"))
			.extracting((s) -> s.get("session_key").asText())
			.containsExactly(key);

		ApiClient.Response logged = this.agent.post(API + "/sessions/" + key + "/iterations",
				"{\"status\": \"running\", \"summary\": \"first pass\", \"tokens_input\": 1200, \"cost\": 0.0125}");
		assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
		assertThat(logged.json().get("iteration_number").asInt()).isEqualTo(1);
		InputAndSecurityTests.refused(
				this.agent.post(API + "/sessions/" + key + "/iterations", "{\"iteration_number\": 5}"), 422,
				"iteration_number");
		assertThat(this.agent.post(API + "/sessions/" + key + "/iterations", "{\"iteration_number\": 2}")
			.json()
			.get("iteration_number")
			.asInt()).isEqualTo(2);
		JsonNode passed = this.agent.patch(API + "/sessions/" + key + "/iterations/2", "{\"status\": \"qa_passed\"}")
			.json();
		assertThat(passed.get("status").asText()).isEqualTo("qa_passed");
		assertThat(passed.get("completed_at").isNull()).isFalse();
		InputAndSecurityTests.refused(
				this.agent.patch(API + "/sessions/" + key + "/iterations/2", "{\"status\": \"great\"}"), 422, "status");
		JsonNode afterLogs = this.agent.get(API + "/sessions/" + key).json();
		assertThat(afterLogs.get("total_iterations").asInt()).isEqualTo(2);
		assertThat(afterLogs.get("current_iteration").asInt()).isEqualTo(2);

		JsonNode ended = this.agent.post(API + "/sessions/" + key + "/end", "{\"force\": true}").json();
		assertThat(ended.at("/session/status").asText()).isEqualTo("completed");
		assertThat(ended.at("/session/completed_at").isNull()).isFalse();

		long sessionId = this.jdbc.sql("SELECT id FROM work_sessions WHERE session_key = ?")
			.param(key)
			.query(Long.class)
			.single();
		this.jdbc.sql("DELETE FROM work_sessions WHERE id = ?").param(sessionId).update();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM iteration_logs WHERE session_id = ?")
			.param(sessionId)
			.query(Integer.class)
			.single()).as("iterations are deleted with their session").isZero();
	}

	@Test
	void artifactDraftsAreRenderedFromTheirTemplates() {
		String key = start(readyTask(), 201).get("session_key").asText();
		ApiClient.Response plan = this.agent.get(API + "/sessions/" + key + "/artifacts/PLAN.md/draft");
		assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
		assertThat(plan.contentType()).startsWith("text/markdown");
		assertThat(plan.body()).startsWith("# Plan: Task walk-").contains("- it works: ");
		assertThat(this.agent.get(API + "/sessions/" + key + "/artifacts/TASK.md/draft").body())
			.contains("**Status**: in_progress", "## Acceptance Criteria\n- it works");
		InputAndSecurityTests.refused(this.agent.get(API + "/sessions/" + key + "/artifacts/NOPE.md/draft"), 404, null);
	}

	@Test
	void initOnASprintGivesItsContextWithoutASession() {
		String sprint = unique("sprint-init");
		createSprint(this.pm, sprint);
		createTask(this.pm, sprint + "-a", "\"sprint_code\": \"" + sprint + "\"");
		createTask(this.pm, sprint + "-b", "\"sprint_code\": \"" + sprint + "\", \"status\": \"completed\"");
		ApiClient.Response init = this.agent.post(API + "/agent/init",
				"{\"entity_type\": \"sprint\", \"entity_code\": \"" + sprint + "\", \"agent_id\": " + this.agentId
						+ "}");
		assertThat(init.status()).as(init.toString()).isEqualTo(200);
		JsonNode answer = init.json();
		assertThat(answer.get("session").isNull()).isTrue();
		assertThat(answer.at("/context/sprint/code").asText()).isEqualTo(sprint);
		assertThat(answer.at("/context/summary/total_tasks").asInt()).isEqualTo(2);
		assertThat(answer.at("/context/summary/progress_percentage").asDouble()).isEqualTo(50.0);
		assertThat(answer.at("/instructions/suggested_commands")).extracting(JsonNode::asText)
			.containsExactly("phaseflow init T:" + sprint + "-a");
		assertThat(this.agent.get(API + "/sessions?task_code=" + sprint + "-a").json().get("data")).isEmpty();
		InputAndSecurityTests.refused(this.agent.post(API + "/agent/init",
				"{\"entity_type\": \"project\", \"entity_code\": \"x\", \"agent_id\": 1}"), 422, "entity_type");
		InputAndSecurityTests.refused(this.agent.post(API + "/agent/init",
				"{\"entity_type\": \"sprint\", \"entity_code\": \"no-such-sprint\", \"agent_id\": " + this.agentId
						+ "}"),
				404, null);
	}

	@Test
	void aReviewerApprovesOrRejectsAnOverride() {
		String key = start(readyTask(), 201).get("session_key").asText();
		putArtifact(key, "TASK.md");
		putArtifact(key, "CONTEXT.md");
		complete(key, "{}");
		complete(key, "{}");
		ApiClient.Response requested = complete(key, "{\"override\": true, \"reason\": \"plan agreed\"}");
		assertThat(requested.status()).isEqualTo(202);
		JsonNode asked = requested.json().at("/session/override");
		assertThat(asked.get("status").asText()).isEqualTo("pending");
		assertThat(asked.get("phase").asText()).isEqualTo("plan");
		assertThat(asked.get("reason").asText()).isEqualTo("plan agreed");
		assertThat(asked.get("candidate_groups")).extracting(JsonNode::asText).containsExactly("reviewers");
		assertThat(asked.get("errors")).isNotEmpty();
		assertThat(this.agent.get(API + "/sessions/" + key).json().get("override"))
			.as("the agent's status shows the same")
			.isEqualTo(asked);

		ApiClient reviewer = clientWith("REVIEWER");
		JsonNode inbox = reviewer.get(API + "/overrides").json().get("data");
		JsonNode pending = null;
		for (JsonNode candidate : inbox) {
			if (candidate.get("session_key").asText().equals(key)) {
				pending = candidate;
			}
		}
		assertThat(pending).as("the override is in the reviewer's inbox").isNotNull();
		assertThat(pending.get("phase").asText()).isEqualTo("plan");
		assertThat(pending.get("candidate_groups")).extracting(JsonNode::asText).containsExactly("reviewers");
		String id = pending.get("id").asText();
		assertThat(asked.get("id").asText()).as("the agent learns the override's id").isEqualTo(id);

		InputAndSecurityTests.refused(this.agent.get(API + "/overrides"), 403, null);
		InputAndSecurityTests.refused(
				reviewer.post(API + "/overrides/" + id + "/decision", "{\"decision\": \"maybe\"}"), 422, "decision");
		InputAndSecurityTests.refused(reviewer.post(API + "/overrides/no-such/decision", "{\"decision\": \"approve\"}"),
				404, null);

		ApiClient.Response rejected = reviewer.post(API + "/overrides/" + id + "/decision",
				"{\"decision\": \"reject\", \"comment\": \"write the plan down\"}");
		assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
		assertThat(rejected.json().get("status").asText()).isEqualTo("running");
		assertWaits(key, "plan", "agent");
		JsonNode decided = this.agent.get(API + "/sessions/" + key).json().get("override");
		assertThat(decided.get("status").asText()).isEqualTo("rejected");
		assertThat(decided.get("comment").asText()).isEqualTo("write the plan down");
		assertThat(decided.get("decided_by").asText()).startsWith("token-");
		assertThat(decided.has("id")).as("only a pending override has an id to decide").isFalse();
		InputAndSecurityTests
			.refused(reviewer.post(API + "/overrides/" + id + "/decision", "{\"decision\": \"approve\"}"), 404, null);

		assertThat(complete(key, "{\"override\": true, \"reason\": \"asked again\"}").status()).isEqualTo(202);
		String second = reviewer.get(API + "/overrides")
			.json()
			.findValues("id")
			.stream()
			.map(JsonNode::asText)
			.filter((candidate) -> !candidate.equals(id))
			.reduce((a, b) -> b)
			.orElseThrow();
		ApiClient.Response approved = reviewer.post(API + "/overrides/" + second + "/decision",
				"{\"decision\": \"approve\", \"comment\": \"fine\"}");
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertWaits(key, "execute", "agent");
		decided = this.agent.get(API + "/sessions/" + key).json().get("override");
		assertThat(decided.get("status").asText()).isEqualTo("approved");
		assertThat(decided.get("phase").asText()).isEqualTo("plan");
		assertThat(decided.get("comment").asText()).isEqualTo("fine");
		putArtifact(key, "CHANGES.md");
		assertThat(complete(key, "{}").status()).isEqualTo(200);
		assertThat(this.agent.get(API + "/sessions/" + key).json().get("override").isNull())
			.as("a later completion leaves the override behind")
			.isTrue();

		JsonNode timeline = this.agent.get(API + "/events/session/" + key).json().get("data");
		JsonNode rejection = null;
		JsonNode approval = null;
		for (JsonNode event : timeline) {
			switch (event.get("event_type").asText()) {
				case "orchestration.phase.override.rejected" -> rejection = event;
				case "orchestration.phase.override" -> approval = event;
				default -> {
				}
			}
		}
		assertThat(rejection.at("/payload/comment").asText()).isEqualTo("write the plan down");
		assertThat(approval.at("/payload/decided_by").asText()).startsWith("token-");
		assertThat(approval.at("/payload/reason").asText()).isEqualTo("asked again");
	}

	@Test
	void sessionsPauseResumeHandOverAndEnd() {
		String key = start(readyTask(), 201).get("session_key").asText();
		assertThat(this.agent.post(API + "/sessions/" + key + "/pause", null).json().get("status").asText())
			.isEqualTo("paused");
		InputAndSecurityTests.refused(this.agent.post(API + "/sessions/" + key + "/pause", null), 409, null);
		InputAndSecurityTests.refused(this.agent.post(API + "/sessions/" + key + "/terminate", null), 409, null);
		InputAndSecurityTests.refused(this.agent.post(API + "/sessions/" + key + "/end", "{\"force\": true}"), 409,
				null);
		InputAndSecurityTests.refused(complete(key, "{}"), 409, null);
		assertThat(this.agent.get(API + "/sessions/" + key).json().get("completed_at").isNull())
			.as("paused is not terminal")
			.isTrue();

		ApiClient relief = clientWith("AGENT");
		long other = relief.agentId();
		JsonNode resumed = relief.post(API + "/sessions/" + key + "/resume", "{}").json();
		assertThat(resumed.get("status").asText()).isEqualTo("running");
		assertThat(resumed.get("agent_id").asLong()).isEqualTo(other);
		assertWaits(key, "intake", "agent");
		InputAndSecurityTests.refused(complete(key, "{}"), 409, null);
		this.agent = relief;
		this.agentId = other;
		putArtifact(key, "TASK.md");
		assertThat(complete(key, "{}").status()).isEqualTo(200);

		InputAndSecurityTests.refused(this.agent.post(API + "/sessions/" + key + "/end", "{}"), 409, null);
		JsonNode ended = this.agent.post(API + "/sessions/" + key + "/end", "{\"force\": true}").json();
		assertThat(ended.at("/session/status").asText()).isEqualTo("completed");
		assertThat(ended.at("/session/completed_at").isNull()).isFalse();
		InputAndSecurityTests.refused(this.agent.post(API + "/sessions/" + key + "/resume", null), 409, null);
		InputAndSecurityTests.refused(this.agent.post(API + "/sessions/" + key + "/terminate", null), 409, null);

		String failing = start(readyTask(), 201).get("session_key").asText();
		JsonNode failed = this.agent.post(API + "/sessions/" + failing + "/fail", "{\"reason\": \"disk full\"}").json();
		assertThat(failed.get("status").asText()).isEqualTo("failed");
		assertThat(failed.get("waiting_for").isNull()).isTrue();

		List<String> types = new ArrayList<>();
		this.agent.get(API + "/events/session/" + key)
			.json()
			.get("data")
			.forEach((event) -> types.add(event.get("event_type").asText()));
		assertThat(types).containsSubsequence("orchestration.session.paused", "orchestration.session.resumed",
				"orchestration.phase.intake.end", "orchestration.session.end", "orchestration.session.completed");
	}

	@Test
	void startingAgainContinuesRejectsOrRestartsTheActiveSession() {
		String task = readyTask();
		String first = start(task, 201).get("session_key").asText();
		assertThat(start(task, 200).get("session_key").asText()).isEqualTo(first);
		ApiClient.Response rejected = this.agent.post(API + "/sessions", body(task, "reject"));
		assertThat(rejected.status()).isEqualTo(409);
		ApiClient other = clientWith("AGENT");
		InputAndSecurityTests.refused(other.post(API + "/sessions", "{\"task_code\": \"" + task + "\"}"), 409, null);
		InputAndSecurityTests.refused(
				other.post(API + "/sessions", "{\"task_code\": \"" + task + "\", \"on_active\": \"restart\"}"), 409,
				null);
		JsonNode restarted = this.agent.post(API + "/sessions", body(task, "restart")).json();
		assertThat(restarted.get("session_key").asText()).isNotEqualTo(first);
		assertThat(this.agent.get(API + "/sessions/" + first).json().get("status").asText()).isEqualTo("terminated");
		assertThat(this.agent.get(API + "/sessions?task_code=" + task).json().get("data")).hasSize(2);
	}

	@Test
	void concurrentStartsOfOneTaskMakeOneSession() throws Exception {
		String task = readyTask();
		Callable<ApiClient.Response> call = () -> this.agent.post(API + "/sessions", body(task, null));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<ApiClient.Response> answers = new ArrayList<>();
		try {
			for (Future<ApiClient.Response> answer : pool.invokeAll(List.of(call, call, call, call), 60,
					TimeUnit.SECONDS)) {
				answers.add(answer.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(answers).extracting(ApiClient.Response::status)
			.containsOnly(200, 201)
			.filteredOn((s) -> s == 201)
			.hasSize(1);
		assertThat(answers).extracting((answer) -> answer.json().get("session_key").asText())
			.containsOnly(answers.get(0).json().get("session_key").asText());
		assertThat(this.agent.get(API + "/sessions?task_code=" + task).json().get("data")).hasSize(1);
	}

	@Test
	void anArtifactOnDiskCountsLikeOneSubmittedButNotTheMirrorsTaskMd() throws Exception {
		String task = readyTask();
		String key = start(task, 201).get("session_key").asText();
		Path folder = this.properties.dataDir().resolve("delegation/tasks/" + task);
		assertThat(folder.resolve("TASK.md")).as("the session wrote the task's TASK.md").isRegularFile();
		assertThat(this.agent.get(API + "/sessions/" + key + "/context").json().at("/context/phase/missing_artifacts"))
			.extracting(JsonNode::asText)
			.as("Phaseflow's own TASK.md is not the agent's")
			.containsExactly("TASK.md");
		assertThat(complete(key, "{}").status()).isEqualTo(422);
		putArtifact(key, "TASK.md");
		assertThat(complete(key, "{}").status()).isEqualTo(200);

		Files.writeString(folder.resolve("CONTEXT.md"), "# Context written by the agent\n");
		JsonNode context = this.agent.get(API + "/sessions/" + key + "/context").json();
		assertThat(context.at("/context/phase/missing_artifacts")).isEmpty();
		assertThat(complete(key, "{}").status()).isEqualTo(200);
		assertWaits(key, "plan", "agent");
	}

	@Test
	void artifactNamesCannotReachOutOfTheirPlace() {
		String key = start(readyTask(), 201).get("session_key").asText();
		for (String name : new String[] { "../TASK.md", "..", "a/b.md", "/etc/passwd", ".hidden", "TASK.md\\u0000" }) {
			InputAndSecurityTests.refused(this.agent.post(API + "/sessions/" + key + "/artifacts",
					"{\"name\": \"" + name + "\", \"content\": \"x\"}"), 422, "name");
		}
		InputAndSecurityTests.refused(this.agent.get(API + "/sessions/" + key + "/artifacts/..%2F..%2Fsecret/draft"),
				400, null);
		assertThat(this.agent
			.post(API + "/sessions/" + key + "/notes",
					"{\"kind\": \"update\", \"text\": \"${7*7} <@x/> in an update\"}")
			.status()).isEqualTo(201);
		ApiClient.Response injected = this.agent.post(API + "/pm-tools/task-status",
				"{\"task_code\": \"" + this.agent.get(API + "/sessions/" + key).json().get("task_code").asText()
						+ "\", \"status\": \"completed\", \"notes\": \"${7*7} <#assign x=1>\", \"session_key\": \""
						+ key + "\", \"sync_to_file\": true}");
		assertThat(injected.status()).as(injected.toString()).isEqualTo(200);
		String taskCode = injected.json().get("task_code").asText();
		assertThat(this.properties.dataDir().resolve("delegation/tasks/" + taskCode + "/TASK.md")).content()
			.contains("## Completion Notes\n\\${7*7} <#assign x=1>",
					": ${7*7} <#assign x=1>\n  - Update: ${7*7} <@x/> in an update");
	}

	@Test
	void aSessionInAPhaseNoLongerConfiguredCanStillBeReadAndEnded() {
		String key = start(readyTask(), 201).get("session_key").asText();
		this.jdbc.sql("UPDATE work_sessions SET current_phase = 'security-review' WHERE session_key = ?")
			.param(key)
			.update();
		ApiClient.Response session = this.agent.get(API + "/sessions/" + key);
		assertThat(session.status()).as(session.toString()).isEqualTo(200);
		assertThat(session.json().at("/instructions/next_actions/0").asText()).contains("no longer configured");
		assertThat(this.agent.get(API + "/sessions/" + key + "/context").status()).isEqualTo(200);
		assertThat(this.agent.post(API + "/sessions/" + key + "/terminate", null).json().get("status").asText())
			.isEqualTo("terminated");
	}

	@Test
	void repeatedProcessStepsChangeNothing() {
		String key = start(readyTask(), 201).get("session_key").asText();
		putArtifact(key, "TASK.md");
		assertThat(complete(key, "{}").status()).isEqualTo(200);
		int events = this.agent.get(API + "/events/session/" + key).json().get("data").size();
		this.transactions.executeWithoutResult((status) -> {
			this.steps.entered(key, "research");
			this.steps.left(key, "intake");
		});
		JsonNode session = assertWaits(key, "research", "agent");
		assertThat(session.get("phase_history")).hasSize(1);
		assertThat(this.agent.get(API + "/events/session/" + key).json().get("data")).hasSize(events);
	}

	@Test
	void unknownTasksAgentsAndSessionsAreNamed() {
		ApiClient.Response noTask = this.agent.post(API + "/sessions",
				"{\"task_code\": \"no-such-task\", \"agent_id\": " + this.agentId + "}");
		InputAndSecurityTests.refused(noTask, 422, "task_code");
		ApiClient.Response noAgent = clientWith("PM", "AGENT").post(API + "/sessions",
				"{\"task_code\": \"" + readyTask() + "\", \"agent_id\": 987654321}");
		InputAndSecurityTests.refused(noAgent, 422, "agent_id");
		InputAndSecurityTests.refused(
				this.agent.post(API + "/sessions", "{\"task_code\": \"" + readyTask() + "\", \"agent_id\": 987654321}"),
				403, "agent_id");
		InputAndSecurityTests.refused(this.agent.post(API + "/sessions/sess-none/phase-complete", "{}"), 404, null);
		InputAndSecurityTests.refused(this.pm.post(API + "/sessions", body(readyTask(), null)), 403, null);
	}

	@Test
	void twoConcurrentCompletionsOfOnePhaseMoveTheSessionOnce() throws Exception {
		String key = start(readyTask(), 201).get("session_key").asText();
		putArtifact(key, "TASK.md");
		Callable<Integer> call = () -> complete(key, "{\"phase\": \"intake\"}").status();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Integer> statuses = new ArrayList<>();
		try {
			for (Future<Integer> result : pool.invokeAll(List.of(call, call), 60, TimeUnit.SECONDS)) {
				statuses.add(result.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		assertWaits(key, "research", "agent");
		JsonNode timeline = this.agent.get(API + "/events/session/" + key).json().get("data");
		assertThat(timeline).filteredOn((e) -> e.get("event_type").asText().equals("orchestration.phase.intake.end"))
			.hasSize(1);
	}

	/** A task that passes every phase's field checks. */
	private String readyTask() {
		String code = unique("walk");
		ApiClient.Response created = createTask(this.pm, code,
				"\"description\": \"Build it\", \"metadata\": {\"acceptance_criteria\": [\"it works\"]}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return code;
	}

	private String body(String task, String onActive) {
		return "{\"task_code\": \"" + task + "\", \"agent_id\": " + this.agentId
				+ ((onActive != null) ? ", \"on_active\": \"" + onActive + "\"" : "") + "}";
	}

	private JsonNode start(String task, int status) {
		ApiClient.Response started = this.agent.post(API + "/sessions", body(task, null));
		assertThat(started.status()).as(started.toString()).isEqualTo(status);
		return started.json();
	}

	private ApiClient.Response complete(String key, String body) {
		return this.agent.post(API + "/sessions/" + key + "/phase-complete", body);
	}

	/** An artifact as sent in a list of them. */
	private static String artifact(String name) {
		return "{\"name\": \"" + name + "\", \"content\": \"# " + name + "\\n\\nDone.\\n\"}";
	}

	private List<String> artifactNames(String key) {
		List<String> names = new ArrayList<>();
		this.agent.get(API + "/sessions/" + key + "/artifacts")
			.json()
			.get("data")
			.forEach((a) -> names.add(a.get("name").asText()));
		return names;
	}

	private void putArtifact(String key, String name) {
		ApiClient.Response put = this.agent.post(API + "/sessions/" + key + "/artifacts",
				"{\"name\": \"" + name + "\", \"content\": \"# " + name + "\\n\\nDone.\\n\"}");
		assertThat(put.status()).as(put.toString()).isEqualTo(201);
	}

	/**
	 * Asserts where the session waits, both as the API reports it and as the process
	 * engine holds it.
	 */
	private JsonNode assertWaits(String key, String phase, String waitingFor) {
		JsonNode session = this.agent.get(API + "/sessions/" + key).json();
		assertThat(session.get("current_phase").asText()).isEqualTo(phase);
		assertThat(session.get("waiting_for").asText()).isEqualTo(waitingFor);
		WorkflowEngine.Position position = this.engine.position(session.get("process_instance_id").asText())
			.orElseThrow();
		assertThat(position.phase()).as("the process waits in the phase the session row names").isEqualTo(phase);
		assertThat(position.step()).isEqualTo(
				"agent".equals(waitingFor) ? WorkflowEngine.Position.WORK : WorkflowEngine.Position.APPROVE_OVERRIDE);
		return session;
	}

}

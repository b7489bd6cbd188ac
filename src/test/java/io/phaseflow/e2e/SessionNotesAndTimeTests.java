package io.phaseflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session notes (the session's memory), their summary kept with the task when the session
 * ends, the smart completion check and time tracking, over HTTP. The server runs on a
 * {@link TestClock} that the tests move on, so times are exact and nothing sleeps.
 */
@Import(TestClock.Config.class)
abstract class SessionNotesAndTimeTests extends ApiTestSupport {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	@Autowired
	TestClock clock;

	SessionDriver driver;

	/** The agent's token name, the actor of what it does. */
	String agentName;

	@BeforeEach
	void people() {
		this.agentName = unique("agent-token");
		this.driver = SessionDriver.with(clientWith("PM"), clientNamed(this.agentName, "AGENT"));
	}

	@Test
	void notesAreTheSessionsMemoryWithAnEventEach() {
		String task = this.driver.readyTask();
		JsonNode session = this.driver.start(task, 201);
		String key = session.get("session_key").asText();

		ApiClient.Response update = note(key, "update", "Endpoints for search are in place");
		assertThat(update.status()).as(update.toString()).isEqualTo(201);
		JsonNode written = update.json();
		assertThat(written.get("id").asLong()).isPositive();
		assertThat(written.get("kind").asText()).isEqualTo("update");
		assertThat(written.get("text").asText()).isEqualTo("Endpoints for search are in place");
		assertThat(written.get("actor").asText()).isEqualTo(this.agentName);
		assertThat(written.get("created_at").asText()).isNotBlank();
		assertThat(written.at("/instructions/context_reminder/active_task").asText()).isEqualTo(task);
		assertThat(note(key, "note", "The index rebuild takes 4 minutes\nwith 1M rows").status()).isEqualTo(201);

		JsonNode notes = this.driver.pm().get(API + "/sessions/" + key + "/notes").json().get("data");
		assertThat(notes).extracting((n) -> n.get("kind").asText() + ":" + n.get("text").asText())
			.containsExactly("update:Endpoints for search are in place",
					"note:The index rebuild takes 4 minutes\nwith 1M rows");
		assertThat(notes.get(0).get("id").asLong()).isEqualTo(written.get("id").asLong());

		JsonNode timeline = this.driver.agent().get(API + "/events/session/" + key).json().get("data");
		List<JsonNode> noteEvents = new ArrayList<>();
		timeline.forEach((event) -> {
			if (event.get("event_type").asText().matches("orchestration\\.session\\.(context_updated|note_added)")) {
				noteEvents.add(event);
			}
		});
		assertThat(noteEvents).extracting((e) -> e.get("event_type").asText())
			.containsExactly("orchestration.session.context_updated", "orchestration.session.note_added");
		assertThat(noteEvents.get(0).at("/payload/note_id").asLong()).isEqualTo(written.get("id").asLong());
		assertThat(noteEvents.get(0).at("/payload/text").asText()).isEqualTo("Endpoints for search are in place");
		assertThat(noteEvents.get(0).at("/payload/phase").asText()).isEqualTo("intake");
		assertThat(noteEvents.get(1).at("/payload/kind").asText()).isEqualTo("note");
		assertThat(noteEvents).extracting((e) -> e.get("correlation_id").asText())
			.containsOnly(session.get("correlation_id").asText());

		JsonNode context = this.driver.agent().get(API + "/sessions/" + key + "/context").json();
		assertThat(context.at("/context/notes")).extracting((n) -> n.get("kind").asText())
			.as("a recovering agent gets the session's notes, latest first")
			.containsExactly("note", "update");
	}

	@Test
	void badNotesAreRefusedAndAnEndedSessionTakesNone() {
		String key = this.driver.start(this.driver.readyTask(), 201).get("session_key").asText();
		int before = this.driver.agent().get(API + "/events/session/" + key).json().get("data").size();
		ApiClient agent = this.driver.agent();
		String path = API + "/sessions/" + key + "/notes";

		InputAndSecurityTests.refused(note(key, "update", " \n "), 422, "text");
		InputAndSecurityTests.refused(note(key, "note", "x".repeat(10_001)), 422, "text");
		InputAndSecurityTests.refused(note(key, "update", "bell \u0007 rings"), 422, "text");
		InputAndSecurityTests.refused(note(key, "todo", "what kind is this"), 422, "kind");
		InputAndSecurityTests.refused(agent.post(path, "{\"text\": \"no kind\"}"), 422, "kind");
		InputAndSecurityTests.refused(agent.post(path, "{\"kind\": \"note\"}"), 422, "text");
		InputAndSecurityTests.refused(agent.post(path, "{\"kind\": \"note\", \"text\": 5}"), 400, "text");
		InputAndSecurityTests.refused(agent.post(path, "{\"kind\": \"note\", \"text\": \"t\", \"extra\": 1}"), 400,
				"extra");
		InputAndSecurityTests.refused(agent.post(path, "{\"kind\": "), 400, null);
		InputAndSecurityTests.refused(this.driver.pm().post(path, body("kind", "note", "text", "a PM's remark")), 403,
				null);
		InputAndSecurityTests.refused(note("sess-none", "note", "nowhere"), 404, null);
		assertThat(agent.get(API + "/sessions/" + key + "/notes").json().get("data")).isEmpty();
		assertThat(agent.get(API + "/events/session/" + key).json().get("data")).as("refused notes write no event")
			.hasSize(before);
		assertThat(note(key, "note", "x".repeat(10_000)).status()).as("10000 characters are allowed").isEqualTo(201);

		agent.post(API + "/sessions/" + key + "/pause", null);
		assertThat(note(key, "note", "written while paused").status()).isEqualTo(201);
		agent.post(API + "/sessions/" + key + "/resume", null);
		agent.post(API + "/sessions/" + key + "/terminate", body("reason", "superseded"));
		InputAndSecurityTests.refused(note(key, "update", "too late"), 409, null);
		assertThat(agent.get(API + "/sessions/" + key + "/notes").json().get("data")).hasSize(2);
	}

	@Test
	void anEndedSessionsNotesAreSummedUpWithItsTaskBounded() throws Exception {
		String task = this.driver.readyTask();
		String key = this.driver.start(task, 201).get("session_key").asText();
		for (int i = 1; i <= 24; i++) {
			assertThat(note(key, "update", "Step " + i + " done").status()).isEqualTo(201);
		}
		String longUpdate = "Long ${7*7} <#assign x=1> " + "ü".repeat(600);
		note(key, "update", longUpdate);
		note(key, "note", "Flaky test in CI\n## not a heading");
		this.clock.advanceMinutes(12);
		JsonNode ended = this.driver.agent()
			.post(API + "/sessions/" + key + "/end", body("force", true, "reason", "Good enough for the demo"))
			.json();
		assertThat(ended.at("/session/status").asText()).isEqualTo("completed");

		JsonNode summaries = this.driver.pm().get(API + "/tasks/" + task).json().at("/metadata/session_summaries");
		assertThat(summaries).hasSize(1);
		JsonNode summary = summaries.get(0);
		assertThat(summary.get("session_key").asText()).isEqualTo(key);
		assertThat(summary.get("status").asText()).isEqualTo("completed");
		assertThat(summary.get("ended_at").asText()).isEqualTo(ended.at("/session/completed_at").asText());
		assertThat(summary.get("agent_id").asLong()).isEqualTo(this.driver.agentId());
		assertThat(summary.get("active_minutes").asLong()).isEqualTo(12);
		assertThat(summary.get("summary").asText()).isEqualTo("Good enough for the demo");
		assertThat(summary.get("update_count").asInt()).isEqualTo(25);
		JsonNode updates = summary.get("updates");
		assertThat(updates).as("the latest 20 updates, newest last").hasSize(20);
		assertThat(updates.get(0).asText()).isEqualTo("Step 6 done");
		String cut = updates.get(19).asText();
		assertThat(cut).startsWith("Long ${7*7}").endsWith("…");
		assertThat(cut.codePointCount(0, cut.length())).isEqualTo(500);
		assertThat(summary.get("notes")).extracting(JsonNode::asText)
			.containsExactly("Flaky test in CI\n## not a heading");
		assertThat(summary.get("note_count").asInt()).isEqualTo(1);

		JsonNode summarized = null;
		for (JsonNode event : eventsOf("task", task)) {
			if (event.at("/payload/session_summary").asText().equals(key)) {
				summarized = event;
			}
		}
		assertThat(summarized).as("the summary is a new version of the task with its event").isNotNull();
		assertThat(summarized.get("event_type").asText()).isEqualTo("orchestration.task.updated");
		assertThat(summarized.get("session_key").asText()).isEqualTo(key);
		assertThat(summarized.at("/payload/changed_fields")).extracting(JsonNode::asText).containsExactly("metadata");

		assertThat(this.driver.pm().post(API + "/tasks/" + task + "/sync", null).status()).isEqualTo(200);
		Path file = this.properties.dataDir().resolve("delegation/tasks/" + task + "/TASK.md");
		String markdown = Files.readString(file);
		assertThat(markdown).contains("\n## Work Sessions\n- `" + key + "` completed ",
				", 12 min active: Good enough for the demo\n", "  - Update: Step 24 done\n",
				"  - Update: Long ${7*7} <#assign x=1> üü", "  - Note: Flaky test in CI ## not a heading\n");
		assertThat(markdown).doesNotContain("Step 5 done");
		assertThat(this.driver.pm().post(API + "/tasks/" + task + "/import", null).status())
			.as("a TASK.md with its work sessions reads back")
			.isEqualTo(200);
		assertThat(this.driver.pm().get(API + "/tasks/" + task).json().at("/metadata/session_summaries")).hasSize(1);
	}

	@Test
	void everyWayASessionEndsKeepsItsSummaryAndOnlyTheLatestFiveAreKept() {
		String task = this.driver.readyTask();
		ApiClient agent = this.driver.agent();
		String first = this.driver.start(task, 201).get("session_key").asText();
		note(first, "note", "first try");
		agent.post(API + "/sessions/" + first + "/fail", body("reason", "disk full"));
		String second = this.driver.start(task, 201).get("session_key").asText();
		String third = agent
			.post(API + "/sessions", body("task_code", task, "agent_id", this.driver.agentId(), "on_active", "restart"))
			.json()
			.get("session_key")
			.asText();
		agent.post(API + "/sessions/" + third + "/terminate", null);
		String fourth = this.driver.start(task, 201).get("session_key").asText();
		note(fourth, "update", "nearly there");
		ApiClient.Response completed = agent.post(API + "/pm-tools/task-status",
				body("task_code", task, "status", "completed", "notes", "All done", "session_key", fourth));
		assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
		JsonNode summaries = this.driver.pm().get(API + "/tasks/" + task).json().at("/metadata/session_summaries");
		assertThat(summaries).extracting(
				(s) -> s.get("session_key").asText() + " " + s.get("status").asText() + " " + s.get("summary").asText())
			.containsExactly(first + " failed disk full", second + " terminated restarted by " + this.agentName,
					third + " terminated terminated by " + this.agentName, fourth + " completed All done");

		String fifth = this.driver.start(task, 201).get("session_key").asText();
		agent.post(API + "/sessions/" + fifth + "/terminate", null);
		String sixth = this.driver.start(task, 201).get("session_key").asText();
		agent.post(API + "/sessions/" + sixth + "/terminate", null);
		assertThat(this.driver.pm().get(API + "/tasks/" + task).json().at("/metadata/session_summaries"))
			.extracting((s) -> s.get("session_key").asText())
			.containsExactly(second, third, fourth, fifth, sixth);
	}

	@Test
	void closingTheLastPhaseKeepsTheSummaryFromSummaryMd() {
		String task = this.driver.readyTask();
		String key = this.driver.start(task, 201).get("session_key").asText();
		note(key, "update", "Walked every phase");
		String[][] phases = { { "TASK.md", "{}" }, { "CONTEXT.md", "{}" }, { "PLAN.md", "{}" }, { "CHANGES.md", "{}" },
				{ "REVIEW.md", "{\"qa_status\": \"qa_passed\"}" } };
		for (String[] phase : phases) {
			this.driver.putArtifact(key, phase[0]);
			assertThat(this.driver.complete(key, phase[1]).status()).isEqualTo(200);
		}
		this.driver.putArtifact(key, "SUMMARY.md");
		ApiClient.Response ended = this.driver.agent().post(API + "/sessions/" + key + "/end", "{}");
		assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
		JsonNode summary = this.driver.pm().get(API + "/tasks/" + task).json().at("/metadata/session_summaries/0");
		assertThat(summary.get("session_key").asText()).isEqualTo(key);
		assertThat(summary.get("status").asText()).isEqualTo("completed");
		assertThat(summary.get("summary").asText()).isEqualTo("# SUMMARY.md\n\nDone.");
		assertThat(summary.get("updates")).extracting(JsonNode::asText).containsExactly("Walked every phase");
	}

	@Test
	void completingATaskNeedsASummaryAndContextUpdatesOrForce() {
		String task = this.driver.readyTask();
		String key = this.driver.start(task, 201).get("session_key").asText();
		ApiClient agent = this.driver.agent();

		ApiClient.Response bare = agent.post(API + "/pm-tools/task-status",
				body("task_code", task, "status", "completed", "session_key", key));
		InputAndSecurityTests.refused(bare, 422, null);
		JsonNode problem = bare.json();
		assertThat(problem.get("title").asText()).isEqualTo("Task cannot be completed");
		assertThat(problem.get("errors")).extracting((e) -> e.get("field").asText())
			.containsExactly("notes", "context_updates");
		assertThat(problem.get("errors")).extracting((e) -> e.get("message").asText())
			.satisfiesExactly((m) -> assertThat(m).startsWith("Missing summary"),
					(m) -> assertThat(m).startsWith("No context updates"));
		assertThat(problem.at("/instructions/next_actions")).extracting(JsonNode::asText)
			.satisfiesExactly((a) -> assertThat(a).startsWith("Add a summary now"),
					(a) -> assertThat(a).startsWith("Add a context update now"),
					(a) -> assertThat(a).startsWith("Ask a PM to force"),
					(a) -> assertThat(a).startsWith("Continue working"));
		assertThat(problem.at("/instructions/suggested_commands")).extracting(JsonNode::asText)
			.as("force is a PM's, not offered to an agent")
			.contains("phaseflow update \"<what was done>\"")
			.doesNotContain("phaseflow done --force \"<summary>\"");
		assertThat(problem.at("/instructions/context_reminder/active_task").asText()).isEqualTo(task);
		assertThat(problem.at("/instructions/context_reminder/active_phase").asText()).isEqualTo("intake");

		ApiClient.Response withNotes = agent.post(API + "/pm-tools/task-status",
				body("task_code", task, "status", "completed", "notes", "Search works", "session_key", key));
		InputAndSecurityTests.refused(withNotes, 422, "context_updates");
		assertThat(withNotes.json().get("errors")).hasSize(1);
		assertThat(this.driver.pm().get(API + "/tasks/" + task).json().get("status").asText())
			.as("a refused completion changes nothing: the task stays where its session put it")
			.isEqualTo("in_progress");
		assertThat(this.driver.session(key).get("status").asText()).isEqualTo("running");

		assertThat(note(key, "update", "Search endpoint and index done").status()).isEqualTo(201);
		ApiClient.Response completed = agent.post(API + "/pm-tools/task-status",
				body("task_code", task, "status", "completed", "notes", "Search works", "session_key", key));
		assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
		assertThat(completed.json().get("status").asText()).isEqualTo("completed");
		assertThat(this.driver.session(key).get("status").asText()).isEqualTo("completed");

		String forced = this.driver.readyTask();
		String forcedKey = this.driver.start(forced, 201).get("session_key").asText();
		String forcing = body("task_code", forced, "status", "completed", "session_key", forcedKey, "force", true);
		InputAndSecurityTests.refused(agent.post(API + "/pm-tools/task-status", forcing), 403, "force");
		ApiClient.Response force = clientWith("PM", "AGENT").post(API + "/pm-tools/task-status", forcing);
		assertThat(force.status()).as(force.toString()).isEqualTo(200);
		assertThat(this.driver.session(forcedKey).get("status").asText()).isEqualTo("completed");

		String noSession = this.driver.readyTask();
		InputAndSecurityTests.refused(
				agent.post(API + "/pm-tools/task-status", body("task_code", noSession, "status", "completed")), 422,
				"notes");
		assertThat(agent
			.post(API + "/pm-tools/task-status", body("task_code", noSession, "status", "completed", "notes", "Done"))
			.status()).as("without a session, a summary is enough").isEqualTo(200);
	}

	@Test
	void aStatusReportWithNotesInASessionIsAContextUpdate() {
		String task = this.driver.readyTask();
		String key = this.driver.start(task, 201).get("session_key").asText();
		ApiClient agent = this.driver.agent();
		assertThat(
				agent
					.post(API + "/pm-tools/task-status",
							body("task_code", task, "status", "in_progress", "notes", "Starting on search",
									"session_key", key))
					.status())
			.isEqualTo(200);
		assertThat(agent.get(API + "/sessions/" + key + "/notes").json().get("data"))
			.extracting((n) -> n.get("kind").asText() + ":" + n.get("text").asText())
			.containsExactly("update:Starting on search");
		assertThat(agent
			.post(API + "/pm-tools/task-status",
					body("task_code", task, "status", "completed", "notes", "Search works", "session_key", key))
			.status()).isEqualTo(200);
		assertThat(agent.get(API + "/sessions/" + key + "/notes").json().get("data"))
			.as("the completion's notes are the summary, not an update")
			.hasSize(1);
	}

	@Test
	void activeTimeLeavesOutPausesAndOverrideDecisions() {
		String sprint = unique("timed");
		assertThat(createSprint(this.driver.pm(), sprint).status()).isEqualTo(201);
		String task = unique("timed-task");
		assertThat(createTask(this.driver.pm(), task,
				"\"sprint_code\": \"" + sprint + "\", \"description\": \"d\", "
						+ "\"estimate_minutes\": 30, \"metadata\": {\"acceptance_criteria\": [\"it works\"]}")
			.status()).isEqualTo(201);
		String idle = unique("idle-task");
		createTask(this.driver.pm(), idle, "\"sprint_code\": \"" + sprint + "\", \"estimate_minutes\": 45");
		ApiClient agent = this.driver.agent();
		String key = this.driver.start(task, 201).get("session_key").asText();

		this.clock.advanceMinutes(10);
		this.driver.putArtifact(key, "TASK.md");
		assertThat(this.driver.complete(key, "{}").status()).isEqualTo(200);
		this.clock.advanceMinutes(5);
		agent.post(API + "/sessions/" + key + "/pause", null);
		this.clock.advanceMinutes(60);
		JsonNode paused = this.driver.session(key).get("time");
		assertThat(paused.get("active_minutes").asLong()).as("paused time does not count").isEqualTo(15);
		agent.post(API + "/sessions/" + key + "/resume", null);
		this.clock.advanceMinutes(5);
		this.driver.putArtifact(key, "CONTEXT.md");
		assertThat(this.driver.complete(key, "{}").status()).isEqualTo(200);
		this.clock.advanceMinutes(3);
		ApiClient.Response requested = this.driver.complete(key,
				"{\"override\": true, \"reason\": \"the plan is in the wiki\"}");
		assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
		this.clock.advanceMinutes(45);
		ApiClient reviewer = clientWith("REVIEWER");
		String overrideId = null;
		for (JsonNode pending : reviewer.get(API + "/overrides").json().get("data")) {
			if (pending.get("session_key").asText().equals(key)) {
				overrideId = pending.get("id").asText();
			}
		}
		assertThat(reviewer.post(API + "/overrides/" + overrideId + "/decision", body("decision", "approve")).status())
			.isEqualTo(200);
		this.clock.advanceMinutes(7);

		JsonNode session = this.driver.session(key);
		JsonNode time = session.get("time");
		assertThat(time.get("active_minutes").asLong()).isEqualTo(30);
		assertThat(minutesByPhase(time)).containsExactly(Map.entry("intake", 10L), Map.entry("research", 10L),
				Map.entry("plan", 3L), Map.entry("execute", 7L));
		assertThat(time.get("estimate_minutes").asInt()).isEqualTo(30);
		assertThat(time.get("remaining_minutes").asLong()).isZero();
		assertThat(time.get("over_estimate").asBoolean()).isFalse();
		assertThat(time.get("task_active_minutes").asLong()).isEqualTo(30);
		assertThat(session.at("/instructions/next_actions")).extracting(JsonNode::asText)
			.noneMatch((action) -> action.startsWith("Actual time"));
		JsonNode report = this.driver.pm().get(API + "/pm-tools/status-report?sprint_code=" + sprint).json();
		assertThat(report.at("/instructions/next_actions")).isEmpty();

		this.clock.advanceMinutes(5);
		JsonNode over = this.driver.session(key);
		assertThat(over.at("/time/active_minutes").asLong()).isEqualTo(35);
		assertThat(over.at("/time/by_phase/execute").asLong()).isEqualTo(12);
		assertThat(over.at("/time/over_estimate").asBoolean()).isTrue();
		assertThat(over.at("/time/remaining_minutes").asLong()).isZero();
		assertThat(over.at("/instructions/next_actions")).extracting(JsonNode::asText)
			.contains(
					"Actual time of task " + task + " (35 min) exceeds the estimate (30 min): update estimate_minutes "
							+ "(PATCH /api/orchestration/tasks/" + task + ")");
		assertThat(over.at("/instructions/suggested_commands")).extracting(JsonNode::asText)
			.contains("phaseflow task estimate " + task + " 35");
		JsonNode context = agent.get(API + "/sessions/" + key + "/context").json();
		assertThat(context.at("/context/time/active_minutes").asLong()).isEqualTo(35);

		report = this.driver.pm().get(API + "/pm-tools/status-report?sprint_code=" + sprint).json();
		assertThat(fieldNames(report)).containsExactly("sprint_code", "sprint_title", "sprint_status", "summary",
				"tasks", "instructions");
		assertThat(fieldNames(report.get("summary"))).startsWith("total_tasks", "completed", "in_progress", "blocked",
				"pending", "progress_percentage");
		assertThat(report.at("/summary/estimate_minutes").asLong()).isEqualTo(75);
		assertThat(report.at("/summary/actual_minutes").asLong()).isEqualTo(35);
		assertThat(report.at("/summary/over_estimate").asInt()).isEqualTo(1);
		JsonNode line = report.get("tasks").get(0);
		assertThat(fieldNames(line)).startsWith("task_code", "title", "status", "priority");
		assertThat(line.get("task_code").asText()).isEqualTo(task);
		assertThat(line.get("estimate_minutes").asInt()).isEqualTo(30);
		assertThat(line.get("actual_minutes").asLong()).isEqualTo(35);
		assertThat(line.get("over_estimate").asBoolean()).isTrue();
		JsonNode idleLine = report.get("tasks").get(1);
		assertThat(idleLine.get("actual_minutes").asLong()).isZero();
		assertThat(idleLine.get("over_estimate").asBoolean()).isFalse();
		assertThat(report.at("/instructions/next_actions")).extracting(JsonNode::asText)
			.containsExactly("Actual time of task " + task + " (35 min) exceeds the estimate (30 min): update "
					+ "estimate_minutes (PATCH /api/orchestration/tasks/" + task + ")");
		assertThat(report.at("/instructions/suggested_commands")).extracting(JsonNode::asText)
			.containsExactly("phaseflow task estimate " + task + " 35");

		agent.post(API + "/sessions/" + key + "/end", body("force", true));
		this.clock.advanceMinutes(20);
		assertThat(this.driver.session(key).at("/time/active_minutes").asLong()).as("an ended session's clock stops")
			.isEqualTo(35);
		assertThat(this.driver.pm()
			.get(API + "/tasks/" + task)
			.json()
			.at("/metadata/session_summaries/0/active_minutes")
			.asLong()).isEqualTo(35);
		assertThat(this.driver.pm().patch(API + "/tasks/" + task, "{\"estimate_minutes\": 40}").status())
			.isEqualTo(200);
		JsonNode reEstimated = this.driver.pm().get(API + "/pm-tools/status-report?sprint_code=" + sprint).json();
		assertThat(reEstimated.at("/tasks/0/over_estimate").asBoolean()).isFalse();
		assertThat(reEstimated.at("/instructions/next_actions")).isEmpty();
		assertThat(this.driver.session(key).at("/time/remaining_minutes").asLong()).isEqualTo(5);
	}

	@Test
	void aSprintOfManySessionsAddsUpTheirTime() {
		// the report reads all sessions' marks at once and must keep them apart
		String sprint = unique("busy");
		assertThat(createSprint(this.driver.pm(), sprint).status()).isEqualTo(201);
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			String task = sprint + "-t" + i;
			createTask(this.driver.pm(), task, "\"sprint_code\": \"" + sprint + "\", \"estimate_minutes\": 30");
			keys.add(this.driver.start(task, 201).get("session_key").asText());
		}
		this.clock.advanceMinutes(4);
		this.driver.agent().post(API + "/sessions/" + keys.get(0) + "/pause", null);
		this.clock.advanceMinutes(2);

		JsonNode report = this.driver.pm().get(API + "/pm-tools/status-report?sprint_code=" + sprint).json();
		assertThat(report.at("/summary/actual_minutes").asLong()).isEqualTo(4 + 8 * 6);
		Map<String, Long> byTask = new LinkedHashMap<>();
		report.get("tasks")
			.forEach((line) -> byTask.put(line.get("task_code").asText(), line.get("actual_minutes").asLong()));
		assertThat(byTask).hasSize(9).containsEntry(sprint + "-t0", 4L).containsEntry(sprint + "-t8", 6L);
		assertThat(this.driver.session(keys.get(0)).at("/time/active_minutes").asLong()).isEqualTo(4);
		assertThat(this.driver.session(keys.get(8)).at("/time/active_minutes").asLong()).isEqualTo(6);
	}

	private ApiClient.Response note(String key, String kind, String text) {
		return this.driver.agent().post(API + "/sessions/" + key + "/notes", body("kind", kind, "text", text));
	}

	private static Map<String, Long> minutesByPhase(JsonNode time) {
		Map<String, Long> minutes = new LinkedHashMap<>();
		time.get("by_phase").properties().forEach((entry) -> minutes.put(entry.getKey(), entry.getValue().asLong()));
		return minutes;
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

	/** A JSON object of the given names and values. */
	static String body(Object... namesAndValues) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			body.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		try {
			return MAPPER.writeValueAsString(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

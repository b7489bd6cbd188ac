package io.phaseflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.ContentHash;
import io.phaseflow.task.TaskDraft;
import io.phaseflow.task.TaskManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reference walkthrough with the fixtures in {@code seed000/}: a sprint and a task
 * created from fixed bodies, their markdown mirror and the sprint's status report, with
 * content hashes, versions and events, over HTTP against the running server.
 */
abstract class SeedWalkthroughTests extends ApiTestSupport {

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TaskManagement tasks;

	@Autowired
	JdbcClient jdbc;

	@Test
	void seed000Steps1And2And3And8() throws Exception {
		ApiClient pm = clientWith("PM").withHeader("X-Correlation-Id", "uuid-1");

		// Step 1: create the sprint with the fixture's exact body.
		ApiClient.Response sprint = pm.post(API + "/sprints", resource("seed000/step1-create-sprint.json"));
		assertThat(sprint.status()).as(sprint.toString()).isEqualTo(201);
		assertThat(sprint.header("Location")).isEqualTo(API + "/sprints/implement-feature-x");
		assertThat(sprint.header("X-Correlation-Id")).isEqualTo("uuid-1");
		JsonNode created = sprint.json();
		assertThat(created.get("sprint_code").asText()).isEqualTo("implement-feature-x");
		assertThat(created.get("status").asText()).isEqualTo("planning");
		assertThat(created.get("owner").asText()).isEqualTo("Engineering Team");
		assertThat(created.at("/metadata/start_date").asText()).isEqualTo("2025-10-13");
		assertThat(created.get("hash").asText()).matches("[0-9a-f]{64}");
		long sprintId = created.get("id").asLong();

		JsonNode sprintEvent = single(eventsOf("sprint", "implement-feature-x"));
		assertThat(sprintEvent.get("event_type").asText()).isEqualTo("orchestration.sprint.created");
		assertThat(sprintEvent.get("entity_type").asText()).isEqualTo("sprint");
		assertThat(sprintEvent.get("entity_id").asLong()).isEqualTo(sprintId);
		assertThat(sprintEvent.get("correlation_id").asText()).isEqualTo("uuid-1");
		assertThat(sprintEvent.at("/payload/actor").asText()).startsWith("token-");
		assertThat(sprintEvent.at("/payload/timestamp").asText()).isNotBlank();
		assertThat(sprintEvent.get("emitted_at").asText()).isNotBlank();
		JsonNode sprintSnapshot = sprintEvent.at("/payload/entity_snapshot");
		assertThat(sprintSnapshot.get("sprint_code").asText()).isEqualTo("implement-feature-x");
		assertThat(sprintSnapshot.get("title").asText()).isEqualTo("Implement Feature X");
		assertThat(sprintSnapshot.get("status").asText()).isEqualTo("planning");
		assertThat(ContentHash.of(sprintSnapshot)).isEqualTo(created.get("hash").asText());

		// Step 2: create the task with the fixture's body; its "sprint_id": 1 is replaced
		// by the id of the sprint just made.
		ObjectNode taskBody = (ObjectNode) ApiClient.parse(resource("seed000/step2-create-task.json"));
		taskBody.put("sprint_id", sprintId);
		ApiClient.Response task = pm.withHeader("X-Correlation-Id", "uuid-2").post(API + "/tasks", taskBody.toString());
		assertThat(task.status()).as(task.toString()).isEqualTo(201);
		JsonNode createdTask = task.json();
		assertThat(createdTask.get("task_code").asText()).isEqualTo("phase-1-backend-api");
		assertThat(createdTask.get("sprint_id").asLong()).isEqualTo(sprintId);
		assertThat(createdTask.get("sprint_code").asText()).isEqualTo("implement-feature-x");
		assertThat(createdTask.get("status").asText()).isEqualTo("pending");
		assertThat(createdTask.get("priority").asText()).isEqualTo("P1");
		assertThat(createdTask.at("/metadata/objectives")).hasSize(3);
		assertThat(createdTask.at("/agent_config/temperature").asDouble()).isEqualTo(0.7);
		assertThat(createdTask.get("hash").asText()).matches("[0-9a-f]{64}");

		JsonNode taskEvent = single(eventsOf("task", "phase-1-backend-api"));
		assertThat(taskEvent.get("event_type").asText()).isEqualTo("orchestration.task.created");
		assertThat(taskEvent.get("entity_id").asLong()).isEqualTo(createdTask.get("id").asLong());
		assertThat(taskEvent.get("correlation_id").asText()).isEqualTo("uuid-2");
		JsonNode taskSnapshot = taskEvent.at("/payload/entity_snapshot");
		assertThat(taskSnapshot.get("task_code").asText()).isEqualTo("phase-1-backend-api");
		assertThat(taskSnapshot.get("title").asText()).isEqualTo("Phase 1: Build Backend API");
		assertThat(taskSnapshot.get("status").asText()).isEqualTo("pending");
		assertThat(taskSnapshot.get("priority").asText()).isEqualTo("P1");
		assertThat(ContentHash.of(taskSnapshot)).isEqualTo(createdTask.get("hash").asText());

		// Step 3: the markdown mirror, TASK.md exactly as the fixture has it.
		ApiClient.Response synced = pm.post(API + "/sprints/implement-feature-x/sync", null);
		assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
		Path sprintFolder = this.properties.dataDir().resolve("delegation/sprints/implement-feature-x");
		Path taskFile = sprintFolder.resolve("phase-1-backend-api/TASK.md");
		assertThat(synced.json().get("data")).extracting((f) -> f.get("path").asText())
			.containsExactly(sprintFolder.resolve("SPRINT.md").toString(), taskFile.toString());
		assertThat(Files.readString(taskFile)).isEqualTo(resource("seed000/step3-TASK.md"));
		assertThat(Files.readString(taskFile.resolveSibling(".hash")).trim())
			.isEqualTo(createdTask.get("hash").asText());
		assertThat(Files.readString(sprintFolder.resolve(".hash")).trim()).isEqualTo(created.get("hash").asText());
		assertThat(Files.readString(sprintFolder.resolve("SPRINT.md"))).contains("# Sprint: Implement Feature X",
				"**Goal**: Build new feature X with tests and docs",
				"| `phase-1-backend-api` | Phase 1: Build Backend API | pending | P1 |");
		JsonNode fileEvent = eventsOf("task", "phase-1-backend-api").get(1);
		assertThat(fileEvent.get("event_type").asText()).isEqualTo("orchestration.file.synced");
		assertThat(fileEvent.at("/payload/file_path").asText()).isEqualTo(taskFile.toString());

		// The sprint gets two more tasks (one by sprint_code), work moves on, and the
		// sprint becomes active.
		assertThat(pm.post(API + "/tasks", """
				{"task_code": "phase-2-frontend", "title": "Phase 2: Build Frontend", "status": "in_progress",
				 "sprint_code": "implement-feature-x"}""").status()).isEqualTo(201);
		assertThat(pm.post(API + "/tasks", """
				{"task_code": "phase-3-docs", "title": "Phase 3: Documentation", "priority": "P3",
				 "sprint_id": %d}""".formatted(sprintId)).status()).isEqualTo(201);
		assertThat(pm.patch(API + "/tasks/phase-1-backend-api", "{\"status\": \"completed\"}").status()).isEqualTo(200);
		assertThat(pm.patch(API + "/sprints/implement-feature-x", "{\"status\": \"active\"}").status()).isEqualTo(200);

		// Step 8: the status report answers as the fixture has it.
		ApiClient.Response report = pm.get(API + "/pm-tools/status-report?sprint_code=implement-feature-x");
		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		JsonNode expected = ApiClient.parse(resource("seed000/step8-status-report.json"));
		assertContains(report.json(), expected, "");
		assertThat(report.body()).contains("\"progress_percentage\":33.33");
		assertThat(report.json().at("/summary/pending_verification").asInt()).isZero();
		assertThat(report.json().at("/summary/failed").asInt()).isZero();
	}

	@Test
	void hashFollowsContentAndEveryChangeIsAVersionWithAnEvent() {
		ApiClient pm = clientWith("PM");
		String code = unique("hash");
		JsonNode created = createTask(pm, code, "\"metadata\": {\"b\": 1, \"a\": [1, 2]}").json();
		String original = created.get("hash").asText();

		JsonNode same = pm
			.patch(API + "/tasks/" + code, "{\"title\": \"Task " + code + "\", \"metadata\": {\"a\": [1, 2]}}")
			.json();
		assertThat(same.get("hash").asText()).as("unchanged content keeps its hash").isEqualTo(original);
		assertThat(same.get("updated_at").asText()).isEqualTo(created.get("updated_at").asText());

		JsonNode changed = pm.patch(API + "/tasks/" + code, "{\"title\": \"Renamed\"}").json();
		assertThat(changed.get("hash").asText()).as("changed content gets a new hash").isNotEqualTo(original);

		JsonNode reverted = pm.patch(API + "/tasks/" + code, "{\"title\": \"Task " + code + "\"}").json();
		assertThat(reverted.get("hash").asText()).as("the same content has the same hash again").isEqualTo(original);

		JsonNode history = pm.get(API + "/tasks/" + code + "/history").json().get("data");
		assertThat(history).hasSize(3);
		assertThat(history.get(0).get("version").asInt()).isEqualTo(3);
		assertThat(history.get(0).get("hash").asText()).isEqualTo(original);
		assertThat(history.get(1).get("hash").asText()).isEqualTo(changed.get("hash").asText());
		assertThat(history.get(1).at("/snapshot/title").asText()).isEqualTo("Renamed");
		assertThat(history.get(2).get("version").asInt()).isEqualTo(1);

		JsonNode events = eventsOf("task", code);
		assertThat(events).extracting((e) -> e.get("event_type").asText())
			.containsExactly("orchestration.task.created", "orchestration.task.updated", "orchestration.task.updated");
		assertThat(events.get(1).at("/payload/changed_fields")).extracting(JsonNode::asText).containsExactly("title");
		assertThat(events.get(1).at("/payload/previous_hash").asText()).isEqualTo(original);
		assertThat(events.get(2).at("/payload/hash").asText()).isEqualTo(original);
	}

	@Test
	void aTaskIsRolledBackToAnEarlierHashAsANewVersion() throws Exception {
		ApiClient pm = clientWith("PM");
		String code = unique("rollback");
		String original = createTask(pm, code, "\"metadata\": {\"objectives\": [\"first\"]}").json()
			.get("hash")
			.asText();
		assertThat(pm.post(API + "/tasks/" + code + "/sync", null).status()).isEqualTo(200);
		pm.patch(API + "/tasks/" + code,
				"{\"title\": \"Second thoughts\", \"metadata\": {\"objectives\": [\"second\"]}}");
		Path taskFile = this.properties.dataDir().resolve("delegation/tasks/" + code + "/TASK.md");

		ApiClient.Response rolledBack = pm.post(API + "/tasks/" + code + "/rollback",
				"{\"hash\": \"" + original + "\"}");
		assertThat(rolledBack.status()).as(rolledBack.toString()).isEqualTo(200);
		assertThat(rolledBack.json().get("hash").asText()).isEqualTo(original);
		assertThat(rolledBack.json().get("title").asText()).isEqualTo("Task " + code);
		assertThat(pm.get(API + "/tasks/" + code + "/history").json().get("data").get(0).get("version").asInt())
			.isEqualTo(3);
		List<String> types = new ArrayList<>();
		eventsOf("task", code).forEach((e) -> types.add(e.get("event_type").asText()));
		assertThat(types).endsWith("orchestration.task.rolled_back", "orchestration.file.synced");
		JsonNode event = eventsOf("task", code).get(types.size() - 2);
		assertThat(event.at("/payload/restored_version").asInt()).isEqualTo(1);
		assertThat(Files.readString(taskFile)).as("the synced file is rewritten")
			.contains("# Task: Task " + code, "- first");
		assertThat(Files.readString(taskFile.resolveSibling(".hash")).trim()).isEqualTo(original);

		InputAndSecurityTests.refused(
				pm.post(API + "/tasks/" + code + "/rollback", "{\"hash\": \"" + "0".repeat(64) + "\"}"), 422, "hash");
		InputAndSecurityTests.refused(pm.post(API + "/tasks/" + code + "/rollback", "{\"hash\": \"../../x\"}"), 422,
				"hash");
	}

	@Test
	void anEditedTaskFileIsReportedAsDriftAndImportedBack() throws Exception {
		ApiClient pm = clientWith("PM");
		String code = unique("drift");
		createTask(pm, code, "\"metadata\": {\"objectives\": [\"one\"]}");
		pm.post(API + "/tasks/" + code + "/sync", null);
		Path file = this.properties.dataDir().resolve("delegation/tasks/" + code + "/TASK.md");
		assertThat(driftOf(pm, code)).isNull();

		Files.writeString(file,
				Files.readString(file)
					.replace("# Task: Task " + code, "# Task: Edited by hand")
					.replace("**Status**: pending", "**Status**: in_progress")
					.replace("- one", "- one\n- two"));
		assertThat(driftOf(pm, code).get("state").asText()).isEqualTo("edited");

		ApiClient.Response imported = pm.post(API + "/tasks/" + code + "/import", null);
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(imported.json().get("title").asText()).isEqualTo("Edited by hand");
		assertThat(imported.json().get("status").asText()).isEqualTo("in_progress");
		assertThat(imported.json().at("/metadata/objectives")).extracting(JsonNode::asText)
			.containsExactly("one", "two");
		assertThat(pm.get(API + "/tasks/" + code + "/history").json().get("data")).hasSize(2);
		assertThat(driftOf(pm, code)).as("the file is in sync after import").isNull();

		pm.patch(API + "/tasks/" + code, "{\"priority\": \"P0\"}");
		assertThat(driftOf(pm, code).get("state").asText()).isEqualTo("stale");
		pm.post(API + "/tasks/" + code + "/sync", null);

		Files.writeString(file, Files.readString(file).replace("**Status**: in_progress", "**Status**: someday"));
		ApiClient.Response badStatus = pm.post(API + "/tasks/" + code + "/import", null);
		InputAndSecurityTests.refused(badStatus, 422, "TASK.md:4");
		Files.writeString(file, "Task without a title\n");
		InputAndSecurityTests.refused(pm.post(API + "/tasks/" + code + "/import", null), 422, "TASK.md:1");
		assertThat(pm.get(API + "/tasks/" + code + "/history").json().get("data")).as("refused imports change nothing")
			.hasSize(3);
	}

	private JsonNode driftOf(ApiClient client, String code) {
		for (JsonNode drift : client.get(API + "/sync/status").json().get("data")) {
			if (drift.get("code").asText().equals(code)) {
				return drift;
			}
		}
		return null;
	}

	@Test
	void aBugFiledTwiceIsOneBacklogTask() {
		ApiClient agent = clientWith("AGENT");
		String title = "Login fails " + unique("on-mobile");
		ApiClient.Response first = agent.post(API + "/pm-tools/bug-report", "{\"title\": \"" + title
				+ "\", \"description\": \"Tapping Sign in does nothing\", \"priority\": \"P1\"}");
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.json().get("duplicate_of").isNull()).isTrue();
		String code = first.json().at("/task/task_code").asText();
		assertThat(first.json().at("/task/category").asText()).isEqualTo("bug");
		assertThat(first.json().at("/task/priority").asText()).isEqualTo("P1");

		ApiClient.Response again = agent.post(API + "/pm-tools/bug-report", "{\"title\": \"  " + title.toUpperCase()
				+ " \", \"description\": \"Tapping   Sign in\\ndoes nothing\"}");
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.json().get("duplicate_of").asText()).isEqualTo(code);
		assertThat(eventsOf("task", code)).hasSize(1);

		ApiClient.Response other = agent.post(API + "/pm-tools/bug-report",
				"{\"title\": \"" + title + "\", \"description\": \"Another symptom\"}");
		assertThat(other.status()).isEqualTo(201);
		InputAndSecurityTests.refused(agent.post(API + "/pm-tools/bug-report", "{\"description\": \"x\"}"), 422,
				"title");
	}

	@Test
	void decisionsAreRecordedAsNumberedAdrsThatNeverCollide() throws Exception {
		ApiClient pm = clientWith("PM");
		List<Callable<ApiClient.Response>> writes = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String title = (i == 0) ? "ADR-006: Use Event Sourcing ../../etc/passwd ${7*7}" : "Decision " + i;
			writes.add(() -> pm.post(API + "/pm-tools/adr",
					"{\"title\": \"" + title + "\", \"decision\": \"<#assign x=1>\"}"));
		}
		List<ApiClient.Response> written = run(writes);
		assertThat(written).extracting(ApiClient.Response::status).containsOnly(201);
		assertThat(written).extracting((w) -> w.json().get("number").asInt()).doesNotHaveDuplicates();
		Path adr = Path.of(written.get(0).json().get("path").asText());
		assertThat(adr.getParent()).isEqualTo(this.properties.dataDir().resolve("adr"));
		assertThat(adr.getFileName().toString()).matches("ADR-\\d{3}-use-event-sourcing-etc-passwd-7-7\\.md");
		assertThat(Files.readString(adr)).contains("# ADR-", ": Use Event Sourcing ../../etc/passwd ${7*7}",
				"**Status**: proposed", "## Decision\n<#assign x=1>");
		InputAndSecurityTests.refused(pm.post(API + "/pm-tools/adr", "{\"title\": \"t\", \"status\": \"maybe\"}"), 422,
				"status");
		InputAndSecurityTests.refused(clientWith("AGENT").post(API + "/pm-tools/adr", "{\"title\": \"t\"}"), 403, null);
	}

	@Test
	void aSprintFromATemplateComesWithItsTasksAndFiles() throws Exception {
		ApiClient pm = clientWith("PM");
		String code = unique("templated");
		ApiClient.Response created = pm.post(API + "/sprints",
				"{\"sprint_code\": \"" + code + "\", \"title\": \"From a template\", \"template\": \"default\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().at("/sprint/metadata/goal").asText()).isNotBlank();
		assertThat(created.json().get("tasks")).extracting((t) -> t.get("task_code").asText())
			.containsExactly(code + "-plan", code + "-build", code + "-docs");
		Path folder = this.properties.dataDir().resolve("delegation/sprints/" + code);
		assertThat(Files.readString(folder.resolve("SPRINT.md")))
			.contains("| `" + code + "-build` | Build the feature |");
		assertThat(Files.readString(folder.resolve(code + "-plan/TASK.md"))).contains("- Break the goal into tasks");

		String tooLong = "t" + "x".repeat(97);
		InputAndSecurityTests.refused(
				pm.post(API + "/sprints",
						"{\"sprint_code\": \"" + tooLong + "\", \"title\": \"t\", \"template\": \"default\"}"),
				422, "task_code");
		InputAndSecurityTests.refused(pm.get(API + "/sprints/" + tooLong), 404, null);
		InputAndSecurityTests.refused(
				pm.post(API + "/sprints",
						"{\"sprint_code\": \"" + unique("t") + "\", \"title\": \"t\", \"template\": \"nope\"}"),
				404, null);
		InputAndSecurityTests.refused(
				pm.post(API + "/sprints",
						"{\"sprint_code\": \"" + unique("t") + "\", \"title\": \"t\", \"template\": \"../../etc\"}"),
				400, "template");
	}

	@Test
	void completingATaskStampsCompletedAtAndReopeningClearsIt() {
		ApiClient pm = clientWith("PM");
		String code = unique("done");
		assertThat(createTask(pm, code, null).json().get("completed_at").isNull()).isTrue();
		JsonNode completed = pm.patch(API + "/tasks/" + code, "{\"status\": \"completed\"}").json();
		assertThat(completed.get("completed_at").asText()).isNotBlank();
		JsonNode reopened = pm.patch(API + "/tasks/" + code, "{\"status\": \"in_progress\"}").json();
		assertThat(reopened.get("completed_at").isNull()).isTrue();
	}

	@Test
	void tasksAreFilteredBySprintStatusAndPriority() {
		ApiClient pm = clientWith("PM");
		String sprint = unique("filter");
		createSprint(pm, sprint);
		createTask(pm, sprint + "-a", "\"sprint_code\": \"" + sprint + "\", \"priority\": \"P0\"");
		createTask(pm, sprint + "-b", "\"sprint_code\": \"" + sprint + "\", \"status\": \"blocked\"");
		createTask(pm, unique("elsewhere"), "\"priority\": \"P0\"");
		assertThat(codes(pm.get(API + "/tasks?sprint_code=" + sprint))).containsExactly(sprint + "-a", sprint + "-b");
		assertThat(codes(pm.get(API + "/tasks?sprint_code=" + sprint + "&priority=P0"))).containsExactly(sprint + "-a");
		assertThat(codes(pm.get(API + "/tasks?sprint_code=" + sprint.toUpperCase() + "&status=blocked")))
			.containsExactly(sprint + "-b");
	}

	@Test
	void tasksComeInPagesThatFollowNextAfterId() {
		ApiClient pm = clientWith("PM");
		String sprint = unique("paged");
		createSprint(pm, sprint);
		List<String> created = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			created.add(createTask(pm, sprint + "-" + i, "\"sprint_code\": \"" + sprint + "\"").json()
				.get("task_code")
				.asText());
		}
		List<JsonNode> pages = pages(pm, API + "/tasks?sprint_code=" + sprint + "&limit=2", 0, "task_code", null);
		assertThat(pages).extracting((page) -> page.get("data").size()).containsExactly(2, 2, 1);
		assertThat(pages.get(2).has("next_after_id")).as("the last page names no next page").isFalse();
		assertThat(rows(pages, "task_code")).containsExactlyElementsOf(created);
		JsonNode whole = pm.get(API + "/tasks?sprint_code=" + sprint + "&limit=5").json();
		assertThat(whole.get("data")).hasSize(5);
		assertThat(whole.has("next_after_id")).as("a page that holds just the rest is the last").isFalse();
	}

	@Test
	void sprintsAndAgentsComeInPagesInIdOrder() {
		ApiClient pm = clientWith("PM");
		List<String> sprints = List.of(unique("page-a"), unique("page-b"), unique("page-c"));
		List<String> agents = List.of(unique("page-a"), unique("page-b"), unique("page-c"));
		long firstSprint = createSprint(pm, sprints.get(0)).json().get("id").asLong();
		long firstAgent = pm.post(API + "/agents", "{\"handle\": \"" + agents.get(0) + "\"}").json().get("id").asLong();
		for (int i = 1; i < 3; i++) {
			createSprint(pm, sprints.get(i));
			pm.post(API + "/agents", "{\"handle\": \"" + agents.get(i) + "\"}");
		}
		List<JsonNode> sprintPages = pages(pm, API + "/sprints?limit=2", firstSprint - 1, "sprint_code",
				sprints.get(2));
		assertThat(rows(sprintPages, "sprint_code")).filteredOn(sprints::contains).containsExactlyElementsOf(sprints);
		List<JsonNode> agentPages = pages(pm, API + "/agents?limit=2", firstAgent - 1, "handle", agents.get(2));
		assertThat(rows(agentPages, "handle")).filteredOn(agents::contains).containsExactlyElementsOf(agents);
		assertThat(pm.get(API + "/agents").json().get("data").size()).as("100 rows by default")
			.isLessThanOrEqualTo(100);
	}

	/**
	 * Reads a list page after page from {@code afterId}, following {@code next_after_id},
	 * until the last page or the one that holds the row whose {@code field} is
	 * {@code last}; checks that the rows come in id order and each page names its last.
	 */
	private static List<JsonNode> pages(ApiClient client, String url, long afterId, String field, String last) {
		List<JsonNode> pages = new ArrayList<>();
		long after = afterId;
		while (pages.size() < 1000) {
			ApiClient.Response response = client.get(url + "&after_id=" + after);
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			JsonNode page = response.json();
			pages.add(page);
			for (JsonNode row : page.get("data")) {
				assertThat(row.get("id").asLong()).as("id order").isGreaterThan(after);
				after = row.get("id").asLong();
			}
			if (!page.has("next_after_id") || rows(List.of(page), field).contains(last)) {
				return pages;
			}
			assertThat(page.get("next_after_id").asLong()).as("the id of the page's last row").isEqualTo(after);
		}
		throw new AssertionError("no last page after 1000 pages of " + url);
	}

	private static List<String> rows(List<JsonNode> pages, String field) {
		List<String> values = new ArrayList<>();
		pages.forEach((page) -> page.get("data").forEach((row) -> values.add(row.get(field).asText())));
		return values;
	}

	@Test
	void eachEventIsWrittenInTheTransactionOfItsChange() {
		String code = unique("rollback");
		TaskDraft draft = new TaskDraft(code, "Rolled back", null, null, null, null, null, null, null, null, null);
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.tasks.create(draft);
			assertThat(count("SELECT COUNT(*) FROM orchestration_events WHERE entity_code = ?", code))
				.as("the event is written with the change")
				.isEqualTo(1);
			throw new IllegalStateException("failure after the change");
		})).hasMessage("failure after the change");
		assertThat(count("SELECT COUNT(*) FROM orchestration_tasks WHERE task_code = ?", code)).isZero();
		assertThat(count("SELECT COUNT(*) FROM orchestration_events WHERE entity_code = ?", code)).isZero();
		assertThat(count("SELECT COUNT(*) FROM entity_versions v JOIN orchestration_tasks t ON t.id = v.entity_id "
				+ "WHERE t.task_code = ?", code))
			.isZero();
		assertThat(this.admin.get(API + "/tasks/" + code).status()).isEqualTo(404);
	}

	@Test
	void concurrentCreatesOfOneCodeLetExactlyOneWin() throws Exception {
		ApiClient pm = clientWith("PM");
		String code = unique("race");
		List<Integer> statuses = inParallel(8, () -> createTask(pm, code, null).status());
		assertThat(statuses).filteredOn((s) -> s == 201).hasSize(1);
		assertThat(statuses).filteredOn((s) -> s == 409).hasSize(7);
		assertThat(eventsOf("task", code)).hasSize(1);
	}

	@Test
	void concurrentPatchesOfOneTaskLoseNoChange() throws Exception {
		ApiClient pm = clientWith("PM");
		String code = unique("merge");
		createTask(pm, code, null);
		List<Integer> statuses = new ArrayList<>();
		List<Callable<Integer>> patches = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String key = "k" + i;
			patches.add(() -> pm.patch(API + "/tasks/" + code, "{\"metadata\": {\"" + key + "\": true}}").status());
		}
		statuses.addAll(run(patches));
		assertThat(statuses).containsOnly(200);
		JsonNode task = pm.get(API + "/tasks/" + code).json();
		assertThat(task.get("metadata").size()).as("every patch's key survived").isEqualTo(8);
		JsonNode history = pm.get(API + "/tasks/" + code + "/history").json().get("data");
		assertThat(history).extracting((v) -> v.get("version").asInt()).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1);
		assertThat(eventsOf("task", code)).hasSize(9);
	}

	private int count(String sql, Object parameter) {
		return this.jdbc.sql(sql).param(parameter).query(Integer.class).single();
	}

	private static List<String> codes(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<String> codes = new ArrayList<>();
		response.json().get("data").forEach((task) -> codes.add(task.get("task_code").asText()));
		return codes;
	}

	private static <T> List<T> inParallel(int times, Callable<T> call) throws Exception {
		List<Callable<T>> calls = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			calls.add(call);
		}
		return run(calls);
	}

	private static <T> List<T> run(List<Callable<T>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			List<T> results = new ArrayList<>();
			for (Future<T> future : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static JsonNode single(JsonNode array) {
		assertThat(array).hasSize(1);
		return array.get(0);
	}

	/**
	 * Asserts that {@code actual} has every member of {@code expected}, with equal
	 * values, at any depth.
	 */
	static void assertContains(JsonNode actual, JsonNode expected, String path) {
		if (expected.isObject()) {
			Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				assertThat(actual.has(field.getKey())).as(path + "/" + field.getKey() + " present").isTrue();
				assertContains(actual.get(field.getKey()), field.getValue(), path + "/" + field.getKey());
			}
		}
		else if (expected.isArray()) {
			assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
			for (int i = 0; i < expected.size(); i++) {
				assertContains(actual.get(i), expected.get(i), path + "[" + i + "]");
			}
		}
		else if (expected.isNumber()) {
			assertThat(actual.decimalValue()).as(path).isEqualByComparingTo(expected.decimalValue());
		}
		else {
			assertThat(actual).as(path).isEqualTo(expected);
		}
	}

}

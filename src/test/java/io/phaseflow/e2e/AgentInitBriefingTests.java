package io.phaseflow.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.e2e.ApiClient.FilePart;
import io.phaseflow.files.FilesProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agent init briefs the agent in one call: its profile, the sprint's other tasks, the
 * tasks its task depends on with their statuses, its reference docs, the synced TASK.md
 * and next steps that name the task's own work. Links that would break the task graph or
 * leave the files root are refused and change nothing. The context discards its own
 * server afterwards: one test deploys a workflow.yaml of its own.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class AgentInitBriefingTests extends ApiTestSupport {

	private static final String DOC = "# Briefing API\n\nEndpoints answer in JSON — ünïcode too.\n";

	private static final int DOC_LIMIT = 16 * 1024;

	@Autowired
	FilesProperties files;

	private ApiClient pm;

	/** An agent-only token, acting for the agent whose profile init shows. */
	private ApiClient agent;

	@BeforeEach
	void pmAndAgent() {
		this.pm = clientWith("PM", "AGENT");
		this.agent = clientWith("AGENT");
	}

	@Test
	void initCarriesDependenciesReferenceDocsTheTaskFileAndNextStepsNamingTheWork() throws IOException {
		String folder = unique("refs");
		Path root = this.files.root();
		Files.createDirectories(root.resolve(folder));
		Files.writeString(root.resolve(folder + "/api.md"), DOC);
		Files.writeString(root.resolve(folder + "/big.md"), "x".repeat(DOC_LIMIT + 4000));
		String sprint = unique("sprint");
		assertThat(createSprint(this.pm, sprint).status()).isEqualTo(201);
		String done = task(sprint, "\"status\": \"completed\"");
		String pending = task(sprint, null);
		String mine = task(sprint,
				"\"metadata\": {\"depends_on\": [\"" + done.toUpperCase() + "\", \"" + pending + "\"], \"context\": [\""
						+ folder + "/api.md\", \"https://example.org/spec\", \"" + folder + "/gone.md\", \"" + folder
						+ "/big.md\"], \"objectives\": [\"Expose the briefing endpoint\"], "
						+ "\"deliverables\": [\"REST endpoints for briefings\"], "
						+ "\"acceptance_criteria\": [\"all endpoints return proper status codes\"]}");
		String dependent = task(sprint, "\"metadata\": {\"depends_on\": [\"" + mine + "\"]}");

		JsonNode view = this.pm.get(API + "/tasks/" + mine).json();
		assertThat(view.get("depends_on")).as("stored in canonical form")
			.extracting(JsonNode::asText)
			.containsExactly(done, pending);
		assertThat(view.at("/metadata/depends_on")).extracting(JsonNode::asText).containsExactly(done, pending);
		assertThat(view.get("dependents")).extracting(JsonNode::asText).containsExactly(dependent);
		assertThat(this.pm.get(API + "/tasks/" + done).json().get("dependents")).extracting(JsonNode::asText)
			.containsExactly(mine);
		assertThat(this.pm.get(API + "/tasks?sprint_code=" + sprint).json().get("data"))
			.extracting((task) -> task.get("task_code").asText() + "<-" + task.get("dependents").size())
			.containsExactly(done + "<-1", pending + "<-1", mine + "<-1", dependent + "<-0");
		assertThat(this.pm.post(API + "/tasks/" + mine + "/sync", "").status()).isEqualTo(200);

		ApiClient.Response init = this.agent.post(API + "/agent/init",
				"{\"entity_type\": \"task\", \"entity_code\": \"" + mine + "\"}");
		assertThat(init.status()).as(init.toString()).isEqualTo(200);
		String key = init.json().at("/session/key").asText();
		JsonNode context = init.json().get("context");
		assertThat(context.at("/agent/id").asLong()).as("the agent's profile").isEqualTo(this.agent.agentId());
		assertThat(context.at("/sprint/other_tasks")).extracting((line) -> line.get("code").asText())
			.containsExactly(done, pending, dependent);
		assertThat(context.get("dependencies"))
			.extracting((dependency) -> dependency.get("code").asText() + ":" + dependency.get("status").asText())
			.containsExactly(done + ":completed", pending + ":pending");
		assertThat(context.at("/dependencies/1/title").asText()).isEqualTo("Task " + pending);
		assertThat(context.get("warnings")).hasSize(1);
		assertThat(context.at("/warnings/0/field").asText()).isEqualTo("depends_on");
		assertThat(context.at("/warnings/0/message").asText()).contains(pending + " (pending)").doesNotContain(done);

		JsonNode docs = context.get("reference_docs");
		assertThat(docs).hasSize(4);
		assertThat(docs.get(0).get("path").asText()).isEqualTo(folder + "/api.md");
		assertThat(docs.get(0).get("content").asText()).isEqualTo(DOC);
		assertThat(docs.get(0).get("truncated").asBoolean()).isFalse();
		assertThat(docs.get(0).get("bytes").asLong()).isEqualTo(DOC.getBytes(StandardCharsets.UTF_8).length);
		assertThat(docs.get(1).get("url").asText()).isEqualTo("https://example.org/spec");
		assertThat(docs.get(1).has("content")).as("a web address is listed, not fetched").isFalse();
		assertThat(docs.get(2).get("missing").asBoolean()).as("a missing file is listed, not an error").isTrue();
		assertThat(docs.get(3).get("truncated").asBoolean()).isTrue();
		assertThat(docs.get(3).get("content").asText()).hasSize(DOC_LIMIT);
		assertThat(docs.get(3).get("bytes").asLong()).isEqualTo(DOC_LIMIT + 4000);

		assertThat(context.at("/files/task_md").asText()).as("the synced TASK.md").contains(mine);
		assertThat(context.at("/files/agent_yml").asText()).contains("id: " + this.agent.agentId());
		JsonNode assembled = lastOf(this.pm.get(API + "/events/session/" + key).json().get("data"),
				"orchestration.context.assembled");
		assertThat(assembled.at("/payload/session_key").asText()).isEqualTo(key);
		assertThat(assembled.at("/payload/phase").asText()).isEqualTo("intake");
		assertThat(assembled.at("/payload/trigger").asText()).isEqualTo("init");
		assertThat(assembled.at("/payload/sections")).extracting(JsonNode::asText)
			.contains("task", "agent", "dependencies", "reference_docs", "warnings");
		assertThat(assembled.at("/payload/reference_doc_bytes").asLong()).isGreaterThan(DOC_LIMIT);

		SessionDriver sessions = SessionDriver.with(this.pm, this.agent);
		for (String artifact : new String[] { "TASK.md", "CONTEXT.md", "PLAN.md" }) {
			sessions.putArtifact(key, artifact);
			ApiClient.Response completed = sessions.complete(key, "{}");
			assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
		}
		JsonNode execute = this.agent.get(API + "/sessions/" + key + "/context").json();
		assertThat(execute.at("/session/current_phase").asText()).isEqualTo("execute");
		assertThat(execute.at("/context/next_steps")).extracting(JsonNode::asText)
			.contains("Objective: Expose the briefing endpoint", "Deliver: REST endpoints for briefings",
					"Write CHANGES.md and submit it as an artifact")
			.hasSizeLessThanOrEqualTo(8);
		assertThat(execute.at("/instructions/next_actions")).extracting(JsonNode::asText)
			.contains("Objective: Expose the briefing endpoint");
		sessions.putArtifact(key, "CHANGES.md");
		assertThat(sessions.complete(key, "{}").status()).isEqualTo(200);
		JsonNode review = this.agent.get(API + "/sessions/" + key + "/context").json();
		assertThat(review.at("/context/next_steps")).extracting(JsonNode::asText)
			.contains("Check: all endpoints return proper status codes")
			.noneMatch((step) -> step.startsWith("Deliver: "));
	}

	@Test
	void initContinuesOrTakesOverTheSessionWithWhatHappenedSoFar() {
		String task = task(null, "\"metadata\": {\"acceptance_criteria\": [\"search finds every task\"]}");
		String key = init(this.agent, task, "").json().at("/session/key").asText();
		String content = "# TASK.md\n\nSuche für alle Aufgaben\n";
		assertThat(this.agent
			.post(API + "/sessions/" + key + "/artifacts",
					"{\"name\": \"TASK.md\", \"content\": \"" + content.replace("\n", "\\n") + "\"}")
			.status()).isEqualTo(201);
		note(this.agent, key, "update", "Found the index");
		assertThat(this.agent.post(API + "/sessions/" + key + "/phase-complete", "{}").status()).isEqualTo(200);
		assertThat(
				this.agent.post(API + "/sessions/" + key + "/activity", "{\"activity_type\": \"tests_run\"}").status())
			.isEqualTo(201);
		note(this.agent, key, "note", "The index needs a migration");
		List<String> lastThree = List.of("note: The index needs a migration", "logged tests_run",
				"completed intake (moved to research)");

		// reads and inits between the actions crowd none of them out
		this.agent.get(API + "/sessions/" + key + "/context");
		JsonNode again = init(this.agent, task, "").json();
		assertThat(again.at("/session/key").asText()).isEqualTo(key);
		assertThat(again.at("/session/continued").asBoolean()).isTrue();
		assertThat(again.at("/session/taken_over").asBoolean()).isFalse();
		JsonNode own = again.get("context");
		assertThat(own.get("last_actions")).extracting((action) -> action.get("text").asText())
			.containsExactlyElementsOf(lastThree);
		assertThat(own.get("previous_agent").isNull()).isTrue();

		ApiClient relief = clientWith("AGENT");
		ApiClient.Response held = init(relief, task, "");
		InputAndSecurityTests.refused(held, 409, null);
		JsonNode problem = held.json();
		String handle = this.pm.get(API + "/agents/" + this.agent.agentId()).json().get("handle").asText();
		assertThat(problem.at("/held_by/id").asLong()).isEqualTo(this.agent.agentId());
		assertThat(problem.at("/held_by/handle").asText()).isEqualTo(handle);
		assertThat(problem.get("session_key").asText()).isEqualTo(key);
		assertThat(problem.get("held_since").asText()).isNotBlank();
		assertThat(problem.get("last_activity_at").asText()).isNotBlank();
		assertThat(problem.get("detail").asText()).contains(handle, "take_over");
		assertThat(problem.at("/next/action").asText()).isEqualTo("take_over");
		assertThat(problem.at("/next/task_code").asText()).isEqualTo(task);
		assertThat(problem.get("next_step").asText()).contains("/agent/init", "\"take_over\": true",
				"\"expected_agent_id\": " + this.agent.agentId());
		InputAndSecurityTests.refused(init(relief, task, ", \"expected_agent_id\": " + this.agent.agentId()), 422,
				"expected_agent_id");
		InputAndSecurityTests.refused(init(relief, task, ", \"take_over\": true, \"agent_id\": " + newAgent(this.pm)),
				403, "agent_id");
		assertThat(this.pm.get(API + "/sessions/" + key).json().get("agent_id").asLong()).as("nothing moved")
			.isEqualTo(this.agent.agentId());

		ApiClient.Response takenOver = init(relief, task, ", \"take_over\": true");
		assertThat(takenOver.status()).as(takenOver.toString()).isEqualTo(200);
		JsonNode session = takenOver.json().get("session");
		assertThat(session.get("key").asText()).isEqualTo(key);
		assertThat(session.get("agent_id").asLong()).isEqualTo(relief.agentId());
		assertThat(session.get("continued").asBoolean()).isTrue();
		assertThat(session.get("taken_over").asBoolean()).isTrue();
		JsonNode context = takenOver.json().get("context");
		assertThat(context.at("/previous_agent/id").asLong()).isEqualTo(this.agent.agentId());
		assertThat(context.at("/previous_agent/handle").asText()).isEqualTo(handle);
		assertThat(context.at("/task/metadata/acceptance_criteria/0").asText()).isEqualTo("search finds every task");
		assertThat(context.get("last_actions")).as("the take-over and the inits are no actions")
			.extracting((action) -> action.get("text").asText())
			.containsExactlyElementsOf(lastThree);
		assertThat(context.get("notes")).as("latest first")
			.extracting((note) -> note.get("kind").asText() + ": " + note.get("text").asText())
			.containsExactly("note: The index needs a migration", "update: Found the index");
		JsonNode artifact = context.at("/artifacts/0");
		assertThat(context.get("artifacts")).hasSize(1);
		assertThat(artifact.get("name").asText()).isEqualTo("TASK.md");
		assertThat(artifact.get("phase").asText()).isEqualTo("intake");
		assertThat(artifact.get("bytes").asLong()).isEqualTo(content.getBytes(StandardCharsets.UTF_8).length);
		assertThat(artifact.get("content_hash").asText()).hasSize(64);
		assertThat(artifact.has("content")).as("names, not content").isFalse();

		InputAndSecurityTests.refused(
				this.agent.post(API + "/sessions/" + key + "/notes", "{\"kind\": \"note\", \"text\": \"still here\"}"),
				409, null);
		ApiClient late = clientWith("AGENT");
		ApiClient.Response raced = init(late, task,
				", \"take_over\": true, \"expected_agent_id\": " + this.agent.agentId());
		InputAndSecurityTests.refused(raced, 409, "expected_agent_id");
		assertThat(this.pm.get(API + "/sessions/" + key).json().get("agent_id").asLong())
			.as("a take-over from an agent that no longer holds it changes nothing")
			.isEqualTo(relief.agentId());
	}

	@Test
	void linksThatBreakTheGraphOrLeaveTheFilesRootAreRefusedAndChangeNothing() {
		String first = task(null, null);
		String second = task(null, "\"metadata\": {\"depends_on\": [\"" + first + "\"]}");
		String third = task(null, "\"metadata\": {\"depends_on\": [\"" + second + "\"]}");
		String firstHash = hash(first);
		String thirdHash = hash(third);
		int firstVersions = versions(first);

		refused(first, "{\"metadata\": {\"depends_on\": [\"" + third + "\"]}}", "metadata.depends_on", "cycle");
		refused(first, "{\"metadata\": {\"depends_on\": [\"" + first + "\"]}}", "metadata.depends_on[0]", "itself");
		refused(first, "{\"metadata\": {\"depends_on\": [\"no-such-" + first + "\"]}}", "metadata.depends_on",
				"names no task");
		refused(third, "{\"metadata\": {\"depends_on\": [\"" + second + "\", \"" + second.toUpperCase() + "\"]}}",
				"metadata.depends_on[1]", "twice");
		refused(first, "{\"metadata\": {\"depends_on\": \"" + second + "\"}}", "metadata.depends_on", "list");
		refused(first, "{\"metadata\": {\"context\": [\"../secrets.txt\"]}}", "metadata.context[0]", "leave");
		refused(first, "{\"metadata\": {\"context\": [\"docs/../../x.md\"]}}", "metadata.context[0]", "leave");
		refused(first, "{\"metadata\": {\"context\": [\"/etc/passwd\"]}}", "metadata.context[0]", "absolute");
		refused(first, "{\"metadata\": {\"context\": [42]}}", "metadata.context[0]", "URL");
		assertThat(hash(first)).as("every refusal changed nothing").isEqualTo(firstHash);
		assertThat(hash(third)).isEqualTo(thirdHash);
		assertThat(versions(first)).isEqualTo(firstVersions);

		String self = unique("task");
		ApiClient.Response created = createTask(this.pm, self, "\"metadata\": {\"depends_on\": [\"" + self + "\"]}");
		InputAndSecurityTests.refused(created, 422, "metadata.depends_on[0]");
		assertThat(this.pm.get(API + "/tasks/" + self).status()).as("not created").isEqualTo(404);

		ApiClient.Response same = this.pm.patch(API + "/tasks/" + third,
				"{\"metadata\": {\"depends_on\": [\"" + second.toUpperCase() + "\"]}}");
		assertThat(same.status()).as(same.toString()).isEqualTo(200);
		assertThat(hash(third)).as("the same dependency in another case is no change").isEqualTo(thirdHash);
	}

	@Test
	void requireDependenciesCompletedRefusesInitBeforeASessionBegins() {
		String shipped = resource("workflow/workflow.yaml");
		String workflow = shipped.replace("require_dependencies_completed: false",
				"require_dependencies_completed: true");
		assertThat(workflow).isNotEqualTo(shipped);
		WorkflowDeploymentTests.deployedBy(this.admin, WorkflowDeploymentTests.SHIPPED_PROCESS,
				new FilePart("workflow", "workflow.yaml", workflow));
		try {
			assertThat(this.pm.get(API + "/workflow").json().at("/settings/require_dependencies_completed").asBoolean())
				.isTrue();
			String dependency = task(null, null);
			String mine = task(null, "\"metadata\": {\"depends_on\": [\"" + dependency
					+ "\"], \"acceptance_criteria\": [\"it works\"]}");
			String hash = hash(mine);
			ApiClient.Response init = this.agent.post(API + "/agent/init",
					"{\"entity_type\": \"task\", \"entity_code\": \"" + mine + "\"}");
			InputAndSecurityTests.refused(init, 409, "depends_on");
			assertThat(init.json().get("detail").asText()).contains(dependency + " (pending)");
			assertThat(init.json().at("/open_dependencies/0/code").asText()).isEqualTo(dependency);
			InputAndSecurityTests.refused(
					this.agent.post(API + "/sessions",
							"{\"task_code\": \"" + mine + "\", \"agent_id\": " + this.agent.agentId() + "}"),
					409, "depends_on");
			assertThat(this.pm.get(API + "/sessions?task_code=" + mine).json().get("data"))
				.as("no session, however it is started")
				.isEmpty();
			assertThat(hash(mine)).as("the task did not move").isEqualTo(hash);

			ApiClient.Response done = this.pm.post(API + "/pm-tools/task-status", "{\"task_code\": \"" + dependency
					+ "\", \"status\": \"completed\", \"notes\": \"Done elsewhere\", \"force\": true}");
			assertThat(done.status()).as(done.toString()).isEqualTo(200);
			ApiClient.Response ready = this.agent.post(API + "/agent/init",
					"{\"entity_type\": \"task\", \"entity_code\": \"" + mine + "\"}");
			assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
			assertThat(ready.json().at("/context/warnings")).isEmpty();

			ApiClient.Response reopened = this.pm.patch(API + "/tasks/" + dependency, "{\"status\": \"pending\"}");
			assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);
			ApiClient.Response again = this.agent.post(API + "/agent/init",
					"{\"entity_type\": \"task\", \"entity_code\": \"" + mine + "\"}");
			assertThat(again.status()).as("a running session goes on: " + again).isEqualTo(200);
			assertThat(again.json().at("/session/continued").asBoolean()).isTrue();
			assertThat(again.json().at("/context/warnings").toString()).contains(dependency);
		}
		finally {
			WorkflowDeploymentTests.deployedBy(this.admin, WorkflowDeploymentTests.SHIPPED_PROCESS,
					WorkflowDeploymentTests.SHIPPED_WORKFLOW);
		}
	}

	private String task(String sprint, String extraJson) {
		String code = unique("task");
		String extra = "\"description\": \"Build it\""
				+ ((sprint != null) ? ", \"sprint_code\": \"" + sprint + "\"" : "")
				+ ((extraJson != null) ? ", " + extraJson : "");
		if (extraJson == null || !extraJson.contains("\"metadata\"")) {
			extra += ", \"metadata\": {\"acceptance_criteria\": [\"it works\"]}";
		}
		ApiClient.Response created = createTask(this.pm, code, extra);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return code;
	}

	/** Agent init on the task, with {@code extraJson} (", …" or "") in its body. */
	private static ApiClient.Response init(ApiClient client, String task, String extraJson) {
		return client.post(API + "/agent/init",
				"{\"entity_type\": \"task\", \"entity_code\": \"" + task + "\"" + extraJson + "}");
	}

	private static void note(ApiClient client, String key, String kind, String text) {
		ApiClient.Response written = client.post(API + "/sessions/" + key + "/notes",
				"{\"kind\": \"" + kind + "\", \"text\": \"" + text + "\"}");
		assertThat(written.status()).as(written.toString()).isEqualTo(201);
	}

	private void refused(String task, String patch, String field, String says) {
		ApiClient.Response response = this.pm.patch(API + "/tasks/" + task, patch);
		InputAndSecurityTests.refused(response, 422, field);
		assertThat(response.json().get("errors").toString()).contains(says);
	}

	private String hash(String task) {
		return this.pm.get(API + "/tasks/" + task).json().get("hash").asText();
	}

	private int versions(String task) {
		return this.pm.get(API + "/tasks/" + task + "/history").json().get("data").size();
	}

}

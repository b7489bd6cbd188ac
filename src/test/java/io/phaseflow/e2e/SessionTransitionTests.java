package io.phaseflow.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.e2e.ApiClient.FilePart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PM moves a session to another phase: the process really moves (the phase instance it
 * waited in ends, the target phase's starts), back for rework or on to the next phase
 * always, past phases only where workflow.yaml's {@code allow_phase_skip} is true. Every
 * refusal is problem+json and leaves the session and its events as they were.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class SessionTransitionTests extends ApiTestSupport {

	private static final String PROCESS_API = "/process-api";

	ApiClient pm;

	ApiClient agent;

	String pmName;

	SessionDriver sessions;

	@BeforeEach
	void people() {
		this.pmName = unique("pm");
		this.pm = clientNamed(this.pmName, "PM");
		this.agent = clientWith("AGENT");
		this.sessions = SessionDriver.with(this.pm, this.agent);
	}

	@Test
	void aPmMovesASessionBackAndTheProcessFollows() throws IOException {
		String code = this.sessions.readyTask();
		String key = this.sessions.start(code, 201).get("session_key").asText();
		completeWith(key, "TASK.md");
		completeWith(key, "CONTEXT.md");
		assertThat(this.sessions.session(key).get("current_phase").asText()).isEqualTo("plan");
		int before = timeline(key).size();

		ApiClient.Response moved = transition(this.pm, key, "research", "the context misses the cache layer");
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(moved.json().get("current_phase").asText()).isEqualTo("research");
		assertThat(moved.json().get("status").asText()).isEqualTo("running");
		assertThat(moved.json().get("waiting_for").asText()).isEqualTo("agent");
		JsonNode phase = phaseInstance(moved.json().get("process_instance_id").asText());
		assertThat(this.admin
			.get(PROCESS_API + "/runtime/process-instances/" + phase.get("id").asText() + "/variables/phase")
			.json()
			.get("value")
			.asText()).as("the call activity mapped its phase in").isEqualTo("research");
		JsonNode tasks = this.admin.get(PROCESS_API + "/runtime/tasks?processInstanceId=" + phase.get("id").asText())
			.json()
			.get("data");
		assertThat(tasks).extracting((task) -> task.get("taskDefinitionKey").asText()).containsExactly("workOnPhase");
		assertThat(tasks.get(0).get("assignee").asText()).isEqualTo(String.valueOf(this.agent.agentId()));

		JsonNode timeline = timeline(key);
		assertThat(typesFrom(timeline, before)).containsExactly("orchestration.session.transitioned",
				"orchestration.phase.research.start");
		JsonNode transitioned = timeline.get(before);
		assertThat(transitioned.at("/payload/from_phase").asText()).isEqualTo("plan");
		assertThat(transitioned.at("/payload/to_phase").asText()).isEqualTo("research");
		assertThat(transitioned.at("/payload/reason").asText()).isEqualTo("the context misses the cache layer");
		assertThat(transitioned.at("/payload/by").asText()).isEqualTo(this.pmName);
		assertThat(transitioned.at("/payload/direction").asText()).isEqualTo("back");
		assertThat(transitioned.get("correlation_id").asText()).as("in the session's scope")
			.isEqualTo(timeline.get(0).get("correlation_id").asText());
		JsonNode history = this.sessions.session(key).get("phase_history");
		assertThat(history).extracting((entry) -> entry.get("phase").asText()).containsExactly("intake", "research");
		assertThat(history.get(1).has("reopened_at")).as("the earlier pass is kept, reopened").isTrue();
		assertThat(Files.readString(this.properties.dataDir().resolve("delegation/tasks/" + code + "/TASK.md")))
			.as("TASK.md shows the move")
			.contains("**Phase**: research\n", "**Done**: intake\n");

		int reworked = timeline(key).size();
		completeWith(key, "CONTEXT.md");
		assertThat(typesFrom(timeline(key), reworked)).as("research is completed again, as the first time")
			.contains("orchestration.phase.research.end", "orchestration.phase.plan.start");
		completeWith(key, "PLAN.md");
		JsonNode after = this.sessions.session(key);
		assertThat(after.get("current_phase").asText()).isEqualTo("execute");
		assertThat(after.get("phase_history")).extracting((entry) -> entry.get("phase").asText())
			.containsExactly("intake", "research", "research", "plan");
	}

	@Test
	void movingForwardPastAPhaseNeedsAllowPhaseSkip() {
		String key = this.sessions.start(this.sessions.readyTask(), 201).get("session_key").asText();
		JsonNode problem = unchangedBy(key, transition(this.pm, key, "plan", "research done elsewhere"), 409);
		assertThat(problem.get("detail").asText()).contains("would skip research", "allow_phase_skip is false");
		assertThat(problem.get("skipped_phases")).extracting(JsonNode::asText).containsExactly("research");

		ApiClient.Response next = transition(this.pm, key, "research", "intake agreed in the meeting");
		assertThat(next.status()).as("the next phase needs no setting: " + next).isEqualTo(200);
		assertThat(this.sessions.session(key).get("phase_history")).as("a phase left by a transition is not completed")
			.isEmpty();

		deployWorkflow(resource("workflow/workflow.yaml").replace("allow_phase_skip: false", "allow_phase_skip: true"));
		try {
			int before = timeline(key).size();
			ApiClient.Response skipped = transition(this.pm, key, "review", "hotfix: already built and tested");
			assertThat(skipped.status()).as(skipped.toString()).isEqualTo(200);
			assertThat(skipped.json().get("current_phase").asText()).isEqualTo("review");
			JsonNode timeline = timeline(key);
			assertThat(typesFrom(timeline, before)).containsExactly("orchestration.session.transitioned",
					"orchestration.phase.plan.skipped", "orchestration.phase.execute.skipped",
					"orchestration.phase.review.start");
			assertThat(timeline.get(before).at("/payload/skipped_phases")).extracting(JsonNode::asText)
				.containsExactly("plan", "execute");
			assertThat(timeline.get(before + 1).at("/payload/reason").asText())
				.isEqualTo("hotfix: already built and tested");
			assertThat(this.sessions.session(key).get("phase_history")).as("skipped phases stay out of the history")
				.isEmpty();
			this.sessions.putArtifact(key, "REVIEW.md");
			ApiClient.Response passed = this.sessions.complete(key, "{\"qa_status\": \"qa_passed\"}");
			assertThat(passed.status()).as(passed.toString()).isEqualTo(200);
			assertThat(this.sessions.session(key).get("current_phase").asText()).isEqualTo("close");
		}
		finally {
			deployWorkflow(resource("workflow/workflow.yaml"));
		}
	}

	@Test
	void refusalsChangeNothing() {
		String key = this.sessions.start(this.sessions.readyTask(), 201).get("session_key").asText();
		completeWith(key, "TASK.md");
		unchangedBy(key, transition(this.agent, key, "intake", "redo"), 403);
		unchangedBy(key, transition(clientWith("REVIEWER"), key, "intake", "redo"), 403);
		assertThat(unchangedBy(key, transition(this.pm, key, "deploy", "redo"), 422).get("errors"))
			.extracting((error) -> error.get("field").asText())
			.containsExactly("to_phase");
		assertThat(
				unchangedBy(key, this.pm.post(API + "/sessions/" + key + "/transition", "{\"to_phase\": \"intake\"}"),
						422)
					.get("errors"))
			.extracting((error) -> error.get("field").asText())
			.containsExactly("reason");
		assertThat(unchangedBy(key, transition(this.pm, key, "research", "again"), 409).get("detail").asText())
			.contains("is in phase research already");
		InputAndSecurityTests.refused(transition(this.pm, "sess-no-such", "intake", "redo"), 404, null);

		assertThat(this.agent.post(API + "/sessions/" + key + "/pause", null).status()).isEqualTo(200);
		unchangedBy(key, transition(this.pm, key, "intake", "redo"), 409);
		assertThat(this.agent.post(API + "/sessions/" + key + "/resume", null).status()).isEqualTo(200);
		assertThat(this.agent.post(API + "/sessions/" + key + "/terminate", "{\"reason\": \"done\"}").status())
			.isEqualTo(200);
		assertThat(unchangedBy(key, transition(this.pm, key, "intake", "redo"), 409).get("detail").asText())
			.contains("terminated");
	}

	@Test
	void aMoveCancelsTheOverrideWaitingForAReviewer() {
		String key = this.sessions.awaitingOverrideApproval("the plan was agreed on a call")
			.get("session_key")
			.asText();
		ApiClient reviewer = clientWith("REVIEWER");
		assertThat(pendingFor(reviewer, key)).isEqualTo(1);

		ApiClient.Response moved = transition(this.admin, key, "research", "the plan needs more context");
		assertThat(moved.status()).as("an ADMIN may too: " + moved).isEqualTo(200);
		assertThat(moved.json().get("status").asText()).isEqualTo("running");
		assertThat(moved.json().get("current_phase").asText()).isEqualTo("research");
		assertThat(pendingFor(reviewer, key)).as("the override went with its phase").isZero();
		assertThat(moved.json().get("override").isNull()).as("nothing is left for the agent to wait for").isTrue();
		assertThat(lastOf(timeline(key), "orchestration.session.transitioned").at("/payload/override_cancelled")
			.asBoolean()).isTrue();
		completeWith(key, "CONTEXT.md");
		assertThat(this.sessions.session(key).get("current_phase").asText()).isEqualTo("plan");
	}

	@Test
	void tasksAndSprintsAreNamedByIdAsByCode() {
		String code = this.sessions.readyTask();
		JsonNode task = this.pm.get(API + "/tasks/" + code).json();
		ApiClient.Response byId = this.pm.get(API + "/tasks/" + task.get("id").asText());
		assertThat(byId.status()).as(byId.toString()).isEqualTo(200);
		assertThat(byId.json()).isEqualTo(task);
		InputAndSecurityTests.refused(this.pm.get(API + "/tasks/987654321"), 404, null);
		ApiClient.Response patched = this.pm.send("PATCH", API + "/tasks/" + task.get("id").asText(),
				"{\"priority\": \"P1\"}");
		assertThat(patched.status()).as("every task path takes the id: " + patched).isEqualTo(200);
		assertThat(patched.json().get("task_code").asText()).isEqualTo(code);
		ApiClient.Response synced = this.pm.post(API + "/tasks/" + task.get("id").asText() + "/sync", "");
		assertThat(synced.status()).as(synced.toString()).isEqualTo(200);

		String sprint = unique("sprint");
		JsonNode created = createSprint(this.pm, sprint).json();
		ApiClient.Response sprintById = this.pm.get(API + "/sprints/" + created.get("id").asText());
		assertThat(sprintById.status()).as(sprintById.toString()).isEqualTo(200);
		assertThat(sprintById.json().get("sprint_code").asText()).isEqualTo(sprint);
		String numeric = String.valueOf(900_000_000L + (System.nanoTime() % 99_999_999L));
		assertThat(createTask(this.pm, numeric, null).status()).isEqualTo(201);
		assertThat(this.pm.get(API + "/tasks/" + numeric).json().get("task_code").asText())
			.as("an all-digit code names its own task first")
			.isEqualTo(numeric);
	}

	private ApiClient.Response transition(ApiClient client, String key, String phase, String reason) {
		return client.post(API + "/sessions/" + key + "/transition",
				"{\"to_phase\": \"" + phase + "\", \"reason\": " + ApiClient.quote(reason) + "}");
	}

	/**
	 * Checks a refusal: problem+json of the status, and the session and its events as
	 * they were.
	 * @return the problem
	 */
	private JsonNode unchangedBy(String key, ApiClient.Response refused, int status) {
		JsonNode before = this.sessions.session(key);
		int events = timeline(key).size();
		InputAndSecurityTests.refused(refused, status, null);
		JsonNode after = this.sessions.session(key);
		assertThat(after.get("current_phase")).isEqualTo(before.get("current_phase"));
		assertThat(after.get("status")).isEqualTo(before.get("status"));
		assertThat(after.get("phase_history")).isEqualTo(before.get("phase_history"));
		assertThat(timeline(key)).as("no events").hasSize(events);
		return refused.json();
	}

	private void completeWith(String key, String artifact) {
		this.sessions.putArtifact(key, artifact);
		ApiClient.Response completed = this.sessions.complete(key, "{}");
		assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
	}

	private JsonNode timeline(String key) {
		return this.admin.get(API + "/events/session/" + key + "?limit=1000").json().get("data");
	}

	private static List<String> typesFrom(JsonNode timeline, int from) {
		List<String> types = new ArrayList<>();
		for (int i = from; i < timeline.size(); i++) {
			String type = timeline.get(i).get("event_type").asText();
			if (!type.equals("orchestration.artifact.submitted")) {
				types.add(type);
			}
		}
		return types;
	}

	/** The one sessionPhase instance the session's process runs. */
	private JsonNode phaseInstance(String processInstanceId) {
		JsonNode instances = this.admin
			.get(PROCESS_API + "/runtime/process-instances?superProcessInstanceId=" + processInstanceId)
			.json()
			.get("data");
		assertThat(instances).hasSize(1);
		assertThat(instances.get(0).get("processDefinitionId").asText()).startsWith("sessionPhase:");
		return instances.get(0);
	}

	private static int pendingFor(ApiClient reviewer, String key) {
		int pending = 0;
		for (JsonNode candidate : reviewer.get(API + "/overrides").json().get("data")) {
			if (candidate.get("session_key").asText().equals(key)) {
				pending++;
			}
		}
		return pending;
	}

	private void deployWorkflow(String workflow) {
		WorkflowDeploymentTests.deployedBy(this.admin, WorkflowDeploymentTests.SHIPPED_PROCESS,
				new FilePart("workflow", "workflow.yaml", workflow));
	}

}

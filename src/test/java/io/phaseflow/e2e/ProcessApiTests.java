package io.phaseflow.e2e;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviewers work overrides through Flowable's own REST API at {@code /process-api}, as a
 * Flowable task UI would: with Phaseflow's tokens, only on their groups' tasks, and
 * against the task's form.
 */
abstract class ProcessApiTests extends ApiTestSupport {

	static final String PROCESS_API = "/process-api";

	SessionDriver sessions;

	String reviewerName;

	ApiClient reviewer;

	@BeforeEach
	void people() {
		this.sessions = SessionDriver.with(clientWith("PM"), clientWith("AGENT"));
		this.reviewerName = unique("reviewer");
		this.reviewer = clientNamed(this.reviewerName, "REVIEWER");
	}

	@Test
	void aReviewerFindsReadsAndApprovesAnOverrideThroughTheFlowableApi() {
		JsonNode session = this.sessions.awaitingOverrideApproval("plan agreed with the PM");
		String key = session.get("session_key").asText();

		JsonNode task = overrideTask(this.reviewer, key);
		assertThat(task).as("the reviewer finds the task by candidate group and session").isNotNull();
		assertThat(task.get("taskDefinitionKey").asText()).as("Flowable's JSON keeps its own names")
			.isEqualTo("approveOverride");
		assertThat(task.get("formKey").asText()).isEqualTo("override-approval");
		String taskId = task.get("id").asText();
		assertThat(this.reviewer.get(PROCESS_API + "/runtime/tasks/" + taskId).status()).isEqualTo(200);

		JsonNode form = this.reviewer.get(PROCESS_API + "/form/form-data?taskId=" + taskId).json();
		assertThat(form.get("formKey").asText()).isEqualTo("override-approval");
		assertThat(form.get("formProperties"))
			.extracting((field) -> field.get("id").asText() + ":" + field.get("type").asText() + ":"
					+ field.get("required").asBoolean())
			.containsExactly("decision:enum:true", "comment:string:false");
		assertThat(form.at("/formProperties/0/enumValues")).extracting((option) -> option.get("id").asText())
			.containsExactly("approve", "reject");

		ApiClient.Response approved = this.reviewer.post(PROCESS_API + "/runtime/tasks/" + taskId,
				"{\"action\": \"complete\", \"variables\": [{\"name\": \"decision\", \"value\": \"approve\"},"
						+ " {\"name\": \"comment\", \"value\": \"the plan is in the wiki\"}]}");
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

		JsonNode moved = this.sessions.session(key);
		assertThat(moved.get("current_phase").asText()).isEqualTo("execute");
		assertThat(moved.get("status").asText()).isEqualTo("running");
		JsonNode override = lastEvent(key, "orchestration.phase.override");
		assertThat(override.at("/payload/decided_by").asText()).as("Flowable's authenticated user is the caller")
			.isEqualTo(this.reviewerName);
		assertThat(override.at("/payload/comment").asText()).isEqualTo("the plan is in the wiki");
		assertThat(override.at("/payload/reason").asText()).isEqualTo("plan agreed with the PM");
	}

	/**
	 * A reviewer works one session's three override requests as a generic Flowable task
	 * client would: finds each in their queue by candidate user, reads which task, phase,
	 * checks and reason it is about, decides the first with the form, the second through
	 * Phaseflow's API and the third with a complete action, and reads back the history of
	 * each: its own reason, and one decision recorded alike whichever way it was made.
	 */
	@Test
	void aReviewerWorksOverridesLikeAGenericTaskClient() {
		JsonNode session = this.sessions.awaitingOverrideApproval("plan agreed on the phone");
		String key = session.get("session_key").asText();
		String code = session.get("task_code").asText();

		JsonNode first = myOverride(code);
		assertThat(first.get("name").asText()).isEqualTo("Override plan of " + code + ": PLAN.md missing");
		assertThat(first.get("description").asText()).contains("plan phase of " + code)
			.contains("PLAN.md is required in the plan phase")
			.contains("Reason: plan agreed on the phone");
		assertThat(first.get("priority").asInt()).as("workflow.yaml's plan: priority 60").isEqualTo(60);
		assertThat(Duration
			.between(OffsetDateTime.parse(first.get("createTime").asText()),
					OffsetDateTime.parse(first.get("dueDate").asText()))
			.toMinutes()).as("workflow.yaml's plan: due_in PT4H").isEqualTo(240);
		Map<String, JsonNode> local = variables(first.get("variables"));
		assertThat(local.get("taskCode").asText()).isEqualTo(code);
		assertThat(local.get("phase").asText()).isEqualTo("plan");
		assertThat(local.get("overrideReason").asText()).isEqualTo("plan agreed on the phone");
		assertThat(local.get("agentId").asLong()).isEqualTo(this.sessions.agentId());
		assertThat(local.get("failedChecks")).extracting((check) -> check.get("field").asText())
			.containsExactly("artifacts.PLAN.md");
		String firstId = first.get("id").asText();
		JsonNode processVariables = this.reviewer
			.get(PROCESS_API + "/runtime/tasks/" + firstId + "/variables?scope=global")
			.json();
		assertThat(processVariables.findValuesAsText("name")).as("no QA outcome before review, no process-wide reason")
			.doesNotContain("qaStatus", "overrideReason");
		JsonNode form = this.reviewer.get(PROCESS_API + "/runtime/tasks/" + firstId + "/form").json();
		assertThat(form.get("key").asText()).isEqualTo("override-approval");
		assertThat(form.get("fields")).extracting((field) -> field.get("id").asText())
			.containsExactly("decision", "comment");

		ApiClient.Response rejected = this.reviewer.post(PROCESS_API + "/form/form-data",
				"{\"taskId\": \"" + firstId
						+ "\", \"properties\": [{\"id\": \"decision\", \"value\": \"reject\"}, {\"id\": \"comment\", "
						+ "\"value\": \"write the plan\"}]}");
		assertThat(rejected.status()).as(rejected.toString()).isIn(200, 204);

		assertThat(this.sessions.complete(key, "{\"override\": true, \"reason\": \"the PM waived it\"}").status())
			.isEqualTo(202);
		String secondId = myOverride(code).get("id").asText();
		ApiClient.Response decided = this.reviewer.post(API + "/overrides/" + secondId + "/decision",
				"{\"decision\": \"reject\", \"comment\": \"ask the PM in writing\"}");
		assertThat(decided.status()).as(decided.toString()).isEqualTo(200);

		assertThat(this.sessions.complete(key, "{\"override\": true, \"reason\": \"waiver on file\"}").status())
			.isEqualTo(202);
		JsonNode third = myOverride(code);
		assertThat(variables(third.get("variables")).get("overrideReason").asText()).isEqualTo("waiver on file");
		String thirdId = third.get("id").asText();
		ApiClient.Response approved = this.reviewer.post(PROCESS_API + "/runtime/tasks/" + thirdId,
				"{\"action\": \"complete\", \"variables\": [{\"name\": \"decision\", \"value\": \"approve\"}]}");
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(this.sessions.session(key).get("current_phase").asText()).isEqualTo("execute");

		assertDecided(firstId, "plan agreed on the phone", "reject", "write the plan");
		assertDecided(secondId, "the PM waived it", "reject", "ask the PM in writing");
		assertDecided(thirdId, "waiver on file", "approve", null);
		assertThat(timeline(key)).extracting((event) -> event.get("event_type").asText())
			.as("one event per decision")
			.filteredOn((type) -> type.startsWith("orchestration.phase.override") && !type.endsWith(".requested"))
			.containsExactly("orchestration.phase.override.rejected", "orchestration.phase.override.rejected",
					"orchestration.phase.override");

		String instance = this.reviewer.get(PROCESS_API + "/history/historic-task-instances/" + firstId)
			.json()
			.get("processInstanceId")
			.asText();
		assertThat(this.reviewer.get(PROCESS_API + "/history/historic-process-instances/" + instance).status())
			.isEqualTo(200);
		JsonNode activities = this.reviewer
			.post(PROCESS_API + "/query/historic-activity-instances?size=100",
					"{\"processInstanceId\": \"" + instance + "\"}")
			.json();
		assertThat(activities.get("data")).extracting((activity) -> activity.get("activityId").asText())
			.filteredOn("approveOverride"::equals)
			.hasSize(3);
		ApiClient pm = this.sessions.pm();
		InputAndSecurityTests.refused(pm.get(PROCESS_API + "/history/historic-task-instances/" + firstId), 403, null);
		InputAndSecurityTests.refused(pm.get(PROCESS_API + "/history/historic-detail?processInstanceId=" + instance),
				403, null);
		assertThat(pm.get(PROCESS_API + "/history/historic-task-instances?processInstanceId=" + instance)
			.json()
			.get("total")
			.asInt()).as("a PM's history does not show the reviewers' tasks").isZero();
		InputAndSecurityTests.refused(this.reviewer.get(PROCESS_API + "/history/historic-detail"), 403, null);
		InputAndSecurityTests.refused(this.reviewer.get(PROCESS_API + "/history/historic-process-instances"), 403,
				null);
		InputAndSecurityTests
			.refused(this.reviewer.post(PROCESS_API + "/history/historic-process-instances/" + instance + "/comments",
					"{\"message\": \"x\"}"), 403, null);
	}

	@Test
	void aQueueByCandidateUserIsTheQueueOfThatUsersGroups() {
		JsonNode session = this.sessions.awaitingOverrideApproval("queue");
		String code = session.get("task_code").asText();
		String taskCode = "{\"name\": \"taskCode\", \"value\": \"" + code
				+ "\", \"operation\": \"equals\", \"type\": \"string\"}";
		for (String filter : List.of("\"candidateUser\": \"" + this.reviewerName + "\"",
				"\"candidateOrAssigned\": \"" + this.reviewerName + "\"")) {
			assertThat(this.reviewer
				.post(PROCESS_API + "/query/tasks", "{" + filter + ", \"taskVariables\": [" + taskCode + "]}")
				.json()
				.get("total")
				.asInt()).as(filter).isEqualTo(1);
			assertThat(this.admin
				.post(PROCESS_API + "/query/tasks", "{" + filter + ", \"taskVariables\": [" + taskCode + "]}")
				.json()
				.get("total")
				.asInt()).as("an ADMIN sees the reviewer's queue: " + filter).isEqualTo(1);
		}
		assertThat(this.reviewer.get(PROCESS_API + "/runtime/tasks?candidateUser=" + this.reviewerName)
			.json()
			.get("total")
			.asInt()).as("GET works alike").isPositive();
		String pmName = unique("pm");
		clientNamed(pmName, "PM");
		assertThat(this.admin
			.post(PROCESS_API + "/query/tasks",
					"{\"candidateUser\": \"" + pmName + "\", \"taskVariables\": [" + taskCode + "]}")
			.json()
			.get("total")
			.asInt()).as("a PM's queue has no override").isZero();
	}

	@Test
	void aFormSubmissionRejectsTheOverrideAndTheAgentWorksOnThePhaseAgain() {
		String key = this.sessions.awaitingOverrideApproval("no time").get("session_key").asText();
		String taskId = overrideTask(this.reviewer, key).get("id").asText();
		ApiClient.Response rejected = this.reviewer.post(PROCESS_API + "/form/form-data",
				"{\"taskId\": \"" + taskId
						+ "\", \"properties\": [{\"id\": \"decision\", \"value\": \"reject\"}, {\"id\": \"comment\","
						+ " \"value\": \"write the plan\"}]}");
		assertThat(rejected.status()).as(rejected.toString()).isIn(200, 204);
		JsonNode session = this.sessions.session(key);
		assertThat(session.get("current_phase").asText()).isEqualTo("plan");
		assertThat(session.get("waiting_for").asText()).isEqualTo("agent");
		JsonNode rejection = lastEvent(key, "orchestration.phase.override.rejected");
		assertThat(rejection.at("/payload/comment").asText()).isEqualTo("write the plan");
		assertThat(rejection.at("/payload/decided_by").asText()).isEqualTo(this.reviewerName);
	}

	@Test
	void onlyTheTasksPeopleMayActAndOnlyThroughTheForm() {
		String key = this.sessions.awaitingOverrideApproval("trust me").get("session_key").asText();
		String taskId = overrideTask(this.reviewer, key).get("id").asText();
		String instanceId = overrideTask(this.admin, key).get("processInstanceId").asText();
		String task = PROCESS_API + "/runtime/tasks/" + taskId;

		ApiClient pm = this.sessions.pm();
		assertThat(overrideTask(pm, key)).as("a PM's task list does not show the reviewers' task").isNull();
		InputAndSecurityTests.refused(pm.get(task), 403, null);
		InputAndSecurityTests.refused(pm.get(PROCESS_API + "/form/form-data?taskId=" + taskId), 403, null);
		InputAndSecurityTests.refused(pm.post(task, complete("approve")), 403, null);
		InputAndSecurityTests
			.refused(
					pm.post(PROCESS_API + "/form/form-data",
							"{\"taskId\": \"" + taskId
									+ "\", \"properties\": [{\"id\": \"decision\", \"value\": \"approve\"}]}"),
					403, null);
		InputAndSecurityTests.refused(this.sessions.agent().get(PROCESS_API + "/runtime/process-instances"), 403, null);
		InputAndSecurityTests.refused(this.admin.as(null).get(task), 401, null);

		ApiClient.Response stray = this.reviewer.post(task,
				"{\"action\": \"complete\", \"variables\": [{\"name\": \"decision\", \"value\": \"approve\"},"
						+ " {\"name\": \"approvedBy\", \"value\": \"the CEO\"}]}");
		InputAndSecurityTests.refused(stray, 400, "approvedBy");
		InputAndSecurityTests.refused(this.reviewer.post(task, "{\"action\": \"complete\", \"variables\": "
				+ "[{\"name\": \"comment\", \"value\": \"no decision\"}]}"), 400, "decision");
		InputAndSecurityTests.refused(this.reviewer.post(task, complete("maybe")), 400, "decision");
		InputAndSecurityTests.refused(this.reviewer.post(task, "{\"action\": \"complete\"}"), 400, "decision");
		InputAndSecurityTests
			.refused(
					this.reviewer.post(PROCESS_API + "/form/form-data",
							"{\"taskId\": \"" + taskId
									+ "\", \"properties\": [{\"id\": \"comment\", \"value\": \"x\"}]}"),
					400, "decision");
		InputAndSecurityTests.refused(this.reviewer.post(PROCESS_API + "/form/form-data", "{\"taskId\": \"" + taskId
				+ "\", \"properties\": [{\"id\": \"decision\", \"value\": \"approve\"}, {\"id\": \"x\", \"value\": \"y\"}]}"),
				400, "x");
		InputAndSecurityTests.refused(this.reviewer.post(task, "{\"action\": \"complete\", \"bogus\": 1}"), 400, null);
		InputAndSecurityTests.refused(this.reviewer.post(task, "{not json"), 400, null);

		JsonNode variables = this.admin.get(PROCESS_API + "/runtime/process-instances/" + instanceId + "/variables")
			.json();
		assertThat(variables.findValuesAsText("name")).as("nothing refused was stored")
			.doesNotContain("approvedBy", "decision", "comment", "x");
		assertThat(this.reviewer.get(task).status()).as("the task still waits").isEqualTo(200);
		assertThat(this.sessions.session(key).get("status").asText()).isEqualTo("awaiting_override");
	}

	@Test
	void theAgentsPhaseWorkAndSessionStartsStayWithPhaseflow() {
		String key = this.sessions.start(this.sessions.readyTask(), 201).get("session_key").asText();
		JsonNode work = this.admin
			.post(PROCESS_API + "/query/tasks",
					"{\"taskDefinitionKey\": \"workOnPhase\", \"processInstanceVariables\": "
							+ "[{\"name\": \"sessionKey\", \"value\": \"" + key
							+ "\", \"operation\": \"equals\", \"type\": \"string\"}]}")
			.json()
			.get("data")
			.get(0);
		InputAndSecurityTests.refused(this.admin.post(PROCESS_API + "/runtime/tasks/" + work.get("id").asText(),
				"{\"action\": \"complete\"}"), 403, null);
		InputAndSecurityTests.refused(this.admin.post(PROCESS_API + "/runtime/process-instances",
				"{\"processDefinitionKey\": \"agentTaskSession\"}"), 403, null);
		assertThat(this.sessions.session(key).get("current_phase").asText()).isEqualTo("intake");

		JsonNode instance = this.admin.get(PROCESS_API + "/runtime/process-instances?businessKey=" + key)
			.json()
			.get("data")
			.get(0);
		assertThat(instance.get("startUserId").isNull()).as("the engine knows who started the session").isFalse();
		ApiClient.Response unknown = this.reviewer.get(PROCESS_API + "/runtime/tasks/no-such-task");
		InputAndSecurityTests.refused(unknown, 404, null);
		assertThat(unknown.body()).doesNotContain("Exception", "\tat ", "SELECT");
	}

	@Test
	void twoReviewersDecidingAtOnceGetOneDecision() throws Exception {
		String key = this.sessions.awaitingOverrideApproval("race").get("session_key").asText();
		String taskId = overrideTask(this.reviewer, key).get("id").asText();
		ApiClient other = clientWith("REVIEWER");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<Integer>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < 8; i++) {
				ApiClient client = (i % 2 == 0) ? this.reviewer : other;
				String body = complete((i % 2 == 0) ? "approve" : "reject");
				Callable<Integer> decide = () -> client.post(PROCESS_API + "/runtime/tasks/" + taskId, body).status();
				answers.add(pool.submit(decide));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get(60, TimeUnit.SECONDS));
			}
			assertThat(statuses).as("one decision wins; the others lose with 409 or find the task gone")
				.containsOnlyOnce(200)
				.allMatch((status) -> status == 200 || status == 409 || status == 404);
		}
		finally {
			pool.shutdownNow();
		}
		long decisions = 0;
		for (JsonNode event : timeline(key)) {
			String type = event.get("event_type").asText();
			if (type.equals("orchestration.phase.override") || type.equals("orchestration.phase.override.rejected")) {
				decisions++;
			}
		}
		assertThat(decisions).isEqualTo(1);
	}

	/**
	 * The override task of the given task code in the reviewer's queue (by candidate
	 * user), with its local variables.
	 */
	private JsonNode myOverride(String taskCode) {
		ApiClient.Response found = this.reviewer.post(PROCESS_API + "/query/tasks",
				"{\"candidateUser\": \"" + this.reviewerName + "\", \"includeTaskLocalVariables\": true, "
						+ "\"taskVariables\": [{\"name\": \"taskCode\", \"value\": \"" + taskCode
						+ "\", \"operation\": \"equals\", \"type\": \"string\"}]}");
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		assertThat(found.json().get("data")).as("the reviewer's queue holds the task's one open override").hasSize(1);
		return found.json().at("/data/0");
	}

	/**
	 * What the reviewer reads of a decided override task's history: its own request, the
	 * decision as its local variables, one submitted decision field, and its filled form.
	 */
	private void assertDecided(String taskId, String reason, String decision, String comment) {
		ApiClient.Response found = this.reviewer
			.get(PROCESS_API + "/history/historic-task-instances?taskId=" + taskId + "&includeTaskLocalVariables=true");
		assertThat(found.json().get("data")).as(found.toString()).hasSize(1);
		JsonNode task = found.json().at("/data/0");
		Map<String, JsonNode> local = variables(task.get("variables"));
		assertThat(local.get("overrideReason").asText()).as("its own request's reason").isEqualTo(reason);
		assertThat(local.get("decision").asText()).isEqualTo(decision);
		assertThat(local.get("decidedBy").asText()).isEqualTo(this.reviewerName);
		assertThat(local.containsKey("comment")).isEqualTo(comment != null);
		JsonNode details = this.reviewer.get(PROCESS_API + "/history/historic-detail?taskId=" + taskId).json();
		assertThat(details.get("data")).as("one decision recorded, whichever way it was made")
			.extracting((detail) -> detail.get("detailType").asText() + ":" + detail.get("propertyId").asText() + "="
					+ detail.get("propertyValue").asText())
			.containsExactlyInAnyOrderElementsOf(
					(comment != null) ? List.of("formProperty:decision=" + decision, "formProperty:comment=" + comment)
							: List.of("formProperty:decision=" + decision));
		JsonNode form = this.reviewer.get(PROCESS_API + "/history/historic-task-instances/" + taskId + "/form").json();
		assertThat(form.get("fields"))
			.extracting((field) -> field.get("id").asText() + "=" + field.get("value").asText())
			.containsExactly("decision=" + decision, "comment=" + ((comment != null) ? comment : "null"));
	}

	private static Map<String, JsonNode> variables(JsonNode variables) {
		Map<String, JsonNode> byName = new HashMap<>();
		variables.forEach((variable) -> byName.put(variable.get("name").asText(), variable.get("value")));
		return byName;
	}

	private static String complete(String decision) {
		return "{\"action\": \"complete\", \"variables\": [{\"name\": \"decision\", \"value\": \"" + decision + "\"}]}";
	}

	/**
	 * The session's approval task among the caller's tasks for the reviewers group, or
	 * null.
	 */
	private static JsonNode overrideTask(ApiClient client, String sessionKey) {
		ApiClient.Response found = client.post(PROCESS_API + "/query/tasks",
				"{\"candidateGroup\": \"reviewers\", \"processInstanceVariables\": [{\"name\": \"sessionKey\","
						+ " \"value\": \"" + sessionKey + "\", \"operation\": \"equals\", \"type\": \"string\"}]}");
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		JsonNode data = found.json().get("data");
		return data.isEmpty() ? null : data.get(0);
	}

	private JsonNode timeline(String key) {
		return this.admin.get(API + "/events/session/" + key).json().get("data");
	}

	private JsonNode lastEvent(String key, String type) {
		JsonNode last = null;
		for (JsonNode event : timeline(key)) {
			if (event.get("event_type").asText().equals(type)) {
				last = event;
			}
		}
		assertThat(last).as(type).isNotNull();
		return last;
	}

}

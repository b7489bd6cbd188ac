package io.phaseflow.e2e;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phaseflow.common.ContentHash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The governance rules against the attacks that once walked around them: a token acting
 * as another agent, a fenced agent writing after a hand-over, an agent approving its own
 * override (through the inbox and Flowable's REST API), claims for someone else, and
 * {@code force} skipping a reviewer. Each attack is refused with problem+json, changes
 * nothing, and leaves an {@code orchestration.access.refused} event where a PM looks.
 */
abstract class GovernanceTests extends ApiTestSupport {

	static final String PROCESS_API = ProcessApiTests.PROCESS_API;

	static final String REFUSED = "orchestration.access.refused";

	ApiClient pm;

	@BeforeEach
	void people() {
		this.pm = clientWith("PM");
	}

	@Test
	void anAgentTokenIsIssuedForOneAgent() {
		InputAndSecurityTests.refused(this.admin.post(API + "/admin/tokens",
				"{\"name\": \"" + unique("loose") + "\", \"roles\": [\"AGENT\"]}"), 422, "agent_id");
		InputAndSecurityTests.refused(
				this.admin.post(API + "/admin/tokens",
						"{\"name\": \"" + unique("ghost") + "\", \"roles\": [\"AGENT\"], \"agent_id\": 987654321}"),
				422, "agent_id");
		ApiClient.Response lead = this.admin.post(API + "/admin/tokens",
				"{\"name\": \"" + unique("lead") + "\", \"roles\": [\"PM\", \"AGENT\"]}");
		assertThat(lead.status()).as("a PM's token may act for any agent").isEqualTo(201);
	}

	@Test
	void aTokenActsOnlyAsItsOwnAgent() {
		ApiClient first = clientWith("AGENT");
		ApiClient second = clientWith("AGENT");
		SessionDriver firstSessions = SessionDriver.with(this.pm, first);
		String task = firstSessions.readyTask();

		ApiClient.Response posing = second.post(API + "/agent/init", "{\"entity_type\": \"task\", \"entity_code\": \""
				+ task + "\", \"agent_id\": " + first.agentId() + "}");
		InputAndSecurityTests.refused(posing, 403, "agent_id");
		InputAndSecurityTests.refused(second.post(API + "/sessions",
				"{\"task_code\": \"" + task + "\", \"agent_id\": " + first.agentId() + "}"), 403, "agent_id");
		assertThat(this.pm.get(API + "/sessions?task_code=" + task).json().get("data")).as("no session started")
			.isEmpty();
		assertThat(this.pm.get(API + "/tasks/" + task).json().get("status").asText()).isEqualTo("pending");
		JsonNode refusal = lastOf(eventsOf("agent", null, second.agentId()), REFUSED);
		assertThat(refusal.at("/payload/rule").asText()).isEqualTo("agent_identity");
		assertThat(refusal.at("/payload/requested_agent_id").asLong()).isEqualTo(first.agentId());

		ApiClient.Response init = first.post(API + "/agent/init",
				"{\"entity_type\": \"task\", \"entity_code\": \"" + task + "\"}");
		assertThat(init.status()).as(init.toString()).isEqualTo(200);
		assertThat(init.json().at("/session/agent_id").asLong()).as("the token's agent by default")
			.isEqualTo(first.agentId());
		String key = init.json().at("/session/key").asText();

		List<ApiClient.Response> intrusions = writesInto(second, key);
		assertThat(intrusions).allSatisfy((answer) -> {
			InputAndSecurityTests.refused(answer, 409, null);
			assertThat(answer.json().get("owner_agent_id").asLong()).isEqualTo(first.agentId());
		});
		InputAndSecurityTests.refused(
				second.post(API + "/pm-tools/task-status",
						"{\"task_code\": \"" + task + "\", \"status\": \"blocked\", \"notes\": \"mine now\"}"),
				409, null);
		assertThat(this.pm.get(API + "/tasks/" + task).json().get("status").asText())
			.as("a status report on a task in a session is its owner's")
			.isNotEqualTo("blocked");
		assertUntouched(key, "intake", "running");
		assertThat(rulesOf(key)).as("every intrusion is in the session's timeline")
			.hasSize(intrusions.size() + 1)
			.containsOnly("session_owner");
	}

	@Test
	void aPmActsForAnyAgentAndIsRecordedAsTheActor() {
		String leadName = unique("lead");
		ApiClient lead = clientNamed(leadName, "PM", "AGENT");
		ApiClient agent = clientWith("AGENT");
		String task = SessionDriver.with(this.pm, agent).readyTask();
		ApiClient.Response started = lead.post(API + "/sessions",
				"{\"task_code\": \"" + task + "\", \"agent_id\": " + agent.agentId() + "}");
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		String key = started.json().get("session_key").asText();
		JsonNode event = lastOf(this.admin.get(API + "/events/session/" + key).json().get("data"),
				"orchestration.session.started");
		assertThat(event.get("agent_id").asLong()).isEqualTo(agent.agentId());
		assertThat(event.at("/payload/actor").asText()).isEqualTo(leadName);
		assertThat(agent.post(API + "/sessions/" + key + "/notes", "{\"kind\": \"note\", \"text\": \"mine\"}").status())
			.as("the session is the agent's")
			.isEqualTo(201);
	}

	@Test
	void aHandOverFencesThePreviousOwner() {
		ApiClient crashed = clientWith("AGENT");
		ApiClient relief = clientWith("AGENT");
		SessionDriver sessions = SessionDriver.with(this.pm, crashed);
		String key = sessions.start(sessions.readyTask(), 201).get("session_key").asText();
		sessions.putArtifact(key, "TASK.md");

		InputAndSecurityTests.refused(relief.post(API + "/sessions/" + key + "/resume", "{\"agent_id\": "
				+ clientWith("AGENT").agentId() + ", \"expected_agent_id\": " + crashed.agentId() + "}"), 403,
				"agent_id");
		ApiClient.Response takenOver = relief.post(API + "/sessions/" + key + "/resume",
				"{\"expected_agent_id\": " + crashed.agentId() + "}");
		assertThat(takenOver.status()).as(takenOver.toString()).isEqualTo(200);
		assertThat(takenOver.json().get("agent_id").asLong()).isEqualTo(relief.agentId());

		List<ApiClient.Response> late = writesInto(crashed, key);
		assertThat(late).allSatisfy((answer) -> {
			InputAndSecurityTests.refused(answer, 409, null);
			assertThat(answer.json().get("detail").asText()).contains("agent " + relief.agentId(), "resuming it")
				.as("the detail speaks of the action; the REST call is the next_step's")
				.doesNotContain("/api/");
			assertThat(answer.json().at("/next/action").asText()).isEqualTo("take_over");
			assertThat(answer.json().at("/next/session_key").asText()).isEqualTo(key);
			assertThat(answer.json().at("/next/expected_agent_id").asLong()).isEqualTo(relief.agentId());
			assertThat(answer.json().get("next_step").asText()).isEqualTo("POST /api/orchestration/sessions/" + key
					+ "/resume {\"expected_agent_id\": " + relief.agentId() + "}");
		});
		assertUntouched(key, "intake", "running");
		assertThat(this.admin.get(API + "/sessions/" + key + "/artifacts").json().get("data"))
			.extracting((artifact) -> artifact.get("name").asText())
			.as("only what the first owner wrote before the hand-over")
			.containsExactly("TASK.md");

		ApiClient later = clientWith("AGENT");
		ApiClient.Response handedByPm = this.pm.as(tokenWith("PM", "AGENT"))
			.post(API + "/sessions/" + key + "/resume",
					"{\"agent_id\": " + later.agentId() + ", \"expected_agent_id\": " + relief.agentId() + "}");
		assertThat(handedByPm.status()).as("a PM hands a dead agent's session to another").isEqualTo(200);
		InputAndSecurityTests.refused(
				relief.post(API + "/sessions/" + key + "/notes", "{\"kind\": \"note\", \"text\": \"still here\"}"), 409,
				null);
		assertThat(later.post(API + "/sessions/" + key + "/phase-complete", "{}").status()).isEqualTo(200);
	}

	@Test
	void noOneDecidesAnOverrideTheirOwnAgentRequested() {
		String selfName = unique("self");
		ApiClient selfReviewing = clientNamed(selfName, "AGENT", "REVIEWER");
		SessionDriver sessions = SessionDriver.with(this.pm, selfReviewing);
		String key = sessions.awaitingOverrideApproval("I approve of myself").get("session_key").asText();
		String id = overrideId(clientWith("REVIEWER"), key);

		assertThat(selfReviewing.get(API + "/overrides").json().get("data")).as("not in the requester's inbox")
			.noneMatch((pending) -> pending.get("session_key").asText().equals(key));
		InputAndSecurityTests.refused(
				selfReviewing.post(API + "/overrides/" + id + "/decision", "{\"decision\": \"approve\"}"), 403, null);
		String task = PROCESS_API + "/runtime/tasks/" + id;
		InputAndSecurityTests.refused(selfReviewing.post(task, completeWith("approve")), 403, null);
		InputAndSecurityTests
			.refused(
					selfReviewing.post(PROCESS_API + "/form/form-data",
							"{\"taskId\": \"" + id
									+ "\", \"properties\": [{\"id\": \"decision\", \"value\": \"approve\"}]}"),
					403, null);
		InputAndSecurityTests.refused(selfReviewing.post(task, claim(selfName)), 403, null);
		ApiClient sameAgentOtherToken = clientFor(selfReviewing.agentId(), "AGENT", "REVIEWER");
		InputAndSecurityTests.refused(
				sameAgentOtherToken.post(API + "/overrides/" + id + "/decision", "{\"decision\": \"approve\"}"), 403,
				null);

		assertUntouched(key, "plan", "awaiting_override");
		assertThat(rulesOf(key)).as("a caller's repeat on one path is recorded once: complete and claim share one")
			.hasSize(4)
			.containsOnly("four_eyes");
		ApiClient.Response decided = clientWith("REVIEWER").post(API + "/overrides/" + id + "/decision",
				"{\"decision\": \"approve\", \"comment\": \"fine\"}");
		assertThat(decided.status()).as("another reviewer decides it").isEqualTo(200);
		assertThat(decided.json().get("current_phase").asText()).isEqualTo("execute");
	}

	@Test
	void claimsAreForYourselfAndBindTheDecision() {
		SessionDriver sessions = SessionDriver.with(this.pm, clientWith("AGENT"));
		String key = sessions.awaitingOverrideApproval("claims").get("session_key").asText();
		String aliceName = unique("alice");
		ApiClient alice = clientNamed(aliceName, "REVIEWER");
		ApiClient bob = clientWith("REVIEWER");
		String id = overrideId(alice, key);
		String task = PROCESS_API + "/runtime/tasks/" + id;

		InputAndSecurityTests.refused(alice.post(task, claim("nobody-at-all")), 403, null);
		assertThat(alice.post(task, claim(aliceName)).status()).isIn(200, 204);
		InputAndSecurityTests.refused(bob.post(task, claim(null)), 403, null);
		InputAndSecurityTests.refused(bob.post(task, completeWith("approve")), 409, null);
		InputAndSecurityTests.refused(bob.post(API + "/overrides/" + id + "/decision", "{\"decision\": \"approve\"}"),
				409, null);
		JsonNode listed = null;
		for (JsonNode pending : bob.get(API + "/overrides").json().get("data")) {
			if (pending.get("session_key").asText().equals(key)) {
				listed = pending;
			}
		}
		assertThat(listed).isNotNull();
		assertThat(listed.get("assignee").asText()).as("the inbox shows who claimed it").isEqualTo(aliceName);
		assertUntouched(key, "plan", "awaiting_override");

		assertThat(alice.post(task, completeWith("approve")).status()).isIn(200, 204);
		assertThat(sessions.session(key).get("current_phase").asText()).isEqualTo("execute");
	}

	@Test
	void forceNeitherBelongsToAgentsNorSkipsAReviewer() {
		ApiClient agent = clientWith("AGENT");
		SessionDriver sessions = SessionDriver.with(this.pm, agent);
		JsonNode waiting = sessions.awaitingOverrideApproval("skip the reviewer");
		String key = waiting.get("session_key").asText();
		String task = waiting.get("task_code").asText();
		String completion = "{\"task_code\": \"" + task + "\", \"status\": \"completed\", \"notes\": \"done\","
				+ " \"force\": true, \"session_key\": \"" + key + "\"}";

		InputAndSecurityTests.refused(agent.post(API + "/pm-tools/task-status", completion), 403, "force");
		ApiClient lead = this.pm.as(tokenWith("PM", "AGENT"));
		InputAndSecurityTests.refused(lead.post(API + "/pm-tools/task-status", completion), 409, null);
		InputAndSecurityTests.refused(
				lead.post(API + "/pm-tools/task-status", completion.replace(", \"session_key\": \"" + key + "\"", "")),
				409, null);
		InputAndSecurityTests.refused(agent.post(API + "/sessions/" + key + "/end", "{\"force\": true}"), 409, null);
		InputAndSecurityTests.refused(lead.post(API + "/sessions/" + key + "/end", "{\"force\": true}"), 409, null);
		assertUntouched(key, "plan", "awaiting_override");
		assertThat(this.pm.get(API + "/tasks/" + task).json().get("status").asText()).isNotEqualTo("completed");
		// fails unless the override is still in the inbox
		overrideId(clientWith("REVIEWER"), key);
		assertThat(rulesOf(key)).as("the lead's two reports on one path are recorded once")
			.hasSize(3)
			.containsOnly("pending_override");
	}

	@Test
	void completingATaskCompletesItsRunningSession() {
		ApiClient agent = clientWith("AGENT");
		SessionDriver sessions = SessionDriver.with(this.pm, agent);
		String task = sessions.readyTask();
		String key = sessions.start(task, 201).get("session_key").asText();
		ApiClient.Response completed = this.pm.as(tokenWith("PM", "AGENT"))
			.post(API + "/pm-tools/task-status", "{\"task_code\": \"" + task
					+ "\", \"status\": \"completed\", \"notes\": \"done by hand\", \"force\": true}");
		assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
		JsonNode session = sessions.session(key);
		assertThat(session.get("status").asText()).as("no session keeps running on a completed task")
			.isEqualTo("completed");
	}

	@Test
	void noWayAroundAPendingDecisionCompletesTheTask() {
		ApiClient agent = clientWith("AGENT");
		SessionDriver sessions = SessionDriver.with(this.pm, agent);
		String task = sessions.readyTask();
		assertThat(this.pm.patch(API + "/tasks/" + task, "{\"status\": \"completed\"}").status()).isEqualTo(200);
		String completedHash = this.pm.get(API + "/tasks/" + task).json().get("hash").asText();
		assertThat(this.pm.patch(API + "/tasks/" + task, "{\"status\": \"pending\"}").status()).isEqualTo(200);
		String old = sessions.start(task, 201).get("session_key").asText();
		String restarted = agent
			.post(API + "/sessions", "{\"task_code\": \"" + task + "\", \"on_active\": \"restart\"}")
			.json()
			.get("session_key")
			.asText();
		String key = waitingInPlan(sessions, restarted);
		String done = "{\"task_code\": \"" + task + "\", \"status\": \"completed\", \"notes\": \"done\"";
		ApiClient lead = this.pm.as(tokenWith("PM", "AGENT"));

		InputAndSecurityTests.refused(
				agent.post(API + "/pm-tools/task-status", done + ", \"session_key\": \"" + old + "\"}"), 409, null);
		InputAndSecurityTests.refused(lead.post(API + "/pm-tools/task-status",
				done + ", \"force\": true, " + "\"session_key\": \"" + old + "\"}"), 409, null);
		InputAndSecurityTests.refused(agent.post(API + "/sessions/" + key + "/terminate", "{\"reason\": \"oops\"}"),
				409, null);
		InputAndSecurityTests.refused(agent.post(API + "/sessions/" + key + "/fail", "{\"reason\": \"oops\"}"), 409,
				null);
		InputAndSecurityTests.refused(
				agent.post(API + "/sessions", "{\"task_code\": \"" + task + "\", \"on_active\": \"restart\"}"), 409,
				null);
		InputAndSecurityTests.refused(this.pm.patch(API + "/tasks/" + task, "{\"status\": \"completed\"}"), 409, null);
		InputAndSecurityTests.refused(
				this.pm.post(API + "/tasks/" + task + "/rollback", "{\"hash\": \"" + completedHash + "\"}"), 409, null);
		assertUntouched(key, "plan", "awaiting_override");
		assertThat(this.pm.get(API + "/tasks/" + task).json().get("status").asText()).isNotEqualTo("completed");
		assertThat(rulesOf(key)).hasSize(7).containsOnly("pending_override");

		ApiClient.Response stopped = lead.post(API + "/sessions/" + key + "/terminate", "{\"reason\": \"obsolete\"}");
		assertThat(stopped.status()).as("a PM may stop it").isEqualTo(200);
	}

	@Test
	void aTerminatedSessionIsNoWayAroundTheCompletionCheck() {
		ApiClient agent = clientWith("AGENT");
		SessionDriver sessions = SessionDriver.with(this.pm, agent);
		String task = sessions.readyTask();
		String key = sessions.start(task, 201).get("session_key").asText();
		assertThat(agent.post(API + "/sessions/" + key + "/terminate", "{}").status()).isEqualTo(200);
		InputAndSecurityTests.refused(
				agent.post(API + "/pm-tools/task-status",
						"{\"task_code\": \"" + task + "\", \"status\": \"completed\", \"notes\": \"x\"}"),
				422, "context_updates");
		assertThat(this.pm.get(API + "/tasks/" + task).json().get("status").asText()).isNotEqualTo("completed");
	}

	@Test
	void anotherAgentDoesNotReportOnATaskItDidNotWorkOnLast() {
		ApiClient agent = clientWith("AGENT");
		SessionDriver sessions = SessionDriver.with(this.pm, agent);
		String task = sessions.readyTask();
		String key = sessions.start(task, 201).get("session_key").asText();
		assertThat(agent.post(API + "/sessions/" + key + "/terminate", "{}").status()).isEqualTo(200);
		ApiClient other = clientWith("AGENT");
		InputAndSecurityTests.refused(
				other.post(API + "/pm-tools/task-status",
						"{\"task_code\": \"" + task + "\", \"status\": \"completed\", \"notes\": \"mine\"}"),
				409, null);
		assertThat(this.pm.get(API + "/tasks/" + task).json().get("status").asText()).isNotEqualTo("completed");
		assertThat(
				agent
					.post(API + "/pm-tools/task-status",
							"{\"task_code\": \"" + task
									+ "\", \"status\": \"blocked\", \"notes\": \"waiting on infra\"}")
					.status())
			.as("the agent of its last session may")
			.isEqualTo(200);
	}

	@Test
	void phaseflowsProcessVariablesAreNotWrittenThroughFlowable() {
		SessionDriver sessions = SessionDriver.with(this.pm, clientWith("AGENT"));
		String key = sessions.awaitingOverrideApproval("variables").get("session_key").asText();
		String id = overrideId(clientWith("REVIEWER"), key);
		String instance = this.admin.get(PROCESS_API + "/runtime/tasks/" + id).json().get("processInstanceId").asText();
		String variables = PROCESS_API + "/runtime/process-instances/" + instance + "/variables";
		for (String name : List.of("overrideRequestedBy", "overrideRequestedByAgent", "sessionKey", "agentAssignee")) {
			InputAndSecurityTests.refused(this.admin.put(variables,
					"[{\"name\": \"" + name + "\", \"type\": \"string\", \"value\": \"someone\"}]"), 403, null);
		}
		InputAndSecurityTests.refused(
				this.admin.post(variables, "[{\"name\": \"decision\", \"type\": \"string\", \"value\": \"approve\"}]"),
				403, null);
		JsonNode stored = this.admin.get(variables).json();
		assertThat(stored.findValuesAsText("name")).doesNotContain("decision");
		for (JsonNode variable : stored) {
			assertThat(variable.path("value").asText()).as(variable.toString()).isNotEqualTo("someone");
		}
		ApiClient reviewer = clientWith("REVIEWER");
		InputAndSecurityTests.refused(
				reviewer.post(PROCESS_API + "/runtime/tasks/" + id,
						"{\"action\": \"complete\", \"variables\": [{\"name\": \"decision\", \"value\": \"reject\"}, "
								+ "{\"name\": \"comment\", \"value\": \"" + "c".repeat(2001) + "\"}]}"),
				400, "comment");
		InputAndSecurityTests.refused(reviewer.post(PROCESS_API + "/runtime/tasks/" + id + "/comments",
				"{\"message\": \"" + "m".repeat(2001) + "\"}"), 400, null);
		assertUntouched(key, "plan", "awaiting_override");
	}

	@Test
	void aFloodOfRefusalsIsRecordedOnceAndStaysOutOfTheAgentsContext() {
		ApiClient owner = clientWith("AGENT");
		SessionDriver sessions = SessionDriver.with(this.pm, owner);
		String key = sessions.start(sessions.readyTask(), 201).get("session_key").asText();
		ApiClient intruder = clientWith("AGENT");
		for (int i = 0; i < 20; i++) {
			InputAndSecurityTests.refused(intruder.post(API + "/sessions/" + key + "/notes",
					"{\"kind\": \"note\", \"text\": \"flood " + i + "\"}"), 409, null);
		}
		assertThat(rulesOf(key)).as("one event for twenty repeats").containsExactly("session_owner");
		JsonNode context = owner.get(API + "/sessions/" + key + "/context").json();
		assertThat(context.at("/context/recent_events").findValuesAsText("event_type")).isNotEmpty()
			.doesNotContain(REFUSED);
		assertThat(context.at("/context/last_actions").findValuesAsText("event_type")).doesNotContain(REFUSED);
	}

	@Test
	void issuingAndRevokingATokenIsLoggedWithoutItsSecret() {
		long agentId = clientWith("AGENT").agentId();
		String name = unique("logged-token");
		ApiClient.Response issued = this.admin.post(API + "/admin/tokens",
				"{\"name\": \"" + name + "\", \"roles\": [\"AGENT\"], \"agent_id\": " + agentId + "}");
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		String id = issued.json().get("id").asText();
		for (int i = 0; i < 2; i++) {
			assertThat(this.admin.delete(API + "/admin/tokens/" + id).status()).isEqualTo(200);
		}
		JsonNode events = this.admin.get(API + "/events?entity_type=token&entity_code=" + name).json().get("data");
		assertThat(events).extracting((event) -> event.get("event_type").asText())
			.as("one event per change: revoking a revoked token changes nothing")
			.containsExactly("orchestration.token.issued", "orchestration.token.revoked");
		JsonNode first = events.get(0);
		assertThat(first.get("entity_id").asText()).isEqualTo(id);
		assertThat(first.get("agent_id").asLong()).isEqualTo(agentId);
		assertThat(first.at("/payload/roles")).extracting(JsonNode::asText).containsExactly("AGENT");
		assertThat(events.get(1).at("/payload/actor").asText()).as("who revoked it").isNotBlank();
		String secret = issued.json().get("token").asText();
		assertThat(events.toString()).as("never the secret, nor what it is checked against")
			.doesNotContain(secret)
			.doesNotContain(ContentHash.sha256Hex(secret));
	}

	@Test
	void noOneMovesASessionsProcessThroughFlowable() {
		long agentId = clientWith("AGENT").agentId();
		ApiClient.Response issued = this.admin.post(API + "/admin/tokens",
				"{\"name\": \"" + unique("agent-admin") + "\", \"roles\": [\"ADMIN\"], \"agent_id\": " + agentId + "}");
		assertThat(issued.status()).isEqualTo(201);
		try {
			anAdminOfTheAgentMovesNothing(this.admin.as(issued.json().get("token").asText(), agentId));
		}
		finally {
			// other test classes on this server count on the first ADMIN token being the
			// last
			this.admin.delete(API + "/admin/tokens/" + issued.json().get("id").asText());
		}
	}

	private void anAdminOfTheAgentMovesNothing(ApiClient agentAdmin) {
		SessionDriver sessions = SessionDriver.with(this.pm, agentAdmin);
		String key = sessions.awaitingOverrideApproval("around the reviewer").get("session_key").asText();
		String id = overrideId(clientWith("REVIEWER"), key);
		String instance = this.admin.get(PROCESS_API + "/runtime/tasks/" + id).json().get("processInstanceId").asText();
		String task = PROCESS_API + "/runtime/tasks/" + id;
		for (ApiClient caller : List.of(agentAdmin, this.admin)) {
			InputAndSecurityTests
				.refused(caller.post(PROCESS_API + "/runtime/process-instances/" + instance + "/change-state",
						"{\"cancelActivityIds\": [\"approveOverride\"], \"startActivityIds\": " + "[\"logOverride\"]}"),
						403, null);
			InputAndSecurityTests.refused(caller.delete(PROCESS_API + "/runtime/process-instances/" + instance), 403,
					null);
			InputAndSecurityTests.refused(caller.put(task, "{\"assignee\": \"someone\"}"), 403, null);
			InputAndSecurityTests.refused(caller.put(task, "{\"formKey\": \"\"}"), 403, null);
			InputAndSecurityTests.refused(caller.post(task, "{\"action\": \"delegate\", \"assignee\": \"x\"}"), 403,
					null);
			InputAndSecurityTests
				.refused(caller.post(task + "/identitylinks", "{\"user\": \"x\", \"type\": \"candidate\"}"), 403, null);
		}
		assertUntouched(key, "plan", "awaiting_override");
		assertThat(this.admin.get(task).json().path("assignee").isNull()).isTrue();
		assertThat(this.admin.get(task).json().get("formKey").asText()).isEqualTo("override-approval");
	}

	/**
	 * Takes the session to plan and asks for an override there, which waits for a
	 * reviewer.
	 */
	private static String waitingInPlan(SessionDriver sessions, String key) {
		sessions.putArtifact(key, "TASK.md");
		sessions.putArtifact(key, "CONTEXT.md");
		assertThat(sessions.complete(key, "{}").status()).isEqualTo(200);
		assertThat(sessions.complete(key, "{}").status()).isEqualTo(200);
		ApiClient.Response requested = sessions.complete(key, "{\"override\": true, \"reason\": \"skip\"}");
		assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
		return key;
	}

	/** Every kind of write an agent makes into a session, by the given client. */
	private static List<ApiClient.Response> writesInto(ApiClient client, String key) {
		String session = API + "/sessions/" + key;
		List<ApiClient.Response> answers = new ArrayList<>();
		answers.add(client.post(session + "/notes", "{\"kind\": \"update\", \"text\": \"I was here\"}"));
		answers.add(client.post(session + "/artifacts", "{\"name\": \"CONTEXT.md\", \"content\": \"# Mine\"}"));
		answers.add(client.post(session + "/activity", "{\"activity_type\": \"files_read\", \"details\": {}}"));
		answers.add(client.post(session + "/iterations", "{\"summary\": \"mine\"}"));
		answers.add(client.post(session + "/phase-complete", "{}"));
		answers.add(client.post(session + "/pause", null));
		answers.add(client.post(session + "/terminate", "{\"reason\": \"mine now\"}"));
		answers.add(client.post(session + "/end", "{\"force\": true}"));
		return answers;
	}

	/** The session is where it was, with nothing an intruder wrote. */
	private void assertUntouched(String key, String phase, String status) {
		JsonNode session = this.admin.get(API + "/sessions/" + key).json();
		assertThat(session.get("current_phase").asText()).isEqualTo(phase);
		assertThat(session.get("status").asText()).isEqualTo(status);
		assertThat(this.admin.get(API + "/sessions/" + key + "/notes").json().get("data")).isEmpty();
		assertThat(this.admin.get(API + "/sessions/" + key + "/iterations").json().get("data"))
			.noneMatch((iteration) -> iteration.path("summary").asText().equals("mine"));
		assertThat(types(key)).doesNotContain("orchestration.activity.logged", "orchestration.session.paused",
				"orchestration.session.terminated", "orchestration.session.completed");
	}

	private List<String> types(String key) {
		List<String> types = new ArrayList<>();
		this.admin.get(API + "/events/session/" + key + "?limit=1000")
			.json()
			.get("data")
			.forEach((event) -> types.add(event.get("event_type").asText()));
		return types;
	}

	/** The rules named by the session's refusal events, oldest first. */
	private List<String> rulesOf(String key) {
		List<String> rules = new ArrayList<>();
		for (JsonNode event : this.admin.get(API + "/events/session/" + key + "?limit=1000").json().get("data")) {
			if (event.get("event_type").asText().equals(REFUSED)) {
				rules.add(event.at("/payload/rule").asText());
			}
		}
		return rules;
	}

	private JsonNode eventsOf(String entityType, String code, long entityId) {
		List<JsonNode> about = new ArrayList<>();
		long after = 0;
		while (true) {
			ApiClient.Response events = this.admin.get(API + "/events?entity_type=" + entityType + "&event_type="
					+ REFUSED + "&limit=1000&after_id=" + after);
			assertThat(events.status()).as(events.toString()).isEqualTo(200);
			events.json().get("data").forEach((event) -> {
				if (event.path("entity_id").asLong() == entityId) {
					about.add(event);
				}
			});
			if (events.json().get("next_after_id").isNull()) {
				break;
			}
			after = events.json().get("next_after_id").asLong();
		}
		return new ObjectMapper().valueToTree(about);
	}

	/** The id of the session's pending override, as a reviewer's inbox shows it. */
	private static String overrideId(ApiClient reviewer, String key) {
		for (JsonNode pending : reviewer.get(API + "/overrides").json().get("data")) {
			if (pending.get("session_key").asText().equals(key)) {
				return pending.get("id").asText();
			}
		}
		throw new AssertionError("No pending override of " + key);
	}

	private static String completeWith(String decision) {
		return "{\"action\": \"complete\", \"variables\": [{\"name\": \"decision\", \"value\": \"" + decision + "\"}]}";
	}

	private static String claim(String assignee) {
		return "{\"action\": \"claim\", \"assignee\": " + ((assignee != null) ? "\"" + assignee + "\"" : "null") + "}";
	}

}

package io.phaseflow.e2e;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.e2e.ApiClient.FilePart;
import org.flowable.engine.RuntimeService;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redeploying the session process and workflow.yaml over HTTP: a new version adds a
 * security-review phase for new sessions while sessions started before finish on their
 * version; refused versions list every problem and change nothing. The deployed versions
 * stay in this class's own server (the context is discarded afterwards).
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class WorkflowDeploymentTests extends ApiTestSupport {

	static final String WORKFLOW = API + "/workflow";

	static final String DEPLOYMENTS = WORKFLOW + "/deployments";

	static final FilePart SECURITY_PROCESS = new FilePart("bpmn", "agent-task-session.bpmn20.xml",
			resource("redeploy/agent-task-session.bpmn20.xml"));

	static final FilePart SECURITY_WORKFLOW = new FilePart("workflow", "workflow.yaml",
			resource("redeploy/workflow.yaml"));

	static final FilePart SHIPPED_PROCESS = new FilePart("bpmn", "agent-task-session.bpmn20.xml",
			resource("processes/agent-task-session.bpmn20.xml"));

	static final FilePart SHIPPED_WORKFLOW = new FilePart("workflow", "workflow.yaml",
			resource("workflow/workflow.yaml"));

	private static final String SNEAKY = """
			<?xml version="1.0" encoding="UTF-8"?>
			<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
			             xmlns:flowable="http://flowable.org/bpmn" targetNamespace="https://phaseflow.io/test">
			  <process id="sneaky" isExecutable="true">
			    <startEvent id="start"/>
			    <sequenceFlow id="f1" sourceRef="start" targetRef="run"/>
			    <scriptTask id="run" scriptFormat="groovy"><script>System.exit(1)</script></scriptTask>
			    <sequenceFlow id="f2" sourceRef="run" targetRef="call"/>
			    <serviceTask id="call" flowable:delegateExpression="${noSuchDelegate}"/>
			    <sequenceFlow id="f3" sourceRef="call" targetRef="reach"/>
			    <serviceTask id="reach" flowable:delegateExpression="${workflows}"/>
			    <sequenceFlow id="f4" sourceRef="reach" targetRef="ask"/>
			    <userTask id="ask" flowable:formKey="sign-off"/>
			    <sequenceFlow id="f5" sourceRef="ask" targetRef="end"/>
			    <endEvent id="end"/>
			  </process>
			</definitions>
			""";

	private static final String MALFORMED = """
			<?xml version="1.0" encoding="UTF-8"?>
			<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="https://phaseflow.io/test">
			  <process id="broken" isExecutable="true">
			    <startEvent id="start">
			  </process>
			</definitions>
			""";

	@Autowired
	RuntimeService runtime;

	private ApiClient pm;

	private ApiClient agent;

	private long agentId;

	@BeforeEach
	void pmAndAgent() {
		this.pm = clientWith("PM");
		this.agent = clientWith("AGENT");
		this.agentId = this.agent.agentId();
	}

	@Test
	void theDeployedWorkflowIsCheckedAfterTheEngineDeployedAndBeforeTheServerTakesRequests(
			@Autowired ConfigurableApplicationContext context) {
		int engine = context.getBean(SpringProcessEngineConfiguration.class).getPhase();
		SmartLifecycle check = context.getBean("workflowConsistency", SmartLifecycle.class);
		int webServer = context.getBean("webServerStartStop", SmartLifecycle.class).getPhase();
		assertThat(check.isRunning()).as("checked at start").isTrue();
		assertThat(check.getPhase()).as("after the engine's start, before the web server's")
			.isGreaterThan(engine)
			.isLessThan(webServer);
	}

	@Test
	void aNewVersionTakesNewSessionsThroughSecurityReviewWhileOlderSessionsFinishOnTheirs() {
		JsonNode shipped = deployed(SHIPPED_PROCESS, SHIPPED_WORKFLOW);
		String earlier = start();
		for (String[] step : new String[][] { { "TASK.md", "research" }, { "CONTEXT.md", "plan" },
				{ "PLAN.md", "execute" }, { "CHANGES.md", "review" } }) {
			moveOn(earlier, step[0], "{}", step[1]);
		}

		ApiClient.Response response = this.admin.postFiles(DEPLOYMENTS, List.of(SECURITY_PROCESS, SECURITY_WORKFLOW));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		JsonNode security = response.json();
		assertThat(response.header("Location"))
			.endsWith("/workflow/deployments/" + security.get("deployment_id").asText());
		assertThat(security.get("version").asInt()).isEqualTo(shipped.get("version").asInt() + 1);
		assertThat(security.get("source").asText()).isEqualTo("upload");
		assertThat(security.get("active").asBoolean()).isTrue();
		assertThat(security.get("files")).extracting(JsonNode::asText)
			.as("a version carries every process and its workflow.yaml")
			.containsExactly("processes/agent-task-session.bpmn20.xml", "processes/session-phase.bpmn20.xml",
					"workflow/workflow.yaml");

		String later = start();
		JsonNode workflow = this.agent.get(WORKFLOW).json();
		assertThat(workflow.get("active_version").asInt()).isEqualTo(security.get("version").asInt());
		assertThat(workflow.get("phases")).extracting((phase) -> phase.get("id").asText())
			.containsExactly("intake", "research", "plan", "execute", "review", "security-review", "close");
		assertThat(workflow.at("/phases/5/artifacts/required/0/name").asText()).isEqualTo("SECURITY.md");
		assertThat(workflow.at("/phases/5/override/approval").asText()).isEqualTo("required");
		JsonNode newest = version(workflow, security.get("version").asInt());
		assertThat(newest.get("deployment_id").asText()).isEqualTo(security.get("deployment_id").asText());
		assertThat(newest.get("active").asBoolean()).isTrue();
		assertThat(newest.get("phases")).extracting(JsonNode::asText).contains("security-review");
		assertThat(newest.at("/running_sessions/session_keys")).extracting(JsonNode::asText).containsExactly(later);
		assertThat(newest.at("/running_sessions/count").asInt()).isEqualTo(1);
		JsonNode older = version(workflow, shipped.get("version").asInt());
		assertThat(older.get("active").asBoolean()).isFalse();
		assertThat(older.get("deployed_at").asText()).isNotBlank();
		assertThat(older.get("files")).extracting(JsonNode::asText).contains("workflow/workflow.yaml");
		assertThat(older.at("/running_sessions/session_keys")).extracting(JsonNode::asText).containsExactly(earlier);

		for (String[] step : new String[][] { { "TASK.md", "research" }, { "CONTEXT.md", "plan" },
				{ "PLAN.md", "execute" }, { "CHANGES.md", "review" } }) {
			moveOn(later, step[0], "{}", step[1]);
		}
		moveOn(later, "REVIEW.md", "{\"qa_status\": \"qa_passed\"}", "security-review");
		ApiClient.Response unchecked = complete(later, "{}");
		InputAndSecurityTests.refused(unchecked, 422, "artifacts.SECURITY.md");
		assertThat(phaseDeployment(later)).isEqualTo(security.get("deployment_id").asText());
		moveOn(later, "SECURITY.md", "{}", "close");
		finish(later);
		assertThat(history(later)).containsExactly("intake", "research", "plan", "execute", "review", "security-review",
				"close");

		moveOn(earlier, "REVIEW.md", "{\"qa_status\": \"qa_passed\"}", "close");
		assertThat(phaseDeployment(earlier)).as("the earlier session's phases stay on its own version")
			.isEqualTo(shipped.get("deployment_id").asText());
		finish(earlier);
		assertThat(history(earlier)).containsExactly("intake", "research", "plan", "execute", "review", "close");

		JsonNode events = eventsOf("workflow", "phaseflow");
		JsonNode event = events.get(events.size() - 1);
		assertThat(event.get("event_type").asText()).isEqualTo("orchestration.workflow.deployed");
		assertThat(event.get("entity_id").asInt()).isEqualTo(security.get("version").asInt());
		assertThat(event.at("/payload/deployment_id").asText()).isEqualTo(security.get("deployment_id").asText());
		assertThat(event.at("/payload/files")).extracting(JsonNode::asText).contains("workflow/workflow.yaml");
		assertThat(event.at("/payload/phases")).extracting(JsonNode::asText).contains("security-review");

		JsonNode listed = this.agent.get(DEPLOYMENTS).json().get("data");
		assertThat(listed.get(0).get("deployment_id").asText()).isEqualTo(security.get("deployment_id").asText());
		assertThat(listed).extracting((deployment) -> deployment.get("deployment_id").asText())
			.contains(shipped.get("deployment_id").asText());
		assertThat(
				version(this.agent.get(WORKFLOW).json(), security.get("version").asInt()).at("/running_sessions/count")
					.asInt())
			.isZero();
	}

	@Test
	void refusedVersionsNameEveryProblemAndChangeNothing() {
		deployed(SHIPPED_PROCESS, SHIPPED_WORKFLOW);
		List<String> before = versions();
		int events = eventsOf("workflow", "phaseflow").size();

		JsonNode sneaky = refused(
				this.admin.postFiles(DEPLOYMENTS, List.of(new FilePart("bpmn", "sneaky.bpmn20.xml", SNEAKY))));
		assertThat(sneaky).extracting((error) -> error.get("field").asText() + ": " + error.get("message").asText())
			.containsExactlyInAnyOrder(
					"run: Script tasks are not allowed; use a service task with flowable:delegateExpression",
					"call: flowable:delegateExpression ${noSuchDelegate} names no bean",
					"reach: flowable:delegateExpression ${workflows} names a bean that is not a JavaDelegate",
					"ask: flowable:formKey \"sign-off\" names no form of forms/ (there are: override-approval)",
					"sneaky: process sneaky is not one Phaseflow runs (only agentTaskSession and sessionPhase)");
		assertThat(sneaky).allSatisfy((error) -> {
			assertThat(error.get("file").asText()).isEqualTo("processes/sneaky.bpmn20.xml");
			assertThat(error.get("line").asInt()).isPositive();
		});

		JsonNode malformed = refused(
				this.admin.postFiles(DEPLOYMENTS, List.of(new FilePart("bpmn", "broken.bpmn20.xml", MALFORMED))));
		assertThat(malformed).hasSize(1);
		assertThat(malformed.get(0).get("file").asText()).isEqualTo("processes/broken.bpmn20.xml");
		assertThat(malformed.get(0).get("line").asInt()).isEqualTo(5);
		assertThat(malformed.get(0).get("message").asText()).startsWith("is not valid BPMN 2.0 XML: ");

		JsonNode unknownPhase = refused(this.admin.postFiles(DEPLOYMENTS, List.of(SECURITY_PROCESS)));
		assertThat(unknownPhase)
			.extracting((error) -> error.get("field").asText() + ": " + error.get("message").asText())
			.containsExactly("phases.security-review: is called by processes/agent-task-session.bpmn20.xml "
					+ "but not configured");
		assertThat(unknownPhase.get(0).get("file").asText()).isEqualTo("workflow/workflow.yaml");

		JsonNode everything = refused(this.admin.postFiles(DEPLOYMENTS,
				List.of(new FilePart("bpmn", "sneaky.bpmn20.xml", SNEAKY),
						new FilePart("bpmn", "broken.bpmn20.xml", MALFORMED),
						new FilePart("bpmn", "../notes.txt", "hello"), new FilePart("workflow", "workflow.yaml",
								"settings:\n  stale_after: soon\nphases:\n  intake: {order: 1}\n"))));
		assertThat(everything).extracting((error) -> error.get("file").asText())
			.contains("processes/sneaky.bpmn20.xml", "processes/broken.bpmn20.xml", "notes.txt",
					"workflow/workflow.yaml");
		assertThat(everything).extracting((error) -> error.get("field").asText())
			.contains("settings.stale_after", "phases.intake.goal");

		InputAndSecurityTests.refused(this.pm.postFiles(DEPLOYMENTS, List.of(SECURITY_PROCESS, SECURITY_WORKFLOW)), 403,
				null);
		InputAndSecurityTests.refused(this.admin.post(DEPLOYMENTS, "{}"), 415, null);
		InputAndSecurityTests.refused(
				this.admin.postFiles("/process-api/repository/deployments",
						List.of(new FilePart("file", "agent-task-session.bpmn20.xml", SECURITY_PROCESS.content()))),
				403, null);

		assertThat(versions()).as("nothing was deployed").isEqualTo(before);
		assertThat(eventsOf("workflow", "phaseflow")).hasSize(events);
	}

	@Test
	void aWorkflowDroppingAPhaseThatRunningSessionsStillUseIsRefused() {
		deployed(SECURITY_PROCESS, SECURITY_WORKFLOW);
		String running = start();
		List<String> before = versions();

		JsonNode problems = refused(this.admin.postFiles(DEPLOYMENTS, List.of(SHIPPED_PROCESS, SHIPPED_WORKFLOW)));
		assertThat(problems).hasSize(1);
		assertThat(problems.get(0).get("field").asText()).isEqualTo("phases.security-review");
		assertThat(problems.get(0).get("message").asText()).startsWith("is still used by 1 running session on version ")
			.contains(running)
			.endsWith("keep it configured until they finish");
		assertThat(versions()).isEqualTo(before);

		this.agent.post(API + "/sessions/" + running + "/terminate", null);
		JsonNode rolledBack = deployed(SHIPPED_PROCESS, SHIPPED_WORKFLOW);
		assertThat(rolledBack.get("active").asBoolean()).as("once they have ended, the phase may go").isTrue();
	}

	private JsonNode deployed(FilePart... parts) {
		return deployedBy(this.admin, parts);
	}

	/** The new version an upload deployed (201). */
	static JsonNode deployedBy(ApiClient client, FilePart... parts) {
		ApiClient.Response response = client.postFiles(DEPLOYMENTS, List.of(parts));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	/** The errors of a refused deployment. */
	static JsonNode refused(ApiClient.Response response) {
		InputAndSecurityTests.refused(response, 422, null);
		assertThat(response.json().get("title").asText()).isEqualTo("Deployment refused");
		assertThat(response.json().get("detail").asText()).contains("nothing was deployed");
		return response.json().get("errors");
	}

	private List<String> versions() {
		return versionsOf(this.agent);
	}

	/** Every version as {@code version@deployment}, newest first. */
	static List<String> versionsOf(ApiClient client) {
		List<String> versions = new ArrayList<>();
		client.get(WORKFLOW)
			.json()
			.get("versions")
			.forEach((version) -> versions
				.add(version.get("version").asText() + "@" + version.get("deployment_id").asText()));
		return versions;
	}

	private static JsonNode version(JsonNode workflow, int number) {
		for (JsonNode version : workflow.get("versions")) {
			if (version.get("version").asInt() == number) {
				return version;
			}
		}
		throw new AssertionError("no version " + number + " in " + workflow);
	}

	/** A new session on a task that passes every phase's field checks. */
	private String start() {
		String task = unique("redeploy");
		assertThat(createTask(this.pm, task,
				"\"description\": \"Build it\", \"metadata\": {\"acceptance_criteria\": [\"it works\"]}")
			.status()).isEqualTo(201);
		ApiClient.Response started = this.agent.post(API + "/sessions",
				"{\"task_code\": \"" + task + "\", \"agent_id\": " + this.agentId + "}");
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.json().get("session_key").asText();
	}

	/** Submits the artifact, completes the phase and checks where the session went. */
	private void moveOn(String key, String artifact, String completion, String nextPhase) {
		ApiClient.Response put = this.agent.post(API + "/sessions/" + key + "/artifacts",
				"{\"name\": \"" + artifact + "\", \"content\": \"# " + artifact + "\\n\\nDone.\\n\"}");
		assertThat(put.status()).as(put.toString()).isEqualTo(201);
		ApiClient.Response moved = complete(key, completion);
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		JsonNode session = this.agent.get(API + "/sessions/" + key).json();
		assertThat(session.get("current_phase").asText()).isEqualTo(nextPhase);
		assertThat(session.get("waiting_for").asText()).isEqualTo("agent");
	}

	private void finish(String key) {
		ApiClient.Response put = this.agent.post(API + "/sessions/" + key + "/artifacts",
				"{\"name\": \"SUMMARY.md\", \"content\": \"# Summary\\n\"}");
		assertThat(put.status()).isEqualTo(201);
		assertThat(complete(key, "{}").status()).isEqualTo(200);
		assertThat(this.agent.get(API + "/sessions/" + key).json().get("status").asText()).isEqualTo("completed");
	}

	private ApiClient.Response complete(String key, String body) {
		return this.agent.post(API + "/sessions/" + key + "/phase-complete", body);
	}

	private List<String> history(String key) {
		List<String> phases = new ArrayList<>();
		this.agent.get(API + "/sessions/" + key)
			.json()
			.get("phase_history")
			.forEach((entry) -> phases.add(entry.get("phase").asText()));
		return phases;
	}

	/** The deployment of the phase process the session runs its current phase on. */
	private String phaseDeployment(String key) {
		String processInstanceId = this.agent.get(API + "/sessions/" + key).json().get("process_instance_id").asText();
		return this.runtime.createProcessInstanceQuery()
			.superProcessInstanceId(processInstanceId)
			.singleResult()
			.getDeploymentId();
	}

}

package io.phaseflow.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.e2e.ApiClient.FilePart;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An ADMIN's deployment runs only what Phaseflow built the processes for: each forbidden
 * construct (a method-call expression wherever an expression can stand, an extra process,
 * a document type declaration, a hard-coded stale timer, a listener or task calling
 * something else) is refused with 422 naming file, line and element, through Phaseflow's
 * API and through {@code /process-api}, nothing is deployed and no command runs. A
 * version that would leave the process and workflow.yaml inconsistent once today's
 * sessions end is refused too.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class DeploymentGovernanceTests extends ApiTestSupport {

	static final String DEPLOYMENTS = WorkflowDeploymentTests.DEPLOYMENTS;

	static final String PROCESS_API_DEPLOYMENTS = "/process-api/repository/deployments";

	static final String SESSION_FILE = "agent-task-session.bpmn20.xml";

	static final String PHASE_FILE = "session-phase.bpmn20.xml";

	@Autowired
	RepositoryService repository;

	private Path marker;

	private String exploit;

	@BeforeEach
	void exploit() throws IOException {
		this.marker = Files.createTempDirectory("phaseflow-governance").resolve("marker");
		this.exploit = exploit(this.marker);
	}

	/** The expression that ran an OS command before: {@code touch} of the marker file. */
	static String exploit(Path marker) {
		return "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch " + marker
				+ "')}";
	}

	@Test
	void everyForbiddenConstructIsRefusedAtBothEndpointsAndRunsNothing() {
		deployed(shipped(SESSION_FILE), shipped(PHASE_FILE));
		List<String> versions = versions();
		long deployments = this.repository.createDeploymentQuery().count();
		String x = this.exploit;

		List<Offence> offences = List.of(
				phase("user task name", "workOnPhase", "calls a method",
						(xml) -> xml.replace("name=\"Work on phase\"", "name=\"" + x + "\"")),
				phase("assignee", "workOnPhase", "calls a method",
						(xml) -> xml.replace("flowable:assignee=\"${agentAssignee}\"",
								"flowable:assignee=\"" + x + "\"")),
				phase("candidate groups", "approveOverride", "calls a method",
						(xml) -> xml.replace("${overrideCandidateGroups}", x)),
				phase("due date", "workOnPhase", "calls a method",
						(xml) -> xml.replace("flowable:assignee=",
								"flowable:dueDate=\"" + x + "\" flowable:assignee=")),
				phase("user task documentation (its description)", "workOnPhase", "calls a method",
						(xml) -> xml.replace("Wait state assigned to the session's agent", x)),
				phase("timer duration", "phaseStale", "calls a method",
						(xml) -> xml.replace("<timeDuration>${staleAfter}</timeDuration>",
								"<timeDuration>" + x + "</timeDuration>")),
				phase("timer date", "phaseStale", "calls a method",
						(xml) -> xml.replace("<timeDuration>${staleAfter}</timeDuration>",
								"<timeDate>" + x + "</timeDate>")),
				phase("timer cycle", "phaseStale", "calls a method",
						(xml) -> xml.replace("<timeDuration>${staleAfter}</timeDuration>",
								"<timeCycle>" + x + "</timeCycle>")),
				phase("sequence flow condition", "checkValid", "calls a method",
						(xml) -> xml.replace("${phaseCheck == 'valid'}", x)),
				phase("script condition", "checkValid", "is a script",
						(xml) -> xml.replaceFirst("<conditionExpression xsi:type=\"tFormalExpression\">",
								"<conditionExpression xsi:type=\"tFormalExpression\" language=\"groovy\">")),
				phase("another encoding", "encoding", "must be UTF-8",
						(xml) -> xml.replace("encoding=\"UTF-8\"", "encoding=\"UTF-7\"")),
				phase("service task expression", "enterPhase", "not expression",
						(xml) -> xml.replace("flowable:delegateExpression=\"${enterPhaseDelegate}\"",
								"flowable:expression=\"" + x + "\"")),
				phase("execution listener expression", "enterPhase", "calls a method",
						(xml) -> xml.replace("<incoming>flowStartToEnter</incoming>",
								"<extensionElements><flowable:executionListener event=\"start\" expression=\"" + x
										+ "\"/></extensionElements><incoming>flowStartToEnter</incoming>")),
				phase("task listener naming another bean", "workOnPhase.task_listener(create)",
						"names a bean that is not a TaskListener",
						(xml) -> xml.replace("<incoming>flowSyncToWork</incoming>",
								"<extensionElements><flowable:taskListener event=\"create\" "
										+ "delegateExpression=\"${dataSource}\"/></extensionElements>"
										+ "<incoming>flowSyncToWork</incoming>")),
				phase("the reviewer routed around", "checkNeedsApproval", "differs from sessionPhase",
						(xml) -> xml.replace("sourceRef=\"phaseChecked\" targetRef=\"syncForReview\"",
								"sourceRef=\"phaseChecked\" targetRef=\"overrideMerge\"")),
				phase("the override offered to agents", "approveOverride", "differs from sessionPhase",
						(xml) -> xml.replace("flowable:candidateGroups=\"${overrideCandidateGroups}\"",
								"flowable:candidateGroups=\"agents\"")),
				phase("the reviewer's task skipped", "approveOverride", "differs from sessionPhase", (xml) -> xml
					.replace("flowable:formKey=\"override-approval\">",
							"flowable:formKey=\"override-approval\" flowable:skipExpression=\"${overrideRequested}\">")),
				phase("multi-instance task", "workOnPhase", "runs many instances at once",
						(xml) -> xml.replace("<outgoing>flowWorkToCheck</outgoing>",
								"<outgoing>flowWorkToCheck</outgoing><multiInstanceLoopCharacteristics "
										+ "isSequential=\"false\"><loopCardinality>1000</loopCardinality>"
										+ "</multiInstanceLoopCharacteristics>")),
				phase("a bean's property", "workOnPhase", "reads a property of an object",
						(xml) -> xml.replace("${agentAssignee}", "${workflows.active}")),
				phase("a bean by name", "workOnPhase", "names workflows, which is not a variable Phaseflow sets",
						(xml) -> xml.replace("${agentAssignee}", "${workflows}")),
				phase("hard-coded stale timer", "phaseStale", "a timer must be the stale timer",
						(xml) -> xml.replace("<timeDuration>${staleAfter}</timeDuration>",
								"<timeDuration>PT2H</timeDuration>")),
				phase("DOCTYPE with an entity", "DOCTYPE", "declarations are not allowed",
						(xml) -> xml.replace("<definitions ",
								"<!DOCTYPE definitions [<!ENTITY leak SYSTEM \"file:///etc/passwd\">]>\n<definitions ")
							.replace("Wait state assigned", "&leak; Wait state assigned")),
				phase("extra timer-started process", "sideline", "is not one Phaseflow runs", (xml) -> xml.replace(
						"<bpmndi:BPMNDiagram",
						sideline("<timerEventDefinition><timeDuration>PT0S</timeDuration></timerEventDefinition>", x)
								+ "<bpmndi:BPMNDiagram")),
				phase("extra message-started process", "sideline", "is not one Phaseflow runs",
						(xml) -> xml.replace("<bpmndi:BPMNDiagram",
								sideline("<messageEventDefinition messageRef=\"go\"/>", x) + "<bpmndi:BPMNDiagram")),
				session("call activity input mapping", "intake", "calls a method",
						(xml) -> xml.replaceFirst("<flowable:in source=\"sessionKey\" target=\"sessionKey\"/>",
								"<flowable:in sourceExpression=\"" + x.replace("$", "\\$")
										+ "\" target=\"sessionKey\"/>")),
				session("call activity output mapping", "intake", "calls a method",
						(xml) -> xml.replaceFirst("<flowable:out source=\"qaStatus\" target=\"qaStatus\"/>",
								"<flowable:out sourceExpression=\"" + x.replace("$", "\\$")
										+ "\" target=\"qaStatus\"/>")),
				session("call activity calling another process", "intake", "must call sessionPhase", (xml) -> xml
					.replaceFirst("calledElement=\"sessionPhase\"", "calledElement=\"agentTaskSession\"")));

		for (Offence offence : offences) {
			String content = offence.change().apply(shippedContent(offence.file()));
			assertThat(content).as(offence.what() + ": the test changed the file")
				.isNotEqualTo(shippedContent(offence.file()));
			JsonNode api = refused(
					this.admin.postFiles(DEPLOYMENTS, List.of(new FilePart("bpmn", offence.file(), content))));
			assertNamed(api, "processes/" + offence.file(), offence);
			JsonNode processApi = refused(this.admin.postFiles(PROCESS_API_DEPLOYMENTS,
					List.of(new FilePart("file", offence.file(), content))));
			assertNamed(processApi, offence.file(), offence);
		}

		assertThat(versions()).as("nothing was deployed").isEqualTo(versions);
		assertThat(this.repository.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(this.repository.createProcessDefinitionQuery().processDefinitionKey("sideline").count()).isZero();
		// The old behaviour ran a PT0S timer-started process's command within a second of
		// the deployment; holding the check for a few seconds shows nothing was
		// scheduled.
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(this.marker));
		assertThat(this.marker).as("no command ran").doesNotExist();
	}

	@Test
	void aCleanFileIsStillRefusedAtProcessApiWithoutProblems() {
		InputAndSecurityTests.refused(this.admin.postFiles(PROCESS_API_DEPLOYMENTS,
				List.of(new FilePart("file", PHASE_FILE, shippedContent(PHASE_FILE)))), 403, null);
		InputAndSecurityTests.refused(
				clientWith("PM").postFiles(PROCESS_API_DEPLOYMENTS, List
					.of(new FilePart("file", PHASE_FILE, shippedContent(PHASE_FILE).replace("${staleAfter}", "PT2H")))),
				403, null);
	}

	@Test
	void aVersionConsistentOnlyUntilTodaysSessionsEndIsRefused() {
		deployed(shipped(SESSION_FILE), shipped(PHASE_FILE),
				new FilePart("workflow", "workflow.yaml", resource("workflow/workflow.yaml")));
		ApiClient pm = clientWith("PM");
		long agentId = newAgent(pm);
		String task = unique("governance");
		assertThat(createTask(pm, task, null).status()).isEqualTo(201);
		ApiClient.Response started = this.admin.post(API + "/sessions",
				"{\"task_code\": \"" + task + "\", \"agent_id\": " + agentId + "}");
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		List<String> versions = versions();

		String withoutResearch = shippedContent(SESSION_FILE).replace("<flowable:in sourceExpression=\"research\"",
				"<flowable:in sourceExpression=\"plan\"");
		JsonNode errors = refused(
				this.admin.postFiles(DEPLOYMENTS, List.of(new FilePart("bpmn", SESSION_FILE, withoutResearch))));
		assertThat(errors).extracting((error) -> error.get("field").asText()).containsExactly("phases.research");
		assertThat(errors.get(0).get("message").asText()).contains("does not call it")
			.contains("running sessions still use it")
			.contains("inconsistent once they end");
		assertThat(versions()).as("nothing was deployed").isEqualTo(versions);
	}

	private void assertNamed(JsonNode errors, String file, Offence offence) {
		assertThat(errors).as(offence.what()).anySatisfy((error) -> {
			assertThat(error.get("file").asText()).isEqualTo(file);
			assertThat(error.get("field").asText()).isEqualTo(offence.element());
			assertThat(error.get("line").asInt()).isPositive();
			assertThat(error.get("message").asText()).contains(offence.reason());
		});
	}

	private static String sideline(String startDefinition, String expression) {
		return """
				<process id="sideline" isExecutable="true">
				  <startEvent id="tick">%s</startEvent>
				  <sequenceFlow id="sf1" sourceRef="tick" targetRef="boom"/>
				  <serviceTask id="boom" flowable:expression="%s"/>
				  <sequenceFlow id="sf2" sourceRef="boom" targetRef="done"/>
				  <endEvent id="done"/>
				</process>
				""".formatted(startDefinition, expression);
	}

	private static Offence phase(String what, String element, String reason, UnaryOperator<String> change) {
		return new Offence(what, PHASE_FILE, element, reason, change);
	}

	private static Offence session(String what, String element, String reason, UnaryOperator<String> change) {
		return new Offence(what, SESSION_FILE, element, reason, change);
	}

	private static String shippedContent(String file) {
		return resource("processes/" + file);
	}

	private static FilePart shipped(String file) {
		return new FilePart("bpmn", file, shippedContent(file));
	}

	private void deployed(FilePart... parts) {
		WorkflowDeploymentTests.deployedBy(this.admin, parts);
	}

	private static JsonNode refused(ApiClient.Response response) {
		return WorkflowDeploymentTests.refused(response);
	}

	private List<String> versions() {
		return WorkflowDeploymentTests.versionsOf(this.admin);
	}

	/**
	 * One forbidden construct: what it is, the file it is put in, the element and reason
	 * the refusal names.
	 */
	record Offence(String what, String file, String element, String reason, UnaryOperator<String> change) {
	}

}

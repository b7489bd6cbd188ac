package io.phaseflow.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.e2e.ApiClient.FilePart;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start with an inconsistent workflow comes up instead of failing: the working copy's
 * process no longer calls {@code research} while its workflow.yaml still configures it,
 * so it is refused and nothing is deployed. The {@code workflow} health component is DOWN
 * naming the problem and the fix, and sessions cannot start until a consistent version is
 * deployed. A version deployed inconsistent by an older run (straight through the engine,
 * as before these checks) is found the same way.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class H2WorkflowHealthTest extends ApiTestSupport {

	private static final String DEPLOYMENTS = API + "/workflow/deployments";

	private static final String WITHOUT_RESEARCH = resource("processes/agent-task-session.bpmn20.xml")
		.replace("<flowable:in sourceExpression=\"research\"", "<flowable:in sourceExpression=\"plan\"");

	@Autowired
	RepositoryService repository;

	@DynamicPropertySource
	static void inconsistentWorkingCopy(DynamicPropertyRegistry registry) throws IOException {
		Path home = Files.createTempDirectory("phaseflow-home");
		Files.createDirectories(home.resolve("processes"));
		Files.createDirectories(home.resolve("workflow"));
		Files.writeString(home.resolve("processes/agent-task-session.bpmn20.xml"), WITHOUT_RESEARCH);
		Files.writeString(home.resolve("processes/session-phase.bpmn20.xml"),
				resource("processes/session-phase.bpmn20.xml"));
		Files.writeString(home.resolve("workflow/workflow.yaml"), resource("workflow/workflow.yaml"));
		registry.add("phaseflow.home", home::toString);
	}

	@Test
	void anInconsistentWorkflowShowsInHealthAndHoldsSessionsUntilFixed() {
		JsonNode start = workflowHealth(503);
		assertThat(start.get("status").asText()).isEqualTo("DOWN");
		assertThat(start.at("/details/problems").toString()).contains("no version of the session process");
		assertThat(start.at("/details/working_copy_refused").toString()).contains("phases.research")
			.contains("does not call it");
		assertThat(start.at("/details/working_copy_fix").asText()).contains("restart");
		assertRefusedUntilFixed();

		deployConsistent();
		assertThat(workflowHealth(200).get("status").asText()).isEqualTo("UP");

		// as an older run deployed it, before deployments were checked this way (with no
		// session running that still uses research, which would make it consistent for
		// now)
		this.repository.createDeployment()
			.name("phaseflow")
			.category("working-copy")
			.addString("processes/agent-task-session.bpmn20.xml", WITHOUT_RESEARCH)
			.addString("processes/session-phase.bpmn20.xml", resource("processes/session-phase.bpmn20.xml"))
			.addString("workflow/workflow.yaml", resource("workflow/workflow.yaml"))
			.deploy();
		JsonNode older = workflowHealth(503);
		assertThat(older.at("/details/problems").toString()).contains("phases.research")
			.contains("is configured but processes/agent-task-session.bpmn20.xml does not call it");
		assertThat(older.at("/details/fix").asText()).contains("POST /api/orchestration/workflow/deployments");
		assertRefusedUntilFixed();

		deployConsistent();
		assertThat(workflowHealth(200).get("status").asText()).isEqualTo("UP");
		assertThat(startSession().status()).isEqualTo(201);
	}

	private void assertRefusedUntilFixed() {
		ApiClient.Response refused = startSession();
		InputAndSecurityTests.refused(refused, 503, null);
		assertThat(refused.json().get("title").asText()).isEqualTo("Workflow inconsistent");
		assertThat(refused.json().get("fix").asText()).contains("POST /api/orchestration/workflow/deployments");
		ApiClient.Response init = this.admin.post(API + "/agent/init", "{\"entity_type\": \"task\", \"entity_code\": \""
				+ task() + "\", \"agent_id\": " + newAgent(this.admin) + "}");
		InputAndSecurityTests.refused(init, 503, null);
		assertThat(this.admin.get(API + "/workflow").status()).as("the workflow can still be read").isEqualTo(200);
	}

	private void deployConsistent() {
		ApiClient.Response deployed = this.admin.postFiles(DEPLOYMENTS, List.of(
				new FilePart("bpmn", "agent-task-session.bpmn20.xml",
						resource("processes/agent-task-session.bpmn20.xml")),
				new FilePart("bpmn", "session-phase.bpmn20.xml", resource("processes/session-phase.bpmn20.xml")),
				new FilePart("workflow", "workflow.yaml", resource("workflow/workflow.yaml"))));
		assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
	}

	private ApiClient.Response startSession() {
		return this.admin.post(API + "/sessions",
				"{\"task_code\": \"" + task() + "\", \"agent_id\": " + newAgent(this.admin) + "}");
	}

	private String task() {
		String code = unique("health");
		assertThat(createTask(this.admin, code, null).status()).isEqualTo(201);
		return code;
	}

	private JsonNode workflowHealth(int status) {
		ApiClient.Response health = this.admin.get("/actuator/health");
		assertThat(health.status()).as(health.toString()).isEqualTo(status);
		return health.json().at("/components/workflow");
	}

}

package io.phaseflow.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code phaseflow.processes.watch=true}, a process file or workflow.yaml saved in
 * the working copy is deployed through the same checks as an upload; a refused file
 * changes nothing.
 */
class H2WorkingCopyWatchTest extends ApiTestSupport {

	private static Path home;

	@DynamicPropertySource
	static void workingCopy(DynamicPropertyRegistry registry) throws IOException {
		home = Files.createTempDirectory("phaseflow-home");
		Files.createDirectories(home.resolve("processes"));
		Files.createDirectories(home.resolve("workflow"));
		try (var files = Files.list(Path.of("processes"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".bpmn20.xml")).toList()) {
				Files.copy(file, home.resolve("processes").resolve(file.getFileName()));
			}
		}
		Files.copy(Path.of("workflow", "workflow.yaml"), home.resolve("workflow/workflow.yaml"));
		registry.add("phaseflow.home", home::toString);
		registry.add("phaseflow.processes.watch", () -> "true");
		registry.add("phaseflow.processes.watch-quiet-period", () -> "300ms");
	}

	@Test
	void aSavedFileIsDeployedAndARefusedOneChangesNothing() throws IOException {
		JsonNode before = workflow();
		assertThat(before.at("/watch/enabled").asBoolean()).isTrue();
		int version = before.get("active_version").asInt();

		Files.writeString(home.resolve("workflow/workflow.yaml"), resource("redeploy/workflow.yaml"));
		Files.writeString(home.resolve("processes/agent-task-session.bpmn20.xml"),
				resource("redeploy/agent-task-session.bpmn20.xml"));
		JsonNode deployed = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(this::workflow, (workflow) -> workflow.get("active_version").asInt() > version
					&& "deployed".equals(workflow.at("/watch/last_outcome").asText()));
		assertThat(deployed.get("phases")).extracting((phase) -> phase.get("id").asText()).contains("security-review");
		assertThat(deployed.at("/versions/0/source").asText()).isEqualTo("working-copy");
		assertThat(deployed.at("/watch/last_deployment_id").asText())
			.isEqualTo(deployed.get("active_deployment_id").asText());
		List<String> versions = versions(deployed);

		Files.writeString(home.resolve("processes/broken.bpmn20.xml"), "<definitions>\n  <process id=\"broken\">\n");
		JsonNode refused = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(this::workflow, (workflow) -> "refused".equals(workflow.at("/watch/last_outcome").asText()));
		assertThat(refused.at("/watch/last_problems")).extracting((problem) -> problem.get("file").asText())
			.containsExactly("processes/broken.bpmn20.xml");
		assertThat(versions(refused)).as("nothing was deployed").isEqualTo(versions);

		Files.delete(home.resolve("processes/broken.bpmn20.xml"));
		JsonNode unchanged = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(this::workflow, (workflow) -> "unchanged".equals(workflow.at("/watch/last_outcome").asText()));
		assertThat(versions(unchanged)).as("the working copy is what is deployed already").isEqualTo(versions);
	}

	@Test
	void aSavedFileWithAForbiddenExpressionIsRefusedAndRunsNothing() throws IOException {
		Path file = home.resolve("processes/session-phase.bpmn20.xml");
		String saved = Files.readString(file);
		Path marker = Files.createTempDirectory("phaseflow-watch").resolve("marker");
		List<String> versions = versions(workflow());

		Files.writeString(file, saved.replace("${agentAssignee}", DeploymentGovernanceTests.exploit(marker)));
		JsonNode refused = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(this::workflow, (workflow) -> "refused".equals(workflow.at("/watch/last_outcome").asText())
					&& workflow.at("/watch/last_problems").toString().contains("calls a method"));
		assertThat(refused.at("/watch/last_problems")).anySatisfy((problem) -> {
			assertThat(problem.get("file").asText()).isEqualTo("processes/session-phase.bpmn20.xml");
			assertThat(problem.get("field").asText()).isEqualTo("workOnPhase");
			assertThat(problem.get("line").asInt()).isPositive();
		});
		assertThat(versions(refused)).as("nothing was deployed").isEqualTo(versions);
		assertThat(marker).as("no command ran").doesNotExist();

		Files.writeString(file, saved);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(this::workflow, (workflow) -> !"refused".equals(workflow.at("/watch/last_outcome").asText()));
	}

	private JsonNode workflow() {
		ApiClient.Response workflow = this.admin.get(API + "/workflow");
		assertThat(workflow.status()).as(workflow.toString()).isEqualTo(200);
		return workflow.json();
	}

	private static List<String> versions(JsonNode workflow) {
		List<String> versions = new ArrayList<>();
		workflow.get("versions").forEach((version) -> versions.add(version.get("deployment_id").asText()));
		return versions;
	}

}

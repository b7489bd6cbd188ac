package io.phaseflow.workflow.deployment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.phaseflow.workflow.ConfigProblem;
import io.phaseflow.workflow.DeploymentRejected;
import io.phaseflow.workflow.WorkflowConfigLoader;
import io.phaseflow.workflow.deployment.ProcessDeployments.ProcessFileReport;
import io.phaseflow.workflow.deployment.ProcessDeployments.SessionProcessVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rules a new version must pass before it is deployed, with the engine's part (what
 * each BPMN file defines and calls) given by a stand-in.
 */
class DeploymentCheckTest {

	private static final DeploymentFile SESSION = file("processes/agent-task-session.bpmn20.xml");

	private static final DeploymentFile PHASE = file("processes/session-phase.bpmn20.xml");

	private static final DeploymentFile RENAMED_SESSION = file("processes/my-session.bpmn20.xml");

	private final Map<String, ProcessFileReport> reports = Map.of(SESSION.name(),
			report(SESSION, "agentTaskSession", "intake", "plan"), PHASE.name(), report(PHASE, "sessionPhase"),
			RENAMED_SESSION.name(), report(RENAMED_SESSION, "agentTaskSession", "intake"));

	@Test
	void aConsistentVersionKeepsTheBaseFilesItDoesNotReplace() {
		List<DeploymentFile> files = check(List.of(SESSION, PHASE), List.of(SESSION), workflow("intake", "plan"),
				List.of());
		assertThat(files).extracting(DeploymentFile::name)
			.containsExactly(SESSION.name(), PHASE.name(), ProcessDeployments.WORKFLOW_FILE);
	}

	@Test
	void aNewFileDefiningTheSameProcessReplacesTheBaseFile() {
		List<DeploymentFile> files = check(List.of(SESSION, PHASE), List.of(RENAMED_SESSION), workflow("intake"),
				List.of());
		assertThat(files).extracting(DeploymentFile::name)
			.containsExactly(RENAMED_SESSION.name(), PHASE.name(), ProcessDeployments.WORKFLOW_FILE);
	}

	@Test
	void phasesOnOneSideOnlyAreNamed() {
		assertThat(problems(List.of(SESSION, PHASE), List.of(), workflow("intake", "review"), List.of()))
			.containsExactly(
					"workflow/workflow.yaml: phases.plan: is called by processes/agent-task-session.bpmn20.xml but not configured",
					"workflow/workflow.yaml: phases.review: is configured but processes/agent-task-session.bpmn20.xml does not call it");
	}

	@Test
	void aPhaseRunningSessionsStillUseStaysInTheProcessAndInWorkflowYamlUntilTheyEnd() {
		SessionProcessVersion older = new SessionProcessVersion(1, "d1", Instant.EPOCH, List.of("intake", "research"),
				List.of("sess-a", "sess-b"));
		SessionProcessVersion finished = new SessionProcessVersion(2, "d2", Instant.EPOCH, List.of("legacy"),
				List.of());
		assertThat(problems(List.of(SESSION, PHASE), List.of(), workflow("intake", "plan"), List.of(older, finished)))
			.containsExactly(
					"workflow/workflow.yaml: phases.research: is still used by 2 running sessions on version 1 "
							+ "(sess-a, sess-b); keep it configured until they finish");
		assertThat(problems(List.of(SESSION, PHASE), List.of(), workflow("intake", "plan", "research"),
				List.of(older, finished)))
			.as("kept configured but no longer called: consistent only until the sessions end")
			.containsExactly("workflow/workflow.yaml: phases.research: is configured but "
					+ "processes/agent-task-session.bpmn20.xml does not call it; running sessions still use it, so "
					+ "this version would leave the process and workflow/workflow.yaml inconsistent once they end: "
					+ "keep the phase in both files until they have finished (or terminate them), then drop it "
					+ "from both");
	}

	@Test
	void everyProblemOfEveryFileIsListed() {
		DeploymentFile broken = file("processes/broken.bpmn20.xml");
		DeploymentFile twin = file("processes/twin.bpmn20.xml");
		Map<String, ProcessFileReport> more = Map.of(broken.name(),
				new ProcessFileReport(broken.name(), List.of(), false, List.of(),
						List.of(new ConfigProblem(broken.name(), 3, "", "is not valid BPMN 2.0 XML: oops"))),
				twin.name(), report(twin, "sessionPhase"));
		DeploymentFile yaml = new DeploymentFile(ProcessDeployments.WORKFLOW_FILE,
				"phases:\n  intake: {order: 1}\n".getBytes(StandardCharsets.UTF_8));
		DeploymentCheck check = new DeploymentCheck(
				(file) -> more.containsKey(file.name()) ? more.get(file.name()) : this.reports.get(file.name()),
				new WorkflowConfigLoader(), List.of(new ConfigProblem("notes.txt", 0, "", "is not a process file")));
		assertThatExceptionOfType(DeploymentRejected.class)
			.isThrownBy(() -> check.check(List.of(SESSION, PHASE), List.of(broken, twin, PHASE), yaml, List.of()))
			.satisfies((rejected) -> assertThat(rejected.problems()).extracting(ConfigProblem::toString)
				.containsExactly("notes.txt: is not a process file",
						"processes/broken.bpmn20.xml:3: is not valid BPMN 2.0 XML: oops",
						"processes/session-phase.bpmn20.xml: sessionPhase: process sessionPhase is defined by "
								+ "processes/twin.bpmn20.xml as well",
						"workflow/workflow.yaml:2: phases.intake.goal: is required",
						"workflow/workflow.yaml:2: phases.intake.next_step: is required"))
			.satisfies((rejected) -> assertThat(rejected.summary())
				.isEqualTo("The deployment was refused with 5 problems; nothing was deployed"));
	}

	@Test
	void uploadedFilesNeedPlainProcessFileNames() {
		List<ConfigProblem> problems = new ArrayList<>();
		assertThat(DeploymentCheck.processFileName("agent-task-session.bpmn20.xml", problems))
			.isEqualTo("processes/agent-task-session.bpmn20.xml");
		assertThat(DeploymentCheck.processFileName("C:\\models\\x.bpmn20.xml", problems))
			.isEqualTo("processes/x.bpmn20.xml");
		assertThat(DeploymentCheck.processFileName("../../etc/passwd", problems)).isNull();
		assertThat(DeploymentCheck.processFileName("my process.bpmn20.xml", problems)).isNull();
		assertThat(problems).extracting(ConfigProblem::file).containsExactly("passwd", "my process.bpmn20.xml");
	}

	private List<DeploymentFile> check(List<DeploymentFile> base, List<DeploymentFile> processes,
			DeploymentFile workflow, List<SessionProcessVersion> versions) {
		return new DeploymentCheck((file) -> this.reports.get(file.name()), new WorkflowConfigLoader(), List.of())
			.check(base, processes, workflow, versions);
	}

	private List<String> problems(List<DeploymentFile> base, List<DeploymentFile> processes, DeploymentFile workflow,
			List<SessionProcessVersion> versions) {
		try {
			check(base, processes, workflow, versions);
			return List.of();
		}
		catch (DeploymentRejected ex) {
			return ex.problems().stream().map(ConfigProblem::toString).toList();
		}
	}

	private static DeploymentFile workflow(String... phases) {
		StringBuilder yaml = new StringBuilder("phases:\n");
		for (int i = 0; i < phases.length; i++) {
			yaml.append("  ")
				.append(phases[i])
				.append(":\n    order: ")
				.append(i + 1)
				.append("\n    goal: G\n    next_step: N\n");
		}
		return new DeploymentFile(ProcessDeployments.WORKFLOW_FILE, yaml.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static DeploymentFile file(String name) {
		return new DeploymentFile(name, name.getBytes(StandardCharsets.UTF_8));
	}

	private static ProcessFileReport report(DeploymentFile file, String key, String... phases) {
		return new ProcessFileReport(file.name(), List.of(key), "agentTaskSession".equals(key), List.of(phases),
				List.of());
	}

}

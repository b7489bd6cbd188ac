package io.phaseflow.workflow;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.phaseflow.task.TaskStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The shipped {@code workflow/workflow.yaml} and the shape of what the loader returns.
 */
class WorkflowConfigLoaderTest {

	private static final Path SHIPPED = Path.of("workflow", "workflow.yaml");

	private WorkflowDefinition loadShipped() throws IOException {
		try (Reader reader = Files.newBufferedReader(SHIPPED, StandardCharsets.UTF_8)) {
			return new WorkflowConfigLoader().load("workflow/workflow.yaml", reader);
		}
	}

	@Test
	void shippedWorkflowHasSixPhasesInOrder() throws IOException {
		WorkflowDefinition workflow = loadShipped();
		assertThat(workflow.phaseIds()).containsExactly("intake", "research", "plan", "execute", "review", "close");
		assertThat(workflow.phases()).extracting(PhaseConfig::order).isSorted();
	}

	@Test
	void shippedSettingsMatchTheDesign() throws IOException {
		assertThat(loadShipped().settings()).isEqualTo(
				new Settings(false, true, true, true, true, Duration.ofHours(4), TaskStatusRules.DEFAULTS, false));
	}

	@Test
	void everyShippedPhaseIsComplete() throws IOException {
		for (PhaseConfig phase : loadShipped().phases()) {
			assertThat(phase.goal()).as(phase.id()).isNotBlank();
			assertThat(phase.description()).as(phase.id()).isNotBlank();
			assertThat(phase.artifacts().required()).as(phase.id()).isNotEmpty();
			assertThat(phase.artifacts().required()).as(phase.id())
				.allSatisfy((artifact) -> assertThat(artifact.template()).isEqualTo(artifact.name() + ".ftl"));
			assertThat(phase.events()).as(phase.id()).contains(phase.id() + ".start", phase.id() + ".end");
			assertThat(phase.nextStep()).as(phase.id()).startsWith("→ ").contains("Actions:", "When ready:");
			assertThat(phase.override().allowed()).as(phase.id()).isTrue();
		}
	}

	@Test
	void shippedIntakeMatchesTheSeed() throws IOException {
		PhaseConfig intake = loadShipped().phase("intake").orElseThrow();
		assertThat(intake.goal()).isEqualTo("Clarify task requirements and confirm understanding");
		assertThat(intake.artifacts().required()).containsExactly(new ArtifactSpec("TASK.md", "TASK.md.ftl"));
		assertThat(intake.validation().requiredFields()).containsExactly("title", "status", "description");
		assertThat(intake.events()).containsExactly("intake.start", "intake.confirmed", "intake.end");
		assertThat(intake.nextStep()).startsWith("→ Next Phase: RESEARCH\nActions:\n1. ")
			.endsWith("When ready: phaseflow phase complete\n");
	}

	@Test
	void shippedArtifactsPerPhase() throws IOException {
		WorkflowDefinition workflow = loadShipped();
		assertThat(workflow.phases()).extracting((phase) -> phase.artifacts().required().get(0).name())
			.containsExactly("TASK.md", "CONTEXT.md", "PLAN.md", "CHANGES.md", "REVIEW.md", "SUMMARY.md");
	}

	@Test
	void shippedOverridesNeedReviewersFromPlanOn() throws IOException {
		WorkflowDefinition workflow = loadShipped();
		assertThat(workflow.phases()).extracting((phase) -> phase.override().approval())
			.containsExactly(Approval.NONE, Approval.NONE, Approval.REQUIRED, Approval.REQUIRED, Approval.REQUIRED,
					Approval.REQUIRED);
		assertThat(workflow.phases()).filteredOn((phase) -> phase.override().needsApproval())
			.allSatisfy((phase) -> assertThat(phase.override().candidateGroups()).containsExactly("reviewers"));
	}

	@Test
	void omittedSettingsAndOptionalPartsTakeDefaults() {
		WorkflowDefinition workflow = WorkflowYaml.load(WorkflowYaml.phase());
		assertThat(workflow.settings()).isEqualTo(Settings.DEFAULTS);
		PhaseConfig intake = workflow.firstPhase();
		assertThat(intake.description()).isEmpty();
		assertThat(intake.artifacts()).isEqualTo(Artifacts.NONE);
		assertThat(intake.validation()).isEqualTo(Validation.NONE);
		assertThat(intake.override()).isEqualTo(OverridePolicy.NOT_ALLOWED);
		assertThat(intake.events()).isEmpty();
	}

	@Test
	void thePhaseThatDecidesQaIsDeclaredAndReviewWithoutTheKeyStillIs() {
		WorkflowDefinition workflow = WorkflowYaml
			.load(WorkflowYaml.lines("phases:", "  review:", "    order: 1", "    goal: Check", "    next_step: Next",
					"  judge:", "    order: 2", "    goal: Judge", "    qa: true", "    next_step: Next", "  close:",
					"    order: 3", "    goal: Close", "    qa: false", "    next_step: Done"));
		assertThat(workflow.phases()).extracting(PhaseConfig::id, PhaseConfig::qa)
			.containsExactly(tuple("review", true), tuple("judge", true), tuple("close", false));
		assertThat(WorkflowYaml
			.load(WorkflowYaml.lines("phases:", "  review:", "    order: 1", "    goal: Check", "    qa: false",
					"    next_step: Next"))
			.firstPhase()
			.qa()).as("a file that says so keeps review without QA").isFalse();
	}

	@Test
	void readsEveryField() {
		WorkflowDefinition workflow = WorkflowYaml.load(WorkflowYaml.lines("settings:", "  allow_phase_skip: true",
				"  allow_user_override: false", "  require_artifact_validation: false",
				"  sync_files_on_phase_complete: true", "  sync_files_on_close: false", "  stale_after: PT30M",
				"  task_status: { on_complete: pending_verification, on_fail: failed, sprint_follows_tasks: false }",
				"  require_dependencies_completed: true", "phases:", "  intake:", "    order: 7", "    goal: Clarify",
				"    description: Longer", "    artifacts:",
				"      required: [{ name: TASK.md, template: TASK.md.ftl }, NOTES.md]", "      optional:",
				"        - name: extra_notes.txt", "    validation:",
				"      required_fields: [title, metadata.acceptance_criteria]", "      warn_if_missing: [tags]",
				"    override:", "      allowed: true", "      approval: required",
				"      candidate_groups: [reviewers, leads]", "    qa: true", "    events: [intake.start, intake.end]",
				"    next_step: |", "      → Next Phase: RESEARCH", "      When ready: phaseflow phase complete"));
		assertThat(workflow.settings()).isEqualTo(new Settings(true, false, false, true, false, Duration.ofMinutes(30),
				new TaskStatusRules(TaskStatus.IN_PROGRESS, TaskStatus.PENDING_VERIFICATION, TaskStatus.FAILED,
						TaskStatus.PENDING, false),
				true));
		assertThat(workflow.firstPhase()).isEqualTo(new PhaseConfig("intake", 7, "Clarify", "Longer",
				new Artifacts(List.of(new ArtifactSpec("TASK.md", "TASK.md.ftl"), new ArtifactSpec("NOTES.md", null)),
						List.of(new ArtifactSpec("extra_notes.txt", null))),
				new Validation(List.of("title", "metadata.acceptance_criteria"), List.of("tags")),
				new OverridePolicy(true, Approval.REQUIRED, List.of("reviewers", "leads")),
				List.of("intake.start", "intake.end"), "→ Next Phase: RESEARCH\nWhen ready: phaseflow phase complete\n",
				true));
	}

	@Test
	void phasesAreOrderedByOrderNotByPosition() {
		WorkflowDefinition workflow = WorkflowYaml.load(WorkflowYaml.lines("phases:", "  second:", "    order: 20",
				"    goal: B", "    next_step: C", "  first:", "    order: 10", "    goal: A", "    next_step: B"));
		assertThat(workflow.phaseIds()).containsExactly("first", "second");
	}

}

package io.phaseflow.workflow;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static io.phaseflow.workflow.WorkflowYaml.lines;
import static io.phaseflow.workflow.WorkflowYaml.phase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each rule of {@code workflow.yaml}: a broken document yields a problem naming file,
 * line and field.
 */
class WorkflowConfigValidationTest {

	private static WorkflowConfigInvalid invalid(String yaml) {
		WorkflowConfigInvalid invalid = catchThrowableOfType(WorkflowConfigInvalid.class,
				() -> WorkflowYaml.load(yaml));
		assertThat(invalid).as("expected the document to be rejected").isNotNull();
		return invalid;
	}

	private static String message(String yaml) {
		return invalid(yaml).getMessage();
	}

	@Test
	void messageNamesFileLineAndField() {
		WorkflowConfigInvalid invalid = invalid(phase("    override:", "      approval: maybe"));
		assertThat(invalid.getMessage())
			.isEqualTo("test/workflow.yaml:7: phases.intake.override.approval: must be one of none, required");
		assertThat(invalid.problems()).containsExactly(new ConfigProblem("test/workflow.yaml", 7,
				"phases.intake.override.approval", "must be one of none, required"));
	}

	@Test
	void phasesAreRequired() {
		assertThat(message(lines("settings:", "  allow_phase_skip: false")))
			.isEqualTo("test/workflow.yaml:1: phases: must be a mapping of at least one phase");
	}

	@Test
	void phasesMustNotBeEmpty() {
		assertThat(message(lines("settings: {}", "phases: {}")))
			.isEqualTo("test/workflow.yaml:2: phases: must be a mapping of at least one phase");
	}

	@Test
	void phasesMustBeAMapping() {
		assertThat(message(lines("phases:", "  - intake")))
			.isEqualTo("test/workflow.yaml:2: phases: must be a mapping of keys to values");
	}

	@Test
	void documentMustBeAMapping() {
		assertThat(message(lines("- intake")))
			.isEqualTo("test/workflow.yaml:1: must be a mapping with settings and phases");
	}

	@Test
	void phaseIdsAreLowerCaseNames() {
		assertThat(message(lines("phases:", "  Intake:", "    order: 1", "    goal: G", "    next_step: N")))
			.startsWith("test/workflow.yaml:2: phases.Intake: phase id must be 1-40 lower-case letters");
		assertThat(message(lines("phases:", "  \"../x\":", "    order: 1", "    goal: G", "    next_step: N")))
			.startsWith("test/workflow.yaml:2: phases.../x: phase id must be");
	}

	@Test
	void orderMustBeAWholeNumber() {
		assertThat(message(lines("phases:", "  intake:", "    order: abc", "    goal: G", "    next_step: N")))
			.isEqualTo("test/workflow.yaml:3: phases.intake.order: must be a whole number");
		assertThat(message(lines("phases:", "  intake:", "    order: 1.5", "    goal: G", "    next_step: N")))
			.isEqualTo("test/workflow.yaml:3: phases.intake.order: must be a whole number");
	}

	@Test
	void orderMustBePositive() {
		assertThat(message(lines("phases:", "  intake:", "    order: 0", "    goal: G", "    next_step: N")))
			.isEqualTo("test/workflow.yaml:3: phases.intake.order: must be a positive whole number");
	}

	@Test
	void orderIsRequired() {
		assertThat(message(lines("phases:", "  intake:", "    goal: G", "    next_step: N")))
			.isEqualTo("test/workflow.yaml:2: phases.intake.order: is required");
	}

	@Test
	void ordersAreUnique() {
		assertThat(message(lines("phases:", "  intake:", "    order: 1", "    goal: G", "    next_step: N",
				"  research:", "    order: 1", "    goal: G", "    next_step: N")))
			.isEqualTo("test/workflow.yaml:7: phases.research.order: order 1 is already used by phase 'intake'");
	}

	@Test
	void goalIsRequiredAndNotBlank() {
		assertThat(message(lines("phases:", "  intake:", "    order: 1", "    next_step: N")))
			.isEqualTo("test/workflow.yaml:2: phases.intake.goal: is required");
		assertThat(message(lines("phases:", "  intake:", "    order: 1", "    goal: \"  \"", "    next_step: N")))
			.isEqualTo("test/workflow.yaml:4: phases.intake.goal: must not be blank");
		assertThat(message(lines("phases:", "  intake:", "    order: 1", "    goal:", "    next_step: N")))
			.isEqualTo("test/workflow.yaml:4: phases.intake.goal: must not be blank");
	}

	@Test
	void nextStepIsRequiredText() {
		assertThat(message(lines("phases:", "  intake:", "    order: 1", "    goal: G")))
			.isEqualTo("test/workflow.yaml:2: phases.intake.next_step: is required");
		assertThat(message(phase("    description: [a, b]")))
			.isEqualTo("test/workflow.yaml:6: phases.intake.description: must be text");
	}

	@Test
	void artifactNamesArePlainFileNames() {
		assertThat(message(phase("    artifacts:", "      required:", "        - name: ../etc/passwd")))
			.startsWith("test/workflow.yaml:8: phases.intake.artifacts.required[0].name: must be a plain file name");
		assertThat(message(phase("    artifacts:", "      optional: [docs/TASK.md]")))
			.startsWith("test/workflow.yaml:7: phases.intake.artifacts.optional[0]: must be a plain file name");
		assertThat(message(phase("    artifacts:", "      optional: ['a\\b.md']")))
			.startsWith("test/workflow.yaml:7: phases.intake.artifacts.optional[0]: must be a plain file name");
		assertThat(message(phase("    artifacts:", "      optional: [TASK..md]")))
			.startsWith("test/workflow.yaml:7: phases.intake.artifacts.optional[0]: must be a plain file name");
		assertThat(message(phase("    artifacts:", "      optional: [.hidden]")))
			.startsWith("test/workflow.yaml:7: phases.intake.artifacts.optional[0]: must be a plain file name");
	}

	@Test
	void artifactNameIsRequired() {
		assertThat(message(phase("    artifacts:", "      required:", "        - template: TASK.md.ftl")))
			.isEqualTo("test/workflow.yaml:8: phases.intake.artifacts.required[0].name: is required");
	}

	@Test
	void artifactsAreListedOnce() {
		assertThat(message(phase("    artifacts:", "      required: [TASK.md]", "      optional: [TASK.md]")))
			.isEqualTo(
					"test/workflow.yaml:8: phases.intake.artifacts.optional[0]: artifact TASK.md is listed more than once");
	}

	@Test
	void artifactsMustBeLists() {
		assertThat(message(phase("    artifacts:", "      required: TASK.md")))
			.isEqualTo("test/workflow.yaml:7: phases.intake.artifacts.required: must be a list");
	}

	@Test
	void templatesArePlainFtlFileNames() {
		assertThat(message(
				phase("    artifacts:", "      required:", "        - name: TASK.md", "          template: TASK.md")))
			.startsWith(
					"test/workflow.yaml:9: phases.intake.artifacts.required[0].template: must be a plain template file name ending in .ftl");
		assertThat(message(phase("    artifacts:", "      required: [{ name: TASK.md, template: ../x.ftl }]")))
			.startsWith("test/workflow.yaml:7: phases.intake.artifacts.required[0].template: must be a plain template");
	}

	@Test
	void fieldNamesAreTaskFields() {
		assertThat(message(phase("    validation:", "      required_fields: [title, Title]")))
			.isEqualTo("test/workflow.yaml:7: phases.intake.validation.required_fields[1]: "
					+ "must be a task field such as title, tags or metadata.key");
		assertThat(message(phase("    validation:", "      warn_if_missing:", "        - metadata.", "        - tags")))
			.startsWith("test/workflow.yaml:8: phases.intake.validation.warn_if_missing[0]: must be a task field");
	}

	@Test
	void approvalIsNoneOrRequired() {
		assertThat(
				message(phase("    override: { allowed: true, approval: sometimes, candidate_groups: [reviewers] }")))
			.isEqualTo("test/workflow.yaml:6: phases.intake.override.approval: must be one of none, required");
	}

	@Test
	void requiredApprovalNeedsCandidateGroups() {
		assertThat(message(phase("    override:", "      approval: required", "      candidate_groups: []")))
			.isEqualTo("test/workflow.yaml:8: phases.intake.override.candidate_groups: "
					+ "must name at least one group when approval is required");
		assertThat(message(phase("    override:", "      allowed: true")))
			.isEqualTo("test/workflow.yaml:6: phases.intake.override.candidate_groups: "
					+ "must name at least one group when approval is required");
	}

	@Test
	void overridesThatAreNotAllowedNeedNoGroups() {
		assertThat(WorkflowYaml.load(phase("    override: { allowed: false }")).firstPhase().override().allowed())
			.isFalse();
		assertThat(WorkflowYaml.load(phase("    override: { approval: none }")).firstPhase().override().needsApproval())
			.isFalse();
	}

	@Test
	void theApprovalTasksDueDateAndPriorityAreADurationAndAPercentage() {
		OverridePolicy given = WorkflowYaml
			.load(phase("    override: { candidate_groups: [reviewers], due_in: PT4H, priority: 60 }"))
			.firstPhase()
			.override();
		assertThat(given.dueIn()).isEqualTo(Duration.ofHours(4));
		assertThat(given.priority()).isEqualTo(60);
		OverridePolicy defaults = WorkflowYaml.load(phase("    override: { candidate_groups: [reviewers] }"))
			.firstPhase()
			.override();
		assertThat(defaults.dueIn()).isEqualTo(Duration.ofHours(24));
		assertThat(defaults.priority()).isEqualTo(50);

		assertThat(message(phase("    override: { candidate_groups: [reviewers], due_in: 4h }"))).isEqualTo(
				"test/workflow.yaml:6: phases.intake.override.due_in: must be a positive ISO-8601 duration such as PT4H or PT30M");
		assertThat(message(phase("    override: { candidate_groups: [reviewers], due_in: PT0S }")))
			.contains("phases.intake.override.due_in: must be a positive ISO-8601 duration");
		assertThat(message(phase("    override: { candidate_groups: [reviewers], priority: 101 }")))
			.isEqualTo("test/workflow.yaml:6: phases.intake.override.priority: must be a whole number from 0 to 100");
		assertThat(message(phase("    override: { candidate_groups: [reviewers], priority: high }")))
			.contains("phases.intake.override.priority: must be a whole number from 0 to 100");
		assertThat(message(phase("    override:", "      approval: none", "      priority: 60")))
			.isEqualTo("test/workflow.yaml:8: phases.intake.override.priority: applies only to an override that is "
					+ "allowed and needs approval (approval: required)");
		assertThat(message(phase("    override: { allowed: false, due_in: PT1H }")))
			.contains("phases.intake.override.due_in: applies only to an override that is allowed and needs approval");
	}

	@Test
	void candidateGroupsAreNames() {
		assertThat(message(phase("    override: { approval: required, candidate_groups: [\"review ers\"] }")))
			.startsWith("test/workflow.yaml:6: phases.intake.override.candidate_groups[0]: must be a group name");
	}

	@Test
	void staleAfterIsAPositiveIsoDuration() {
		assertThat(message(lines("settings:", "  stale_after: 4h", "phases:", "  intake:", "    order: 1",
				"    goal: G", "    next_step: N")))
			.isEqualTo(
					"test/workflow.yaml:2: settings.stale_after: must be a positive ISO-8601 duration such as PT4H or PT30M");
		assertThat(message(lines("settings:", "  stale_after: PT0S", "phases: {}")))
			.contains("test/workflow.yaml:2: settings.stale_after: must be a positive");
		assertThat(message(lines("settings:", "  stale_after: -PT1H", "phases: {}")))
			.contains("test/workflow.yaml:2: settings.stale_after: must be a positive");
	}

	@Test
	void qaEventsAreDeclaredOnlyWhereThePhaseDecidesQa() {
		assertThat(message(lines("phases:", "  plan:", "    order: 1", "    goal: G", "    next_step: N",
				"    events: [plan.start, plan.qa_passed]")))
			.contains("test/workflow.yaml:6: phases.plan.events[1]: qa_passed and qa_failed are the only qa_ events");
		assertThat(message(lines("phases:", "  review:", "    order: 1", "    goal: G", "    next_step: N",
				"    events: [review.qa_maybe]")))
			.contains("phases.review.events[0]: qa_passed and qa_failed are the only qa_ events");
	}

	@Test
	void taskStatusRulesNameTaskStatuses() {
		assertThat(message(lines("settings:", "  task_status:", "    on_start: started", "phases: {}")))
			.contains("test/workflow.yaml:3: settings.task_status.on_start: must be one of pending, in_progress, "
					+ "pending_verification, completed, failed, blocked");
		assertThat(message(lines("settings:", "  task_status: { on_done: completed }", "phases: {}")))
			.contains("settings.task_status.on_done");
	}

	@Test
	void flagsAreTrueOrFalse() {
		assertThat(message(lines("settings:", "  allow_user_override: maybe", "phases:", "  intake:", "    order: 1",
				"    goal: G", "    next_step: N")))
			.isEqualTo("test/workflow.yaml:2: settings.allow_user_override: must be true or false");
		assertThat(message(phase("    override: { allowed: 1, approval: none }")))
			.isEqualTo("test/workflow.yaml:6: phases.intake.override.allowed: must be true or false");
	}

	@Test
	void settingsMustBeAMapping() {
		assertThat(message(lines("settings: strict", "phases: {}")))
			.startsWith("test/workflow.yaml:1: settings: must be a mapping of keys to values");
	}

	@Test
	void eventsArePhaseEventNames() {
		assertThat(message(phase("    events: [intake.start, start]"))).isEqualTo(
				"test/workflow.yaml:6: phases.intake.events[1]: must be an event name starting with 'intake.', such as intake.start");
		assertThat(message(phase("    events:", "      - research.start")))
			.startsWith("test/workflow.yaml:7: phases.intake.events[0]: must be an event name starting with 'intake.'");
		assertThat(message(phase("    events: intake.start")))
			.isEqualTo("test/workflow.yaml:6: phases.intake.events: must be a list");
	}

	@Test
	void unknownKeysAreNamed() {
		assertThat(message(phase("    gaol: Typo")))
			.isEqualTo("test/workflow.yaml:6: phases.intake.gaol: unknown key 'gaol'; "
					+ "expected one of order, goal, description, artifacts, validation, override, events, next_step, qa");
		assertThat(message(lines("setings: {}", "phases: {}")))
			.startsWith("test/workflow.yaml:1: setings: unknown key 'setings'; expected one of settings, phases");
		assertThat(message(phase("    override: { approval: none, groups: [a] }")))
			.startsWith("test/workflow.yaml:6: phases.intake.override.groups: unknown key 'groups'");
		assertThat(message(phase("    hooks: { on_bug_found: notify }")))
			.startsWith("test/workflow.yaml:6: phases.intake.hooks: unknown key 'hooks'");
	}

	@Test
	void allProblemsAreReportedTogether() {
		WorkflowConfigInvalid invalid = invalid(lines("settings:", "  allow_phase_skip: nope", "phases:", "  intake:",
				"    order: x", "    goal: G", "    next_step: N", "    artifacts:", "      required: [a/b]",
				"  research:", "    order: 2", "    next_step: N", "    override: { approval: always }"));
		assertThat(invalid.problems()).extracting(ConfigProblem::line, ConfigProblem::path)
			.containsExactly(tuple(2, "settings.allow_phase_skip"), tuple(5, "phases.intake.order"),
					tuple(9, "phases.intake.artifacts.required[0]"), tuple(10, "phases.research.goal"),
					tuple(13, "phases.research.override.approval"));
		assertThat(invalid.getMessage().lines()).hasSize(5);
	}

}

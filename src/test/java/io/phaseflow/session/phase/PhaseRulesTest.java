package io.phaseflow.session.phase;

import java.io.StringReader;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phaseflow.common.FieldError;
import io.phaseflow.session.PhaseCheck;
import io.phaseflow.session.PhaseCheck.Result;
import io.phaseflow.workflow.PhaseConfig;
import io.phaseflow.workflow.WorkflowConfigLoader;
import io.phaseflow.workflow.WorkflowDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of a phase check, without a database or a process: what is missing, and what
 * the check decides from it and from the workflow's override settings.
 */
class PhaseRulesTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * A task field is the PM's: the error says who fills it and that no override lasts.
	 */
	private static final String DESCRIPTION_FOR_PM = "is required in the plan phase; only a PM can set it: "
			+ "PATCH /tasks/ (an approved override covers only the phase it was asked in)";

	private static final JsonNode COMPLETE_TASK = task(
			"{\"title\": \"Fix\", \"description\": \"d\", \"metadata\": {\"tags\": [\"a\"]}}");

	@Test
	void aPhaseWithEverythingItAsksForIsValid() {
		PhaseCheck check = check(workflow("none", true), Set.of("PLAN.md"), COMPLETE_TASK, false);
		assertThat(check.result()).isEqualTo(Result.VALID);
		assertThat(check.errors()).isEmpty();
		assertThat(check.warnings()).isEmpty();
		assertThat(check.candidateGroups()).isEmpty();
	}

	@Test
	void aMissingArtifactOrFieldSendsTheAgentBackToWork() {
		PhaseCheck check = check(workflow("required", true), Set.of(), task("{\"title\": \"Fix\"}"), false);
		assertThat(check.result()).isEqualTo(Result.INVALID);
		assertThat(check.errors()).containsExactly(new FieldError("artifacts.PLAN.md", "is required in the plan phase"),
				new FieldError("task.description", DESCRIPTION_FOR_PM));
		assertThat(check.warnings()).containsExactly(new FieldError("task.metadata.tags", "is missing"));
	}

	@Test
	void fromTheSecondIterationOnTheErrorNamesTheIteration() {
		PhaseCheck check = PhaseRules.check(workflow("none", true), plan(workflow("none", true)), 2, (name) -> false,
				COMPLETE_TASK, false, null);
		assertThat(check.errors())
			.containsExactly(new FieldError("artifacts.PLAN.md", "is required in the plan phase of iteration 2"));
	}

	@Test
	void emptyTextListsAndNullCountAsMissing() {
		for (String task : new String[] { "{\"title\": \"Fix\", \"description\": \"  \"}",
				"{\"title\": \"Fix\", \"description\": null}", "{\"title\": \"Fix\", \"description\": []}" }) {
			assertThat(check(workflow("none", true), Set.of("PLAN.md"), task(task), false).errors()).as(task)
				.containsExactly(new FieldError("task.description", DESCRIPTION_FOR_PM));
		}
	}

	@Test
	void anOverrideWithoutApprovalLetsThePhaseEnd() {
		PhaseCheck check = PhaseRules.check(workflow("none", true), plan(workflow("none", true)), 1, (name) -> false,
				COMPLETE_TASK, true, "trivial");
		assertThat(check.result()).isEqualTo(Result.OVERRIDE);
		assertThat(check.reason()).isEqualTo("trivial");
		assertThat(check.errors()).isNotEmpty();
		assertThat(check.candidateGroups()).isEmpty();
	}

	@Test
	void anOverrideThatNeedsApprovalWaitsForTheCandidateGroups() {
		PhaseCheck check = check(workflow("required", true), Set.of(), COMPLETE_TASK, true);
		assertThat(check.result()).isEqualTo(Result.APPROVAL);
		assertThat(check.candidateGroups()).containsExactly("reviewers");
	}

	@Test
	void anOverrideIsRefusedWhereTheWorkflowForbidsIt() {
		assertThat(check(workflow("required", false), Set.of(), COMPLETE_TASK, true).result())
			.isEqualTo(Result.INVALID);
		WorkflowDefinition noOverride = load("""
				phases:
				  plan:
				    order: 1
				    goal: Plan
				    next_step: Review it
				    artifacts: { required: [ { name: PLAN.md } ] }
				""");
		assertThat(check(noOverride, Set.of(), COMPLETE_TASK, true).result()).isEqualTo(Result.INVALID);
	}

	@Test
	void withArtifactValidationOffOnlyFieldsAreChecked() {
		WorkflowDefinition lax = load("""
				settings: { require_artifact_validation: false }
				phases:
				  plan:
				    order: 1
				    goal: Plan
				    next_step: Review it
				    artifacts: { required: [ { name: PLAN.md } ] }
				    validation: { required_fields: [description] }
				""");
		assertThat(check(lax, Set.of(), COMPLETE_TASK, false).result()).isEqualTo(Result.VALID);
		assertThat(check(lax, Set.of(), task("{\"title\": \"Fix\"}"), false).errors())
			.containsExactly(new FieldError("task.description", DESCRIPTION_FOR_PM));
	}

	private static PhaseCheck check(WorkflowDefinition workflow, Set<String> present, JsonNode task, boolean override) {
		return PhaseRules.check(workflow, plan(workflow), 1, present::contains, task, override,
				override ? "why" : null);
	}

	private static PhaseConfig plan(WorkflowDefinition workflow) {
		return workflow.phase("plan").orElseThrow();
	}

	private static WorkflowDefinition workflow(String approval, boolean allowUserOverride) {
		return load("""
				settings: { allow_user_override: %s }
				phases:
				  plan:
				    order: 1
				    goal: Plan
				    next_step: Review it
				    artifacts: { required: [ { name: PLAN.md } ] }
				    validation: { required_fields: [title, description], warn_if_missing: [metadata.tags] }
				    override: { allowed: true, approval: %s, candidate_groups: [reviewers] }
				""".formatted(allowUserOverride, approval));
	}

	private static WorkflowDefinition load(String yaml) {
		return new WorkflowConfigLoader().load("test/workflow.yaml", new StringReader(yaml));
	}

	private static JsonNode task(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package io.phaseflow.workflow.deployment;

import java.util.List;

import io.phaseflow.workflow.ConfigProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session process and workflow.yaml must name the same phases.
 */
class WorkflowConsistencyTest {

	@Test
	void theSamePhasesOnBothSidesAreConsistent() {
		assertThat(WorkflowConsistency.problems(List.of("intake", "plan", "plan"), List.of("intake", "plan")))
			.isEmpty();
	}

	@Test
	void aPhaseOnOneSideOnlyIsNamedWithTheFile() {
		List<ConfigProblem> problems = WorkflowConsistency.problems(List.of("intake", "deploy"),
				List.of("intake", "review"));
		assertThat(problems).extracting(ConfigProblem::toString)
			.containsExactly(
					"workflow/workflow.yaml: phases.deploy: is called by processes/agent-task-session.bpmn20.xml but not configured",
					"workflow/workflow.yaml: phases.review: is configured but processes/agent-task-session.bpmn20.xml does not call it");
	}

}

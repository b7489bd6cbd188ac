package io.phaseflow.workflow.deployment;

import java.util.List;
import java.util.Map;

import io.phaseflow.common.FieldError;
import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;
import io.phaseflow.workflow.ConfigProblem;

/**
 * The active version's process and {@code workflow.yaml} name different phases (deployed
 * by an older run), so no session may start or move on until a consistent version is
 * deployed (HTTP 503). Names each problem and the fix.
 */
public class WorkflowInconsistent extends PhaseflowException {

	WorkflowInconsistent(List<ConfigProblem> problems) {
		super(Kind.UNAVAILABLE,
				"The active workflow is inconsistent, so sessions cannot start or move on: " + WorkflowConsistency.FIX,
				problems.stream()
					.map((problem) -> new FieldError(problem.path().isEmpty() ? problem.file() : problem.path(),
							problem.toString()))
					.toList());
	}

	@Override
	public String title() {
		return "Workflow inconsistent";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("fix", WorkflowConsistency.FIX);
	}

}

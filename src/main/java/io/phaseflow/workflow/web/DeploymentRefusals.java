package io.phaseflow.workflow.web;

import java.util.List;
import java.util.Optional;

import io.phaseflow.api.ProblemResponses;
import io.phaseflow.api.ProblemTranslator;
import io.phaseflow.workflow.DeploymentRejected;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * A refused deployment as a 422 problem listing file, line, field or element and message
 * of every problem, wherever it was refused (Phaseflow's endpoint or
 * {@code /process-api}).
 */
@Component
class DeploymentRefusals implements ProblemTranslator {

	@Override
	public Optional<ProblemDetail> translate(Exception ex) {
		return (ex instanceof DeploymentRejected rejected) ? Optional.of(problem(rejected)) : Optional.empty();
	}

	static ProblemDetail problem(DeploymentRejected ex) {
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Deployment refused",
				ex.summary(), List.of());
		problem.setProperty("errors", ex.problems().stream().map(WorkflowViews.Problem::of).toList());
		return problem;
	}

}

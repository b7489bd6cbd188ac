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

	/**
	 * The refusal, also when the process engine's REST API wrapped it in its own
	 * exception.
	 */
	@Override
	public Optional<ProblemDetail> translate(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof DeploymentRejected rejected) {
				return Optional.of(problem(rejected));
			}
		}
		return Optional.empty();
	}

	static ProblemDetail problem(DeploymentRejected ex) {
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Deployment refused",
				ex.summary(), List.of());
		problem.setProperty("errors", ex.problems().stream().map(WorkflowViews.Problem::of).toList());
		return problem;
	}

}

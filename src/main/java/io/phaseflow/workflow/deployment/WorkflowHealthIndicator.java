package io.phaseflow.workflow.deployment;

import java.util.List;

import io.phaseflow.workflow.ConfigProblem;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code workflow} health component: DOWN while the active version cannot run
 * sessions, with its problems and the fix; a working copy refused at start is shown
 * beside it (the server runs the active version meanwhile).
 */
@Component
class WorkflowHealthIndicator implements HealthIndicator {

	private final WorkflowConsistency consistency;

	WorkflowHealthIndicator(WorkflowConsistency consistency) {
		this.consistency = consistency;
	}

	@Override
	public Health health() {
		List<ConfigProblem> problems = this.consistency.problems();
		Health.Builder health = problems.isEmpty() ? Health.up()
				: Health.down()
					.withDetail("problems", problems.stream().map(ConfigProblem::toString).toList())
					.withDetail("fix", WorkflowConsistency.FIX);
		List<ConfigProblem> refused = this.consistency.workingCopyRefused();
		if (!refused.isEmpty()) {
			health.withDetail("working_copy_refused", refused.stream().map(ConfigProblem::toString).toList())
				.withDetail("working_copy_fix", WorkflowConsistency.WORKING_COPY_FIX);
		}
		return health.build();
	}

}

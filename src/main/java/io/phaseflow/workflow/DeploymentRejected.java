package io.phaseflow.workflow;

import java.util.List;

/**
 * A new version of the processes or of {@code workflow.yaml} was refused; nothing was
 * deployed and the active workflow is unchanged. Lists every problem found, each naming
 * its file, line (when known) and field or element.
 */
public class DeploymentRejected extends WorkflowConfigInvalid {

	public DeploymentRejected(List<ConfigProblem> problems) {
		super(problems);
	}

	/** One sentence for the caller: how many problems, and that nothing changed. */
	public String summary() {
		int count = problems().size();
		return "The deployment was refused with " + count + ((count == 1) ? " problem" : " problems")
				+ "; nothing was deployed";
	}

}

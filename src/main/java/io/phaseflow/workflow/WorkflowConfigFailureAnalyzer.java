package io.phaseflow.workflow;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up failure caused by an invalid {@code workflow.yaml} into a short report
 * of its problems instead of a stack trace.
 */
class WorkflowConfigFailureAnalyzer extends AbstractFailureAnalyzer<WorkflowConfigInvalid> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, WorkflowConfigInvalid cause) {
		String problems = cause.problems()
			.stream()
			.map((problem) -> "    " + problem)
			.collect(Collectors.joining("\n"));
		String description = "The workflow configuration is invalid:\n\n" + problems;
		String action = (cause instanceof DeploymentRejected)
				? "Fix the working copy's files named above (processes/*.bpmn20.xml, workflow/workflow.yaml) and "
						+ "start Phaseflow again; nothing was deployed."
				: "Fix workflow.yaml (the file and lines named above) and start Phaseflow again. "
						+ "workflow/README.md describes every field.";
		return new FailureAnalysis(description, action, cause);
	}

}

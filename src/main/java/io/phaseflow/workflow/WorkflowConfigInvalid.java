package io.phaseflow.workflow;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code workflow.yaml} is missing, unreadable or does not describe a valid workflow. The
 * message lists every problem found, one per line, each naming file, line and field.
 */
public class WorkflowConfigInvalid extends RuntimeException {

	private final List<ConfigProblem> problems;

	public WorkflowConfigInvalid(List<ConfigProblem> problems) {
		super(describe(problems));
		this.problems = List.copyOf(problems);
	}

	public List<ConfigProblem> problems() {
		return this.problems;
	}

	private static String describe(List<ConfigProblem> problems) {
		return problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
	}

}

package io.phaseflow.workflow;

import java.io.StringReader;

/**
 * Small YAML documents for tests, written line by line so that line numbers are obvious.
 */
final class WorkflowYaml {

	static final String LABEL = "test/workflow.yaml";

	private WorkflowYaml() {
	}

	static String lines(String... lines) {
		return String.join("\n", lines) + "\n";
	}

	static WorkflowDefinition load(String yaml) {
		return new WorkflowConfigLoader().load(LABEL, new StringReader(yaml));
	}

	/**
	 * A one-phase document; {@code extra} lines are added to the phase from line 6 on.
	 */
	static String phase(String... extra) {
		String head = lines("phases:", "  intake:", "    order: 1", "    goal: Clarify the task",
				"    next_step: Go on");
		return head + (extra.length > 0 ? lines(extra) : "");
	}

}

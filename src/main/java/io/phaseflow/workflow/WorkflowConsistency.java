package io.phaseflow.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, once the processes are deployed (and before start-up completes): every phase
 * the session process calls has its configuration in {@code workflow.yaml}, and every
 * configured phase is called by the process.
 */
@Component
class WorkflowConsistency {

	static final String PROCESS_FILE = "processes/agent-task-session.bpmn20.xml";

	private final WorkflowEngine engine;

	private final WorkflowDefinition workflow;

	WorkflowConsistency(WorkflowEngine engine, WorkflowDefinition workflow) {
		this.engine = engine;
		this.workflow = workflow;
	}

	@EventListener(ApplicationStartedEvent.class)
	void check() {
		List<ConfigProblem> problems = problems(this.engine.calledPhases(), this.workflow.phaseIds());
		if (!problems.isEmpty()) {
			throw new WorkflowConfigInvalid(problems);
		}
	}

	static List<ConfigProblem> problems(List<String> called, List<String> configured) {
		List<ConfigProblem> problems = new ArrayList<>();
		Set<String> calledSet = new LinkedHashSet<>(called);
		for (String phase : calledSet) {
			if (!configured.contains(phase)) {
				problems.add(new ConfigProblem(WorkflowConfigLoader.DEFAULT_LABEL, 0, "phases." + phase,
						"is called by " + PROCESS_FILE + " but not configured"));
			}
		}
		for (String phase : configured) {
			if (!calledSet.contains(phase)) {
				problems.add(new ConfigProblem(WorkflowConfigLoader.DEFAULT_LABEL, 0, "phases." + phase,
						"is configured but " + PROCESS_FILE + " does not call it"));
			}
		}
		return problems;
	}

}

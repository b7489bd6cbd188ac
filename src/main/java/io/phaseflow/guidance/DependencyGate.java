package io.phaseflow.guidance;

import java.util.List;
import java.util.Map;

import io.phaseflow.session.StartGuard;
import io.phaseflow.task.Task;
import io.phaseflow.workflow.deployment.Workflows;

import org.springframework.stereotype.Component;

/**
 * With workflow.yaml's {@code require_dependencies_completed}, no new session starts on a
 * task while a task it depends on is not completed (409); a running session goes on.
 */
@Component
class DependencyGate implements StartGuard {

	private final Workflows workflows;

	private final ContextBroker broker;

	DependencyGate(Workflows workflows, ContextBroker broker) {
		this.workflows = workflows;
		this.broker = broker;
	}

	@Override
	public void starting(Task task) {
		if (!this.workflows.active().settings().requireDependenciesCompleted()) {
			return;
		}
		List<Map<String, Object>> open = ContextBroker.open(this.broker.dependencies(task));
		if (!open.isEmpty()) {
			throw new DependenciesOpen(task.taskCode(), open, ContextBroker.describe(open));
		}
	}

}

package io.phaseflow.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.phaseflow.workflow.ProcessDeployments.SessionProcessVersion;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * At start, once the processes are deployed and before the web server takes a request:
 * every phase the active session process calls has its configuration in the active
 * {@code workflow.yaml}, and every configured phase is called by the process (or by an
 * older version that sessions still run on). A mismatch stops start-up, so no instance
 * ever answers with a workflow it cannot run.
 */
@Component
class WorkflowConsistency implements SmartLifecycle {

	/**
	 * After Flowable's process engine (phase 20), whose start deploys the processes, and
	 * before the web server (phase {@code Integer.MAX_VALUE - 2048}) opens its port.
	 */
	private static final int PHASE = 1000;

	static final String PROCESS_FILE = "processes/agent-task-session.bpmn20.xml";

	private final WorkflowEngine engine;

	private final Workflows workflows;

	private final ProcessDeployments deployments;

	private volatile boolean running;

	WorkflowConsistency(WorkflowEngine engine, Workflows workflows, ProcessDeployments deployments) {
		this.engine = engine;
		this.workflows = workflows;
		this.deployments = deployments;
	}

	@Override
	public void start() {
		check();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void check() {
		Set<String> stillUsed = new LinkedHashSet<>();
		for (SessionProcessVersion version : this.deployments.sessionProcessVersions()) {
			if (!version.runningSessions().isEmpty()) {
				stillUsed.addAll(version.calledPhases());
			}
		}
		List<ConfigProblem> problems = problems(PROCESS_FILE, WorkflowConfigLoader.DEFAULT_LABEL,
				this.engine.calledPhases(), this.workflows.active().phaseIds(), stillUsed);
		if (!problems.isEmpty()) {
			throw new WorkflowConfigInvalid(problems);
		}
	}

	static List<ConfigProblem> problems(List<String> called, List<String> configured) {
		return problems(PROCESS_FILE, WorkflowConfigLoader.DEFAULT_LABEL, called, configured, Set.of());
	}

	/**
	 * The phases called but not configured, and those configured but called neither by
	 * the process nor by a version that sessions still run on ({@code stillUsed}).
	 */
	static List<ConfigProblem> problems(String processFile, String workflowFile, List<String> called,
			List<String> configured, Set<String> stillUsed) {
		List<ConfigProblem> problems = new ArrayList<>();
		Set<String> calledSet = new LinkedHashSet<>(called);
		for (String phase : calledSet) {
			if (!configured.contains(phase)) {
				problems.add(new ConfigProblem(workflowFile, 0, "phases." + phase,
						"is called by " + processFile + " but not configured"));
			}
		}
		for (String phase : configured) {
			if (!calledSet.contains(phase) && !stillUsed.contains(phase)) {
				problems.add(new ConfigProblem(workflowFile, 0, "phases." + phase,
						"is configured but " + processFile + " does not call it"));
			}
		}
		return problems;
	}

}

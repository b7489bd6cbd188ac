package io.phaseflow.workflow.deployment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.phaseflow.workflow.ConfigProblem;
import io.phaseflow.workflow.WorkflowConfigLoader;
import io.phaseflow.workflow.WorkflowEngine;
import io.phaseflow.workflow.deployment.ProcessDeployments.SessionProcessVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Whether the active version can run sessions: every phase the active session process
 * calls has its configuration in the active {@code workflow.yaml}, and every configured
 * phase is called by the process (or by an older version that sessions still run on).
 * Checked at start, once the processes are deployed and before the web server takes a
 * request, and again whenever asked: an inconsistent version (deployed by an older run)
 * no longer stops start-up but shows as the {@code workflow} health component, DOWN with
 * the problems and the fix, and sessions cannot start or move on
 * ({@link WorkflowInconsistent}) until a consistent version is deployed. A working copy
 * refused at start is reported beside it.
 */
@Component
public class WorkflowConsistency implements SmartLifecycle {

	/**
	 * After Flowable's process engine (phase 20), whose start deploys the processes, and
	 * before the web server (phase {@code Integer.MAX_VALUE - 2048}) opens its port.
	 */
	private static final int PHASE = 1000;

	static final String PROCESS_FILE = "processes/agent-task-session.bpmn20.xml";

	/** What to do about an inconsistent active version. */
	public static final String FIX = "Deploy a version whose process calls exactly the phases its workflow.yaml "
			+ "configures: POST /api/orchestration/workflow/deployments with the process file and workflow.yaml "
			+ "(or correct both in the working copy's processes/ and workflow/ and restart)";

	/** What to do about a working copy refused at start. */
	public static final String WORKING_COPY_FIX = "Correct the working copy's files named above "
			+ "(processes/*.bpmn20.xml, workflow/workflow.yaml) and restart, or save them with "
			+ "phaseflow.processes.watch=true; until then the server runs the active version";

	private static final Logger log = LoggerFactory.getLogger(WorkflowConsistency.class);

	private final WorkflowEngine engine;

	private final Workflows workflows;

	private final ProcessDeployments deployments;

	private volatile boolean running;

	/** The last version found consistent, so that asking again costs one lookup. */
	private volatile String consistentDeployment;

	private volatile List<ConfigProblem> workingCopyRefused = List.of();

	WorkflowConsistency(WorkflowEngine engine, Workflows workflows, ProcessDeployments deployments) {
		this.engine = engine;
		this.workflows = workflows;
		this.deployments = deployments;
	}

	@Override
	public void start() {
		List<ConfigProblem> problems = problems();
		if (!problems.isEmpty()) {
			log.error(
					"The active workflow is inconsistent; sessions cannot start or move on until it is fixed:\n{}\n{}",
					problems.stream().map((problem) -> "    " + problem).collect(Collectors.joining("\n")), FIX);
		}
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

	/**
	 * The problems of the active version; empty when it can run sessions.
	 */
	public List<ConfigProblem> problems() {
		Optional<String> active = this.deployments.activeDeploymentId();
		if (active.isEmpty()) {
			return List.of(new ConfigProblem(PROCESS_FILE, 0, "",
					"no version of the session process " + WorkflowEngine.SESSION_PROCESS + " is deployed"));
		}
		if (active.get().equals(this.consistentDeployment)) {
			return List.of();
		}
		List<String> called = this.engine.calledPhases();
		List<String> configured = this.workflows.active().phaseIds();
		if (problems(PROCESS_FILE, WorkflowConfigLoader.DEFAULT_LABEL, called, configured, Set.of()).isEmpty()) {
			this.consistentDeployment = active.get();
			return List.of();
		}
		Set<String> stillUsed = new LinkedHashSet<>();
		for (SessionProcessVersion version : this.deployments.sessionProcessVersions()) {
			if (!version.runningSessions().isEmpty()) {
				stillUsed.addAll(version.calledPhases());
			}
		}
		return problems(PROCESS_FILE, WorkflowConfigLoader.DEFAULT_LABEL, called, configured, stillUsed);
	}

	/**
	 * Refuses to start or move a session on while the active version is inconsistent.
	 * @throws WorkflowInconsistent naming the problems and the fix
	 */
	public void requireConsistent() {
		List<ConfigProblem> problems = problems();
		if (!problems.isEmpty()) {
			throw new WorkflowInconsistent(problems);
		}
	}

	/** The problems of the working copy refused at start; empty once it is deployed. */
	public List<ConfigProblem> workingCopyRefused() {
		return this.workingCopyRefused;
	}

	void workingCopyRefused(List<ConfigProblem> problems) {
		this.workingCopyRefused = List.copyOf(problems);
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

package io.phaseflow.bench.stack;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.phaseflow.flowable.EngineBaseline;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.task.api.Task;

/**
 * A session's process as the benchmark's two baselines drive it, bare Flowable in-process
 * and the frameworks alone over HTTP: started with the variables Phaseflow's engine
 * adapter passes, each phase's agent task found with the server's own query and completed
 * as an agent's phase completion does, the process's delegates no-ops but for the phase
 * check. One piece for both, so that they do the same work. It lies in the package that
 * the frameworks-alone baseline's jar holds.
 */
public final class BaselineSession {

	/** The session process's key. */
	public static final String PROCESS = "agentTaskSession";

	private static final String WORK = "workOnPhase";

	/** The session's stale timer: workflow.yaml's stale_after, never reached here. */
	private static final String STALE_AFTER = Duration.ofHours(4).toString();

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final String waitingTaskSql;

	public BaselineSession(RuntimeService runtime, TaskService tasks, ManagementService management) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.waitingTaskSql = EngineBaseline.waitingTaskSql(management);
	}

	/**
	 * Starts the session process for {@code agent}; its instance id. Flowable's
	 * authenticated user is the caller's to set.
	 */
	public String start(String sessionKey, String agent) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("sessionKey", sessionKey);
		variables.put("agentAssignee", agent);
		variables.put("staleAfter", STALE_AFTER);
		return this.runtime.createProcessInstanceBuilder()
			.processDefinitionKey(PROCESS)
			.businessKey(sessionKey)
			.variables(variables)
			.start()
			.getId();
	}

	/**
	 * Completes the agent's task in the session's running phase with what the server's
	 * {@code completePhase} passes (no override, QA passed); the task's id.
	 */
	public String completeWork(String instance) {
		Task task = this.tasks.createNativeTaskQuery()
			.sql(this.waitingTaskSql)
			.parameter("session", instance)
			.parameter("work", WORK)
			.parameter("approve", "approveOverride")
			.list()
			.stream()
			.filter((waiting) -> WORK.equals(waiting.getTaskDefinitionKey()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Session process " + instance + " waits for no work"));
		Map<String, Object> variables = new HashMap<>();
		variables.put("overrideRequested", false);
		variables.put("overrideReason", null);
		variables.put("qaStatus", "qa_passed");
		this.tasks.complete(task.getId(), variables);
		return task.getId();
	}

	/**
	 * The beans the processes' {@code delegateExpression}s name: no-ops, except the phase
	 * check, which writes what the real one writes for a valid phase.
	 */
	public static Map<Object, Object> delegates() {
		JavaDelegate nothing = (execution) -> {
		};
		JavaDelegate valid = (execution) -> {
			execution.setVariable("phaseCheck", "valid");
			execution.setVariable("overrideCandidateGroups", "");
		};
		Map<Object, Object> beans = new HashMap<>();
		Stream
			.of("enterPhaseDelegate", "emitPhaseEventsDelegate", "leavePhaseDelegate", "logOverrideDelegate",
					"rejectOverrideDelegate", "markStaleDelegate", "startIterationDelegate", "completeSessionDelegate",
					"syncFilesDelegate")
			.forEach((name) -> beans.put(name, nothing));
		beans.put("checkPhaseDelegate", valid);
		return beans;
	}

}

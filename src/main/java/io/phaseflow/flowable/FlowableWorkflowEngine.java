package io.phaseflow.flowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.phaseflow.common.EntityNotFound;
import io.phaseflow.common.RequestContext;
import io.phaseflow.workflow.ConcurrentTransition;
import io.phaseflow.workflow.SessionNotWaiting;
import io.phaseflow.workflow.WorkDone;
import io.phaseflow.workflow.WorkflowEngine;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.CallActivity;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.FormService;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.runtime.Execution;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;

import org.springframework.stereotype.Component;

/**
 * {@link WorkflowEngine} on Flowable: a session is an {@code agentTaskSession} instance
 * whose phases are {@code sessionPhase} sub-instances; the session waits at a user task
 * of the sub-instance. Flowable's exceptions become ours.
 */
@Component
public class FlowableWorkflowEngine implements WorkflowEngine {

	public static final String PHASE_PROCESS = "sessionPhase";

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final RepositoryService repository;

	private final HistoryService history;

	private final ProcessEngine engine;

	private final FormService forms;

	private final String waitingTaskSql;

	FlowableWorkflowEngine(RuntimeService runtime, TaskService tasks, RepositoryService repository,
			HistoryService history, ProcessEngine engine, FormService forms, ManagementService management) {
		this.waitingTaskSql = waitingTaskSql(management);
		this.forms = forms;
		this.runtime = runtime;
		this.tasks = tasks;
		this.repository = repository;
		this.history = history;
		this.engine = engine;
	}

	/**
	 * The user tasks of the session's phase instance: tasks of a process instance whose
	 * root is the session's.
	 */
	static String waitingTaskSql(ManagementService management) {
		return "SELECT T.* FROM " + management.getTableName(Task.class) + " T JOIN "
				+ management.getTableName(Execution.class) + " P ON P.ID_ = T.PROC_INST_ID_"
				+ " WHERE P.ROOT_PROC_INST_ID_ = #{session} AND P.ID_ <> #{session}"
				+ " AND T.TASK_DEF_KEY_ IN (#{work}, #{approve})";
	}

	@Override
	public String startSession(String sessionKey, String agentAssignee, Duration staleAfter) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(ProcessVariables.SESSION_KEY, sessionKey);
		variables.put(ProcessVariables.AGENT_ASSIGNEE, agentAssignee);
		variables.put(ProcessVariables.STALE_AFTER, staleAfter.toString());
		return this.runtime.createProcessInstanceBuilder()
			.processDefinitionKey(SESSION_PROCESS)
			.businessKey(sessionKey)
			.variables(variables)
			.start()
			.getId();
	}

	@Override
	public Optional<Position> position(String processInstanceId) {
		try {
			return waitingTask(processInstanceId).map((task) -> new Position(
					(String) this.runtime.getVariable(task.getProcessInstanceId(), ProcessVariables.PHASE),
					task.getTaskDefinitionKey()));
		}
		catch (FlowableObjectNotFoundException ex) {
			// a transition committed while we read: the phase instance is gone
			return Optional.empty();
		}
	}

	@Override
	public Optional<Waiting> waiting(String processInstanceId) {
		return waitingTask(processInstanceId).map((task) -> new Waiting(task.getTaskDefinitionKey(), task.getId()));
	}

	@Override
	public void completeWork(String processInstanceId, WorkDone work) {
		Task task = waitingTask(processInstanceId)
			.filter((candidate) -> Position.WORK.equals(candidate.getTaskDefinitionKey()))
			.orElseThrow(() -> new SessionNotWaiting("The session does not wait for its agent"));
		Map<String, Object> all = new HashMap<>();
		if (work.qaStatus() != null) {
			all.put(ProcessVariables.QA_STATUS, work.qaStatus());
		}
		if (work.overrideRequested()) {
			// who asked, so that neither that caller nor that agent decides it
			all.put(ProcessVariables.OVERRIDE_REQUESTED_BY, RequestContext.actor());
			all.put(ProcessVariables.OVERRIDE_REQUESTED_BY_AGENT, task.getAssignee());
		}
		// the request is the check's and its approval task's (local variables there), not
		// the process's: a later request would overwrite it
		Map<String, Object> request = new HashMap<>();
		request.put(ProcessVariables.OVERRIDE_REQUESTED, work.overrideRequested());
		request.put(ProcessVariables.OVERRIDE_REASON, work.overrideReason());
		try {
			this.tasks.complete(task.getId(), all, request);
		}
		catch (FlowableOptimisticLockingException | FlowableObjectNotFoundException ex) {
			throw new ConcurrentTransition();
		}
	}

	/**
	 * Moves the execution of the session process's call activity, not the phase
	 * instance's task: Flowable then deletes the phase instance with all its executions
	 * (task, stale timer) and runs the target call activity, which maps its variables in
	 * and starts a new phase instance.
	 */
	@Override
	public void moveToPhase(String processInstanceId, String phase) {
		ProcessInstance running = this.runtime.createProcessInstanceQuery()
			.superProcessInstanceId(processInstanceId)
			.singleResult();
		if (running == null) {
			throw new SessionNotWaiting("The session's process waits in no phase");
		}
		String callActivity = callActivityOf(processInstanceId, phase)
			.orElseThrow(() -> new SessionNotWaiting("The session's process version calls no phase " + phase));
		try {
			this.runtime.createChangeActivityStateBuilder()
				.processInstanceId(processInstanceId)
				.moveExecutionToActivityId(running.getSuperExecutionId(), callActivity)
				.changeState();
		}
		catch (FlowableOptimisticLockingException | FlowableObjectNotFoundException ex) {
			throw new ConcurrentTransition();
		}
	}

	/**
	 * The call activity that runs the phase in the version of the session process the
	 * session started on (its id need not be the phase's).
	 */
	private Optional<String> callActivityOf(String processInstanceId, String phase) {
		ProcessInstance session = this.runtime.createProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		if (session == null) {
			return Optional.empty();
		}
		for (CallActivity activity : this.repository.getBpmnModel(session.getProcessDefinitionId())
			.getMainProcess()
			.findFlowElementsOfType(CallActivity.class, true)) {
			if (CalledPhases.of(activity).filter(phase::equals).isPresent()) {
				return Optional.of(activity.getId());
			}
		}
		return Optional.empty();
	}

	/**
	 * Suspends or activates the session's process together with its running phase:
	 * Flowable's suspension does not reach the sub-instance a call activity started,
	 * whose task and stale timer would otherwise go on.
	 */
	@Override
	public void suspend(String processInstanceId, boolean suspended) {
		try {
			List<String> instances = new ArrayList<>();
			instances.add(processInstanceId);
			this.runtime.createProcessInstanceQuery()
				.superProcessInstanceId(processInstanceId)
				.list()
				.forEach((phase) -> instances.add(phase.getId()));
			for (String instance : instances) {
				if (suspended) {
					this.runtime.suspendProcessInstanceById(instance);
				}
				else {
					this.runtime.activateProcessInstanceById(instance);
				}
			}
		}
		catch (FlowableOptimisticLockingException ex) {
			throw new ConcurrentTransition();
		}
		catch (FlowableObjectNotFoundException ex) {
			throw new SessionNotWaiting("The session's process has ended");
		}
	}

	@Override
	public void reassign(String processInstanceId, String agentAssignee) {
		try {
			this.runtime.setVariable(processInstanceId, ProcessVariables.AGENT_ASSIGNEE, agentAssignee);
			waitingTask(processInstanceId).ifPresent((task) -> {
				this.runtime.setVariable(task.getProcessInstanceId(), ProcessVariables.AGENT_ASSIGNEE, agentAssignee);
				if (Position.WORK.equals(task.getTaskDefinitionKey())) {
					this.tasks.setAssignee(task.getId(), agentAssignee);
				}
			});
		}
		catch (FlowableOptimisticLockingException ex) {
			throw new ConcurrentTransition();
		}
		catch (FlowableObjectNotFoundException ex) {
			throw new SessionNotWaiting("The session's process has ended");
		}
	}

	@Override
	public List<PendingOverride> pendingOverrides() {
		return this.tasks.createTaskQuery()
			.processDefinitionKey(PHASE_PROCESS)
			.taskDefinitionKey(Position.APPROVE_OVERRIDE)
			.active()
			.orderByTaskCreateTime()
			.asc()
			.list()
			.stream()
			.map(this::pendingOverride)
			.flatMap(Optional::stream)
			.toList();
	}

	@Override
	public void decideOverride(String overrideId, String decision, String comment) {
		Task task = this.tasks.createTaskQuery()
			.taskId(overrideId)
			.taskDefinitionKey(Position.APPROVE_OVERRIDE)
			.singleResult();
		if (task == null) {
			throw new EntityNotFound("override", overrideId);
		}
		Map<String, String> form = new HashMap<>();
		form.put(ProcessVariables.DECISION, decision);
		if (comment != null) {
			form.put(ProcessVariables.COMMENT, comment);
		}
		try {
			this.forms.submitTaskFormData(task.getId(), form);
		}
		catch (FlowableOptimisticLockingException | FlowableObjectNotFoundException ex) {
			throw new ConcurrentTransition();
		}
	}

	@Override
	public Optional<PendingOverride> pendingOverride(String overrideId) {
		Task task = this.tasks.createTaskQuery()
			.taskId(overrideId)
			.processDefinitionKey(PHASE_PROCESS)
			.taskDefinitionKey(Position.APPROVE_OVERRIDE)
			.active()
			.singleResult();
		return (task != null) ? pendingOverride(task) : Optional.empty();
	}

	/**
	 * Whether a user task of this definition is one of the phase process's: its "Approve
	 * override" ({@link Position#APPROVE_OVERRIDE}) or "Work on phase"
	 * ({@link Position#WORK}).
	 */
	public static boolean isPhaseTask(String position, String taskDefinitionKey, String processDefinitionId) {
		return position.equals(taskDefinitionKey) && processDefinitionId != null
				&& processDefinitionId.startsWith(PHASE_PROCESS + ":");
	}

	/** The override request a task stands for, if it is an "Approve override" task. */
	public Optional<PendingOverride> pendingOverride(Task task) {
		if (!isPhaseTask(Position.APPROVE_OVERRIDE, task.getTaskDefinitionKey(), task.getProcessDefinitionId())) {
			return Optional.empty();
		}
		Map<String, Object> variables;
		try {
			variables = this.runtime.getVariables(task.getProcessInstanceId(),
					List.of(ProcessVariables.SESSION_KEY, ProcessVariables.PHASE,
							ProcessVariables.OVERRIDE_CANDIDATE_GROUPS, ProcessVariables.OVERRIDE_REQUESTED_BY,
							ProcessVariables.OVERRIDE_REQUESTED_BY_AGENT));
		}
		catch (FlowableObjectNotFoundException ex) {
			return Optional.empty(); // decided while we read
		}
		String groups = (String) variables.get(ProcessVariables.OVERRIDE_CANDIDATE_GROUPS);
		return Optional.of(new PendingOverride(task.getId(), (String) variables.get(ProcessVariables.SESSION_KEY),
				(String) variables.get(ProcessVariables.PHASE),
				(groups == null || groups.isBlank()) ? List.of() : List.of(groups.split(",")),
				task.getCreateTime().toInstant(), (String) variables.get(ProcessVariables.OVERRIDE_REQUESTED_BY),
				requesterAgent(variables.get(ProcessVariables.OVERRIDE_REQUESTED_BY_AGENT)), task.getAssignee()));
	}

	/** The requesting agent's id, as the work task's assignee held it. */
	private static Long requesterAgent(Object assignee) {
		try {
			return (assignee instanceof String id) ? Long.valueOf(id) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	@Override
	public byte[] diagram(String processInstanceId, String highlightedPhase) {
		HistoricProcessInstance instance = this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		if (instance == null) {
			throw new EntityNotFound("process instance", processInstanceId);
		}
		BpmnModel model = this.repository.getBpmnModel(instance.getProcessDefinitionId());
		List<String> highlighted = (highlightedPhase != null && instance.getEndTime() == null
				&& model.getMainProcess().getFlowElement(highlightedPhase) != null) ? List.of(highlightedPhase)
						: List.of();
		ProcessEngineConfiguration configuration = this.engine.getProcessEngineConfiguration();
		try (InputStream png = configuration.getProcessDiagramGenerator()
			.generateDiagram(model, "png", highlighted, List.of(), configuration.getActivityFontName(),
					configuration.getLabelFontName(), configuration.getAnnotationFontName(),
					configuration.getClassLoader(), 1.0, true)) {
			return png.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not draw the process diagram", ex);
		}
	}

	@Override
	public void endSession(String processInstanceId, String reason) {
		try {
			this.runtime.deleteProcessInstance(processInstanceId, reason);
		}
		catch (FlowableObjectNotFoundException ex) {
			// already ended: nothing left to end
		}
		catch (FlowableOptimisticLockingException ex) {
			throw new ConcurrentTransition();
		}
	}

	@Override
	public List<String> calledPhases() {
		String definitionId = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(SESSION_PROCESS)
			.latestVersion()
			.singleResult()
			.getId();
		return CalledPhases.of(this.repository.getBpmnModel(definitionId).getProcessById(SESSION_PROCESS),
				(activity) -> {
				});
	}

	/**
	 * The task the session waits at, in the phase instance its process called: one query
	 * (the phase instance's executions carry the session's instance as their root).
	 */
	private Optional<Task> waitingTask(String processInstanceId) {
		return this.tasks.createNativeTaskQuery()
			.sql(this.waitingTaskSql)
			.parameter("session", processInstanceId)
			.parameter("work", Position.WORK)
			.parameter("approve", Position.APPROVE_OVERRIDE)
			.list()
			.stream()
			.findFirst();
	}

}

package io.phaseflow.flowable;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.phaseflow.workflow.ConcurrentTransition;
import io.phaseflow.workflow.SessionNotWaiting;
import io.phaseflow.workflow.WorkflowEngine;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.CallActivity;
import org.flowable.bpmn.model.IOParameter;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;

import org.springframework.stereotype.Component;

/**
 * {@link WorkflowEngine} on Flowable: a session is an {@code agentTaskSession} instance
 * whose phases are {@code sessionPhase} sub-instances; the session waits at a user task
 * of the sub-instance. Flowable's exceptions become ours.
 */
@Component
class FlowableWorkflowEngine implements WorkflowEngine {

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final RepositoryService repository;

	FlowableWorkflowEngine(RuntimeService runtime, TaskService tasks, RepositoryService repository) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.repository = repository;
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
		return waitingTask(processInstanceId).map(
				(task) -> new Position((String) this.runtime.getVariable(task.getExecutionId(), ProcessVariables.PHASE),
						task.getTaskDefinitionKey()));
	}

	@Override
	public void completeWork(String processInstanceId, Map<String, Object> variables) {
		Task task = waitingTask(processInstanceId)
			.filter((candidate) -> Position.WORK.equals(candidate.getTaskDefinitionKey()))
			.orElseThrow(() -> new SessionNotWaiting("The session does not wait for its agent"));
		try {
			this.tasks.complete(task.getId(), variables);
		}
		catch (FlowableOptimisticLockingException | FlowableObjectNotFoundException ex) {
			throw new ConcurrentTransition();
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
		BpmnModel model = this.repository.getBpmnModel(definitionId);
		return model.getMainProcess()
			.findFlowElementsOfType(CallActivity.class)
			.stream()
			.flatMap((activity) -> activity.getInParameters().stream())
			.filter((parameter) -> ProcessVariables.PHASE.equals(parameter.getTarget()))
			.map(IOParameter::getSourceExpression)
			.toList();
	}

	/**
	 * The user task the session waits at: in the running phase's {@code sessionPhase}
	 * sub-instance.
	 */
	private Optional<Task> waitingTask(String processInstanceId) {
		ProcessInstance phase = this.runtime.createProcessInstanceQuery()
			.superProcessInstanceId(processInstanceId)
			.singleResult();
		if (phase == null) {
			return Optional.empty();
		}
		return this.tasks.createTaskQuery()
			.processInstanceId(phase.getId())
			.list()
			.stream()
			.filter((task) -> Position.WORK.equals(task.getTaskDefinitionKey())
					|| Position.APPROVE_OVERRIDE.equals(task.getTaskDefinitionKey()))
			.findFirst();
	}

}

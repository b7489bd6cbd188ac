package io.phaseflow.flowable;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.phaseflow.common.FieldError;
import io.phaseflow.common.RequestContext;
import io.phaseflow.flowable.forms.FormFileHandlers;
import io.phaseflow.session.phase.OverrideTask;
import io.phaseflow.session.phase.PhaseSteps;
import io.phaseflow.workflow.WorkflowEngine.Position;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.interceptor.CreateUserTaskAfterContext;
import org.flowable.engine.interceptor.CreateUserTaskBeforeContext;
import org.flowable.engine.interceptor.CreateUserTaskInterceptor;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The "Approve override" task as a task list shows it and as its history keeps it,
 * whatever the deployed process says:
 * <ul>
 * <li>created, it is named after the task, phase and failed checks, described, due
 * {@code due_in} after the request and given the {@code priority} of the phase's override
 * policy, and holds the request as local variables (task code, phase, reason, failed
 * checks, agent), so each task keeps its own request after later ones;</li>
 * <li>completed, on every path (Phaseflow's decision API, a form submission, a task's
 * {@code complete} action), it records the decision alike: the decision, comment and
 * decider as local variables, and the form's fields as submitted form properties (the
 * historic details a form submission leaves), once.</li>
 * </ul>
 */
final class OverrideTasks implements CreateUserTaskInterceptor, FlowableEventListener {

	/** The task's name and description, for the engine to read as it creates the task. */
	private static final String NAME = "overrideTaskName";

	private static final String DESCRIPTION = "overrideTaskDescription";

	/** The request, from before the task is created to after. */
	private static final String REQUEST = "overrideTaskRequest";

	private final ObjectProvider<PhaseSteps> steps;

	OverrideTasks(ObjectProvider<PhaseSteps> steps) {
		this.steps = steps;
	}

	/**
	 * Names, describes, dates and ranks the task. The engine evaluates a task's name and
	 * description as expressions, so they are handed over as transient variables that the
	 * expressions name, and their text is never evaluated.
	 */
	@Override
	public void beforeCreateUserTask(CreateUserTaskBeforeContext context) {
		DelegateExecution execution = context.getExecution();
		if (!isApproval(context.getUserTask().getId(), execution.getProcessDefinitionId())) {
			return;
		}
		OverrideTask request = this.steps.getObject()
			.overrideTask((String) execution.getVariable(ProcessVariables.SESSION_KEY),
					(String) execution.getVariable(ProcessVariables.PHASE));
		execution.setTransientVariableLocal(REQUEST, request);
		execution.setTransientVariableLocal(NAME, request.name());
		execution.setTransientVariableLocal(DESCRIPTION, request.description());
		context.setName("${" + NAME + "}");
		context.setDescription("${" + DESCRIPTION + "}");
		// an ISO-8601 period, which the engine adds to its clock's now
		context.setDueDate(request.dueIn().toString());
		context.setPriority(Integer.toString(request.priority()));
	}

	@Override
	public void afterCreateUserTask(CreateUserTaskAfterContext context) {
		if (!(context.getExecution().getTransientVariableLocal(REQUEST) instanceof OverrideTask request)) {
			return;
		}
		ArrayNode failed = JsonNodeFactory.instance.arrayNode();
		for (FieldError check : request.failedChecks()) {
			failed.addObject().put("field", check.field()).put("message", check.message());
		}
		Map<String, Object> local = new LinkedHashMap<>();
		local.put(ProcessVariables.TASK_CODE, request.taskCode());
		local.put(ProcessVariables.PHASE, request.phase());
		local.put(ProcessVariables.OVERRIDE_REASON, request.reason());
		local.put(ProcessVariables.FAILED_CHECKS, failed);
		local.put(ProcessVariables.AGENT_ID, request.agentId());
		context.getTaskEntity().setVariablesLocal(local);
	}

	/** An "Approve override" task completes: records its decision. */
	@Override
	public void onEvent(FlowableEvent event) {
		if (event.getType() != FlowableEngineEventType.TASK_COMPLETED
				|| !(event instanceof FlowableEntityEvent entityEvent)
				|| !(entityEvent.getEntity() instanceof TaskEntity task)
				|| !isApproval(task.getTaskDefinitionKey(), task.getProcessDefinitionId())) {
			return;
		}
		ExecutionEntity execution = CommandContextUtil.getExecutionEntityManager().findById(task.getExecutionId());
		Map<String, String> fields = new LinkedHashMap<>();
		for (String field : new String[] { ProcessVariables.DECISION, ProcessVariables.COMMENT }) {
			if (execution.getVariable(field) instanceof String value) {
				fields.put(field, value);
			}
		}
		Map<String, Object> local = new LinkedHashMap<>(fields);
		local.put(ProcessVariables.DECIDED_BY, RequestContext.actor());
		task.setVariablesLocal(local);
		if (!FormFileHandlers.submitted(execution)) {
			// a form submission recorded its fields already; any other way records them
			// here
			CommandContextUtil.getHistoryManager()
				.recordFormPropertiesSubmitted(execution, fields, task.getId(),
						CommandContextUtil.getProcessEngineConfiguration().getClock().getCurrentTime());
		}
	}

	@Override
	public boolean isFailOnException() {
		return true;
	}

	@Override
	public boolean isFireOnTransactionLifecycleEvent() {
		return false;
	}

	@Override
	public String getOnTransaction() {
		return null;
	}

	private static boolean isApproval(String taskDefinitionKey, String processDefinitionId) {
		return FlowableWorkflowEngine.isPhaseTask(Position.APPROVE_OVERRIDE, taskDefinitionKey, processDefinitionId);
	}

}

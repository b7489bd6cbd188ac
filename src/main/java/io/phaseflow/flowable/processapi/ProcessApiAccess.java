package io.phaseflow.flowable.processapi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.phaseflow.common.FieldError;
import io.phaseflow.common.RequestContext;
import io.phaseflow.flowable.FlowableWorkflowEngine;
import io.phaseflow.flowable.ProcessVariables;
import io.phaseflow.flowable.deployment.BpmnInspector;
import io.phaseflow.flowable.forms.FormFileHandlers;
import io.phaseflow.flowable.forms.TaskForms;
import io.phaseflow.override.FourEyes;
import io.phaseflow.session.phase.PhaseSteps;
import io.phaseflow.workflow.ConfigProblem;
import io.phaseflow.workflow.DeploymentFile;
import io.phaseflow.workflow.DeploymentRejected;
import io.phaseflow.workflow.WorkflowConsistency;
import io.phaseflow.workflow.WorkflowEngine;
import io.phaseflow.workflow.WorkflowEngine.PendingOverride;
import org.flowable.batch.api.Batch;
import org.flowable.batch.api.BatchPart;
import org.flowable.batch.api.BatchQuery;
import org.flowable.common.engine.api.FlowableForbiddenException;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.form.FormData;
import org.flowable.engine.form.TaskFormData;
import org.flowable.engine.history.HistoricActivityInstanceQuery;
import org.flowable.engine.history.HistoricDetail;
import org.flowable.engine.history.HistoricDetailQuery;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.history.HistoricProcessInstanceQuery;
import org.flowable.engine.impl.repository.DeploymentBuilderImpl;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.DeploymentBuilder;
import org.flowable.engine.repository.DeploymentQuery;
import org.flowable.engine.repository.Model;
import org.flowable.engine.repository.ModelQuery;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.repository.ProcessDefinitionQuery;
import org.flowable.engine.runtime.ActivityInstanceQuery;
import org.flowable.engine.runtime.Execution;
import org.flowable.engine.runtime.ExecutionQuery;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.engine.runtime.ProcessInstanceBuilder;
import org.flowable.engine.runtime.ProcessInstanceQuery;
import org.flowable.engine.task.Attachment;
import org.flowable.engine.task.Comment;
import org.flowable.engine.task.Event;
import org.flowable.eventsubscription.api.EventSubscription;
import org.flowable.eventsubscription.api.EventSubscriptionQuery;
import org.flowable.form.model.SimpleFormModel;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.idm.api.Group;
import org.flowable.idm.api.GroupQuery;
import org.flowable.idm.api.User;
import org.flowable.idm.api.UserQuery;
import org.flowable.job.api.DeadLetterJobQuery;
import org.flowable.job.api.HistoryJob;
import org.flowable.job.api.HistoryJobQuery;
import org.flowable.job.api.Job;
import org.flowable.job.api.JobQuery;
import org.flowable.job.api.SuspendedJobQuery;
import org.flowable.job.api.TimerJobQuery;
import org.flowable.rest.service.api.BpmnRestApiInterceptor;
import org.flowable.rest.service.api.engine.CommentRequest;
import org.flowable.rest.service.api.engine.RestIdentityLink;
import org.flowable.rest.service.api.engine.variable.RestVariable;
import org.flowable.rest.service.api.form.SubmitFormRequest;
import org.flowable.rest.service.api.history.HistoricActivityInstanceQueryRequest;
import org.flowable.rest.service.api.history.HistoricDetailQueryRequest;
import org.flowable.rest.service.api.history.HistoricProcessInstanceQueryRequest;
import org.flowable.rest.service.api.history.HistoricTaskInstanceQueryRequest;
import org.flowable.rest.service.api.history.HistoricTaskLogEntryQueryRequest;
import org.flowable.rest.service.api.history.HistoricVariableInstanceQueryRequest;
import org.flowable.rest.service.api.identity.GroupRequest;
import org.flowable.rest.service.api.identity.UserRequest;
import org.flowable.rest.service.api.repository.ModelRequest;
import org.flowable.rest.service.api.repository.ProcessDefinitionActionRequest;
import org.flowable.rest.service.api.runtime.VariableInstanceQueryRequest;
import org.flowable.rest.service.api.runtime.process.ActivityInstanceQueryRequest;
import org.flowable.rest.service.api.runtime.process.ExecutionActionRequest;
import org.flowable.rest.service.api.runtime.process.ExecutionChangeActivityStateRequest;
import org.flowable.rest.service.api.runtime.process.ExecutionQueryRequest;
import org.flowable.rest.service.api.runtime.process.InjectActivityRequest;
import org.flowable.rest.service.api.runtime.process.ProcessInstanceCreateRequest;
import org.flowable.rest.service.api.runtime.process.ProcessInstanceQueryRequest;
import org.flowable.rest.service.api.runtime.process.ProcessInstanceUpdateRequest;
import org.flowable.rest.service.api.runtime.process.SignalEventReceivedRequest;
import org.flowable.rest.service.api.runtime.task.BulkTasksRequest;
import org.flowable.rest.service.api.runtime.task.TaskActionRequest;
import org.flowable.rest.service.api.runtime.task.TaskQueryRequest;
import org.flowable.rest.service.api.runtime.task.TaskRequest;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskInfo;
import org.flowable.task.api.TaskQuery;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.flowable.task.api.history.HistoricTaskInstanceQuery;
import org.flowable.task.api.history.HistoricTaskLogEntryQuery;
import org.flowable.variable.api.history.HistoricVariableInstance;
import org.flowable.variable.api.history.HistoricVariableInstanceQuery;
import org.flowable.variable.api.persistence.entity.VariableInstance;
import org.flowable.variable.api.runtime.VariableInstanceQuery;

import org.springframework.stereotype.Component;

/**
 * Who may do what through Flowable's REST API at {@code /process-api}. The caller is
 * Flowable's authenticated user (the token's name) with one group per role
 * ({@code reviewers}, {@code admins}, …):
 * <ul>
 * <li>a task is seen and acted on by its assignee, members of its candidate groups, or an
 * ADMIN; a task query shows a non-ADMIN only such tasks;</li>
 * <li>completing a task that has a form ({@code forms/}) is checked against the form: an
 * unknown or missing field is a 400 and nothing is stored;</li>
 * <li>the agent's "Work on phase" task is only completed through Phaseflow's
 * phase-complete, which checks the phase, and sessions are only started through
 * Phaseflow;</li>
 * <li>processes are deployed only through Phaseflow's checked deployments; an ADMIN's
 * upload here is checked against the same rules first, so forbidden content is named
 * (422) before the upload is refused (403);</li>
 * <li>process definitions and deployments may be read by anyone authenticated; everything
 * else — reading instances, variables, jobs, history, management — needs ADMIN;</li>
 * <li>no one, not even an ADMIN, moves, deletes, migrates or reassigns a session's
 * process or its tasks here, or writes the variables Phaseflow sets: those change through
 * Phaseflow's API, which checks the owner and the four-eyes rule and logs events.</li>
 * </ul>
 */
@Component
class ProcessApiAccess implements BpmnRestApiInterceptor {

	private static final String ADMINS = "admins";

	private final TaskService tasks;

	private final TaskForms forms;

	private final RuntimeService runtime;

	private final PhaseSteps steps;

	private final FlowableWorkflowEngine workflow;

	private final FourEyes fourEyes;

	private final BpmnInspector inspector;

	private final WorkflowConsistency consistency;

	ProcessApiAccess(TaskService tasks, TaskForms forms, RuntimeService runtime, PhaseSteps steps,
			FlowableWorkflowEngine workflow, FourEyes fourEyes, BpmnInspector inspector,
			WorkflowConsistency consistency) {
		this.consistency = consistency;
		this.workflow = workflow;
		this.fourEyes = fourEyes;
		this.tasks = tasks;
		this.forms = forms;
		this.runtime = runtime;
		this.steps = steps;
		this.inspector = inspector;
	}

	@Override
	public void accessEngineProperties() {
		admin();
	}

	@Override
	public void accessTaskInfoById(Task task) {
		mayWorkOn(task);
	}

	@Override
	public void accessTaskInfoWithQuery(TaskQuery taskQuery, TaskQueryRequest request) {
		if (!isAdmin()) {
			onlyOwnTasks(taskQuery);
		}
	}

	@Override
	public void bulkDeleteHistoricProcessInstances(Collection<String> instanceIds) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void bulkMoveDeadLetterJobs(Collection<String> jobIds, String moveAction) {
		admin();
	}

	@Override
	public void bulkUpdateTasks(Collection<Task> taskList, BulkTasksRequest bulkTasksRequest) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void createTask(Task task, TaskRequest request) {
		admin();
	}

	@Override
	public void updateTask(Task task, TaskRequest request) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void deleteTask(Task task) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void createTaskAttachment(Task task) {
		admin();
	}

	@Override
	public void deleteTaskAttachment(Task task, Attachment attachment) {
		admin();
	}

	@Override
	public void createTaskComment(Task task, CommentRequest comment) {
		mayWorkOn(task);
		if (comment.getMessage() != null && comment.getMessage().length() > TaskForms.MAX_TEXT) {
			throw new FlowableIllegalArgumentException("A comment is at most " + TaskForms.MAX_TEXT + " characters");
		}
	}

	@Override
	public void deleteTaskComment(Task task, Comment comment) {
		admin();
	}

	@Override
	public void deleteTaskEvent(Task task, Event event) {
		admin();
	}

	@Override
	public void executeTaskAction(Task task, TaskActionRequest actionRequest) {
		Task current = mayActOn(task);
		String action = actionRequest.getAction();
		if (TaskActionRequest.ACTION_COMPLETE.equals(action)) {
			mayDecide(current);
			checkForm(task, actionRequest);
		}
		else if (TaskActionRequest.ACTION_CLAIM.equals(action)) {
			mayClaim(current, actionRequest.getAssignee());
		}
		else {
			throw changedThroughPhaseflow();
		}
	}

	@Override
	public void accessTaskVariable(Task task, String variableName) {
		mayWorkOn(task);
	}

	@Override
	public Map<String, RestVariable> accessTaskVariables(Task task, Map<String, RestVariable> variableMap) {
		mayWorkOn(task);
		return variableMap;
	}

	@Override
	public void createTaskVariables(Task task, Map<String, Object> variables, RestVariable.RestVariableScope scope) {
		admin();
		notPhaseflows(variables.keySet());
	}

	@Override
	public void updateTaskVariables(Task task, Map<String, Object> variables, RestVariable.RestVariableScope scope) {
		admin();
		notPhaseflows(variables.keySet());
	}

	@Override
	public void deleteTaskVariables(Task task, Collection<String> variableNames, RestVariable.RestVariableScope scope) {
		admin();
		notPhaseflows(variableNames);
	}

	@Override
	public void accessTaskIdentityLinks(Task task) {
		mayWorkOn(task);
	}

	@Override
	public void accessTaskIdentityLink(Task task, IdentityLink identityLink) {
		mayWorkOn(task);
	}

	@Override
	public void deleteTaskIdentityLink(Task task, IdentityLink identityLink) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void createTaskIdentityLink(Task task, RestIdentityLink identityLink) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void accessExecutionInfoById(Execution execution) {
		admin();
	}

	@Override
	public void accessExecutionVariable(Execution execution, String variableName, String scope) {
		admin();
	}

	@Override
	public Map<String, RestVariable> accessExecutionVariables(Execution execution,
			Map<String, RestVariable> variables) {
		admin();
		return variables;
	}

	@Override
	public void accessExecutionInfoWithQuery(ExecutionQuery executionQuery, ExecutionQueryRequest request) {
		admin();
	}

	@Override
	public void doExecutionActionRequest(Execution execution, ExecutionActionRequest executionActionRequest) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void doExecutionActionRequest(ExecutionActionRequest executionActionRequest) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void createExecutionVariables(Execution execution, Map<String, Object> variables,
			RestVariable.RestVariableScope scope) {
		admin();
		notPhaseflows(variables.keySet());
	}

	@Override
	public void updateExecutionVariables(Execution execution, Map<String, Object> variables,
			RestVariable.RestVariableScope scope) {
		admin();
		notPhaseflows(variables.keySet());
	}

	@Override
	public void deleteExecutionVariables(Execution execution, Collection<String> variableNames,
			RestVariable.RestVariableScope scope) {
		admin();
		notPhaseflows(variableNames);
	}

	@Override
	public void accessProcessInstanceInfoById(ProcessInstance processInstance) {
		admin();
	}

	@Override
	public void accessProcessInstanceInfoWithQuery(ProcessInstanceQuery processInstanceQuery,
			ProcessInstanceQueryRequest request) {
		admin();
	}

	@Override
	public void createProcessInstance(ProcessInstanceBuilder processInstanceBuilder,
			ProcessInstanceCreateRequest request) {
		admin();
		notASessionProcess(request.getProcessDefinitionKey(), request.getProcessDefinitionId());
	}

	@Override
	public void updateProcessInstance(ProcessInstance processInstance, ProcessInstanceUpdateRequest updateRequest) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void deleteProcessInstance(ProcessInstance processInstance) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void accessProcessInstanceIdentityLinks(ProcessInstance processInstance) {
		admin();
	}

	@Override
	public void accessProcessInstanceIdentityLink(ProcessInstance processInstance, IdentityLink identityLink) {
		admin();
	}

	@Override
	public void deleteProcessInstanceIdentityLink(ProcessInstance processInstance, IdentityLink identityLink) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void createProcessInstanceIdentityLink(ProcessInstance processInstance, RestIdentityLink identityLink) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void bulkDeleteProcessInstances(Collection<String> processInstances) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void accessActivityInfoWithQuery(ActivityInstanceQuery activityInstanceQuery,
			ActivityInstanceQueryRequest request) {
		admin();
	}

	@Override
	public void accessVariableInfoById(VariableInstance variableInstance) {
		admin();
	}

	@Override
	public void accessVariableInfoWithQuery(VariableInstanceQuery variableInstanceQuery,
			VariableInstanceQueryRequest request) {
		admin();
	}

	@Override
	public void sendSignal(SignalEventReceivedRequest signalEventReceivedRequest) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void changeActivityState(Execution execution,
			ExecutionChangeActivityStateRequest changeActivityStateRequest) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void migrateProcessInstance(ProcessInstance processInstance, String migrationDocument) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void migrateInstancesOfProcessDefinition(ProcessDefinition processDefinition, String migrationDocument) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void evaluateProcessInstanceConditionalEvents(ProcessInstance processInstance) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void injectActivity(ProcessInstance processInstance, InjectActivityRequest injectActivityRequest) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void accessEventSubscriptionById(EventSubscription eventSubscription) {
		admin();
	}

	@Override
	public void accessEventSubscriptionInfoWithQuery(EventSubscriptionQuery eventSubscriptionQuery) {
		admin();
	}

	@Override
	public void accessProcessDefinitionById(ProcessDefinition processDefinition) {
		// process definitions are no secret to an authenticated caller
	}

	@Override
	public void executeProcessDefinitionAction(ProcessDefinition processDefinition,
			ProcessDefinitionActionRequest actionRequest) {
		admin();
	}

	@Override
	public void accessProcessDefinitionIdentityLinks(ProcessDefinition processDefinition) {
		admin();
	}

	@Override
	public void accessProcessDefinitionIdentityLink(ProcessDefinition processDefinition, IdentityLink identityLink) {
		admin();
	}

	@Override
	public void deleteProcessDefinitionIdentityLink(ProcessDefinition processDefinition, IdentityLink identityLink) {
		admin();
	}

	@Override
	public void createProcessDefinitionIdentityLink(ProcessDefinition processDefinition,
			RestIdentityLink identityLink) {
		admin();
	}

	@Override
	public void accessProcessDefinitionsWithQuery(ProcessDefinitionQuery processDefinitionQuery) {
		// process definitions are no secret to an authenticated caller
	}

	@Override
	public void accessDeploymentById(Deployment deployment) {
		// deployments are no secret to an authenticated caller
	}

	@Override
	public void accessDeploymentsWithQuery(DeploymentQuery deploymentQuery) {
		// deployments are no secret to an authenticated caller
	}

	@Override
	public void executeNewDeploymentForTenantId(String tenantId) {
		admin();
	}

	/**
	 * Never deploys; an ADMIN's files are checked first, so forbidden content is named
	 * (422) as on Phaseflow's own deployment endpoint.
	 */
	@Override
	public void enhanceDeployment(DeploymentBuilder deploymentBuilder) {
		List<ConfigProblem> problems = new ArrayList<>();
		if (deploymentBuilder instanceof DeploymentBuilderImpl builder) {
			builder.getDeployment().getResources().forEach((name, resource) -> {
				if (name.endsWith(".bpmn20.xml") || name.endsWith(".bpmn")) {
					problems.addAll(this.inspector.inspect(new DeploymentFile(name, resource.getBytes())).problems());
				}
			});
		}
		if (!problems.isEmpty()) {
			throw new DeploymentRejected(problems);
		}
		refuseDeployment();
	}

	@Override
	public void deleteDeployment(Deployment deployment) {
		admin();
	}

	@Override
	public void accessModelInfoById(Model model) {
		admin();
	}

	@Override
	public void accessModelInfoWithQuery(ModelQuery modelQuery) {
		admin();
	}

	@Override
	public void createModel(Model model, ModelRequest request) {
		admin();
	}

	@Override
	public void accessJobInfoById(Job job) {
		admin();
	}

	@Override
	public void accessHistoryJobInfoById(HistoryJob job) {
		admin();
	}

	@Override
	public void accessJobInfoWithQuery(JobQuery jobQuery) {
		admin();
	}

	@Override
	public void accessTimerJobInfoWithQuery(TimerJobQuery jobQuery) {
		admin();
	}

	@Override
	public void accessSuspendedJobInfoWithQuery(SuspendedJobQuery jobQuery) {
		admin();
	}

	@Override
	public void accessDeadLetterJobInfoWithQuery(DeadLetterJobQuery jobQuery) {
		admin();
	}

	@Override
	public void accessHistoryJobInfoWithQuery(HistoryJobQuery jobQuery) {
		admin();
	}

	@Override
	public void deleteJob(Job job) {
		admin();
	}

	@Override
	public void deleteHistoryJob(HistoryJob historyJob) {
		admin();
	}

	@Override
	public void accessBatchInfoById(Batch batch) {
		admin();
	}

	@Override
	public void accessBatchInfoWithQuery(BatchQuery batchQuery) {
		admin();
	}

	@Override
	public void deleteBatch(Batch batch) {
		admin();
	}

	@Override
	public void accessBatchPartInfoOfBatch(Batch batch) {
		admin();
	}

	@Override
	public void accessBatchPartInfoById(BatchPart batchPart) {
		admin();
	}

	@Override
	public void accessManagementInfo() {
		admin();
	}

	@Override
	public void accessTableInfo() {
		admin();
	}

	@Override
	public void accessHistoryTaskInfoById(HistoricTaskInstance historicTaskInstance) {
		// Reading a running task's comments, events and attachments comes through here:
		// whoever may comment on the task may read them back.
		Task running = this.tasks.createTaskQuery().taskId(historicTaskInstance.getId()).singleResult();
		if (running != null) {
			mayWorkOn(running);
		}
		else {
			admin();
		}
	}

	@Override
	public void accessHistoryTaskInfoWithQuery(HistoricTaskInstanceQuery historicTaskInstanceQuery,
			HistoricTaskInstanceQueryRequest request) {
		admin();
	}

	@Override
	public void deleteHistoricTask(HistoricTaskInstance historicTaskInstance) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void accessHistoricTaskIdentityLinks(HistoricTaskInstance historicTaskInstance) {
		admin();
	}

	@Override
	public void accessHistoryProcessInfoById(HistoricProcessInstance historicProcessInstance) {
		admin();
	}

	@Override
	public void accessHistoryProcessInfoWithQuery(HistoricProcessInstanceQuery historicProcessInstanceQuery,
			HistoricProcessInstanceQueryRequest request) {
		admin();
	}

	@Override
	public void deleteHistoricProcess(HistoricProcessInstance historicProcessInstance) {
		throw changedThroughPhaseflow();
	}

	@Override
	public void accessHistoricProcessIdentityLinks(HistoricProcessInstance historicProcessInstance) {
		admin();
	}

	@Override
	public void accessHistoryActivityInfoWithQuery(HistoricActivityInstanceQuery historicActivityInstanceQuery,
			HistoricActivityInstanceQueryRequest request) {
		admin();
	}

	@Override
	public void accessHistoryDetailById(HistoricDetail historicDetail) {
		admin();
	}

	@Override
	public void accessHistoryDetailInfoWithQuery(HistoricDetailQuery historicDetailQuery,
			HistoricDetailQueryRequest request) {
		admin();
	}

	@Override
	public void accessHistoryVariableInfoById(HistoricVariableInstance historicVariableInstance) {
		admin();
	}

	@Override
	public void accessHistoryVariableInfoWithQuery(HistoricVariableInstanceQuery historicVariableInstanceQuery,
			HistoricVariableInstanceQueryRequest request) {
		admin();
	}

	@Override
	public void accessHistoricTaskLogWithQuery(HistoricTaskLogEntryQuery historicTaskLogEntryQuery,
			HistoricTaskLogEntryQueryRequest request) {
		admin();
	}

	@Override
	public void accessGroupInfoById(Group group) {
		admin();
	}

	@Override
	public void accessGroupInfoWithQuery(GroupQuery groupQuery) {
		admin();
	}

	@Override
	public void createGroup(GroupRequest groupRequest) {
		admin();
	}

	@Override
	public void deleteGroup(Group group) {
		admin();
	}

	@Override
	public void accessUserInfoById(User user) {
		admin();
	}

	@Override
	public void accessUserInfoWithQuery(UserQuery userQuery) {
		admin();
	}

	@Override
	public void createUser(UserRequest userRequest) {
		admin();
	}

	@Override
	public void deleteUser(User user) {
		admin();
	}

	@Override
	public void accessFormData(FormData formData) {
		if (formData instanceof TaskFormData taskForm && taskForm.getTask() != null) {
			mayWorkOn(taskForm.getTask());
		}
		else {
			admin();
		}
	}

	@Override
	public void submitFormData(SubmitFormRequest formRequest) {
		if (formRequest.getTaskId() == null) {
			admin();
			return;
		}
		Task task = this.tasks.createTaskQuery().taskId(formRequest.getTaskId()).singleResult();
		if (task == null) {
			throw new FlowableObjectNotFoundException("Could not find a task with id '" + formRequest.getTaskId() + "'",
					Task.class);
		}
		mayDecide(mayActOn(task));
	}

	/**
	 * The four-eyes rule on an override task: neither its requester nor its session's
	 * agent decides it, and a task another reviewer claimed is theirs to decide.
	 */
	private void mayDecide(Task task) {
		Optional<PendingOverride> pending = this.workflow.pendingOverride(task);
		if (pending.isPresent()) {
			this.consistency.requireConsistent();
			this.fourEyes.requireOtherReviewer(pending.get());
			FourEyes.requireClaimHolder(pending.get(), isAdmin());
		}
	}

	/**
	 * Claims are for oneself (an ADMIN may assign anyone); only the claim's holder or an
	 * ADMIN unclaims; an override's parties do not claim it.
	 */
	private void mayClaim(Task task, String assignee) {
		if (assignee == null) {
			if (task.getAssignee() != null && !task.getAssignee().equals(RequestContext.actor()) && !isAdmin()) {
				throw new FlowableForbiddenException(
						"Only " + task.getAssignee() + " (who claimed the task) or an ADMIN may unclaim it");
			}
			return;
		}
		if (!assignee.equals(RequestContext.actor()) && !isAdmin()) {
			throw new FlowableForbiddenException("A task is claimed for yourself: assignee must be "
					+ RequestContext.actor() + " (only an ADMIN assigns tasks to others)");
		}
		Optional<PendingOverride> pending = this.workflow.pendingOverride(task);
		if (pending.isPresent()) {
			this.fourEyes.requireOtherReviewer(pending.get());
		}
	}

	/**
	 * A session's process, its tasks and their history change through Phaseflow's API
	 * only, even for an ADMIN: moving, deleting, migrating or reassigning them here would
	 * skip a reviewer or the session's owner, and leave no trace in the event log.
	 */
	private static FlowableForbiddenException changedThroughPhaseflow() {
		return new FlowableForbiddenException("A session's process and its tasks change through Phaseflow's API "
				+ "(/api/orchestration/sessions/{key}/…, /overrides), not through Flowable's; here a reviewer "
				+ "claims, unclaims, completes and comments on an override task");
	}

	/** Phaseflow's own variables are written by Phaseflow only, even for an ADMIN. */
	private static void notPhaseflows(Collection<String> names) {
		for (String name : names) {
			if (ProcessVariables.ALL.contains(name)) {
				throw new FlowableForbiddenException("Variable " + name + " is Phaseflow's: the session's owner, phase "
						+ "and override are changed through Phaseflow's API, not through Flowable's");
			}
		}
	}

	private static boolean isAdmin() {
		return RequestContext.groups().contains(ADMINS);
	}

	private static void admin() {
		if (!isAdmin()) {
			throw new FlowableForbiddenException("Only an ADMIN may do this through the Flowable REST API");
		}
	}

	/**
	 * Shows a non-ADMIN only the tasks they are involved in (assigned to them, for
	 * example) or that are offered to their groups.
	 */
	private static void onlyOwnTasks(TaskQuery query) {
		Set<String> groups = RequestContext.groups();
		query.or().taskInvolvedUser(RequestContext.actor());
		if (!groups.isEmpty()) {
			query.taskInvolvedGroups(groups);
		}
		query.endOr();
	}

	private void mayWorkOn(TaskInfo task) {
		if (!isAdmin() && !involved(task)) {
			throw new FlowableForbiddenException(
					"Only the task's assignee, a member of its candidate groups or an ADMIN may see or act on it");
		}
	}

	/**
	 * Waits for the task's session, then checks that the task is still there and that the
	 * caller may act on it: two reviewers deciding at once are taken one after the other
	 * (the request runs in one transaction, see {@link ProcessApiTransactions}), and the
	 * second finds the task gone (404).
	 */
	private Task mayActOn(Task task) {
		Object sessionKey = (task.getProcessInstanceId() != null)
				? this.runtime.getVariable(task.getProcessInstanceId(), ProcessVariables.SESSION_KEY) : null;
		if (sessionKey instanceof String key) {
			this.steps.lock(key);
		}
		Task current = this.tasks.createTaskQuery().taskId(task.getId()).singleResult();
		if (current == null) {
			throw new FlowableObjectNotFoundException("Task " + task.getId() + " has been completed meanwhile",
					Task.class);
		}
		mayWorkOn(current);
		if (WorkflowEngine.Position.WORK.equals(current.getTaskDefinitionKey())
				&& current.getProcessDefinitionId() != null
				&& current.getProcessDefinitionId().startsWith(FlowableWorkflowEngine.PHASE_PROCESS + ":")) {
			throw new FlowableForbiddenException("An agent completes a phase through Phaseflow, which checks the "
					+ "phase's artifacts and fields: POST /api/orchestration/sessions/{key}/phase-complete");
		}
		return current;
	}

	private boolean involved(TaskInfo task) {
		if (RequestContext.actor().equals(task.getAssignee())) {
			return true;
		}
		Set<String> groups = RequestContext.groups();
		return this.tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.anyMatch((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
					&& groups.contains(link.getGroupId()));
	}

	/**
	 * Checks a task action's variables against the task's form: only the form's fields,
	 * each once, as process variables, required ones present and options respected.
	 */
	private void checkForm(Task task, TaskActionRequest request) {
		SimpleFormModel form = this.forms.find(task.getFormKey()).orElse(null);
		if (form == null) {
			return;
		}
		List<FieldError> problems = new ArrayList<>();
		if (request.getFormDefinitionId() != null || request.getOutcome() != null) {
			problems.add(new FieldError("formDefinitionId", "is not used: the task's form is " + form.getKey()));
		}
		if (request.getTransientVariables() != null && !request.getTransientVariables().isEmpty()) {
			problems.add(new FieldError("transientVariables", "are not accepted for a task with a form"));
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (RestVariable variable : (request.getVariables() != null) ? request.getVariables()
				: List.<RestVariable>of()) {
			if (variable.getName() == null || values.containsKey(variable.getName())) {
				problems.add(new FieldError("variables", "need a name each, once"));
			}
			else if (variable.getVariableScope() == RestVariable.RestVariableScope.LOCAL) {
				problems.add(new FieldError(variable.getName(), "must be a process variable, not a local one"));
			}
			else {
				values.put(variable.getName(), variable.getValue());
			}
		}
		problems.addAll(this.forms.problems(form, values));
		FormFileHandlers.FormRejected.unless(form, problems);
	}

	private static void refuseDeployment() {
		throw new FlowableForbiddenException("Processes are deployed through POST "
				+ "/api/orchestration/workflow/deployments, which checks them against workflow.yaml and forms/");
	}

	private static void notASessionProcess(String key, String id) {
		for (String process : List.of(WorkflowEngine.SESSION_PROCESS, FlowableWorkflowEngine.PHASE_PROCESS)) {
			if (process.equals(key) || (id != null && id.startsWith(process + ":"))) {
				throw new FlowableForbiddenException(
						"Sessions are started through Phaseflow: POST /api/orchestration/sessions");
			}
		}
	}

}

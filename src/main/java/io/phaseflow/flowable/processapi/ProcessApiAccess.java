package io.phaseflow.flowable.processapi;

import java.util.Collection;
import java.util.Map;

import org.flowable.batch.api.Batch;
import org.flowable.batch.api.BatchPart;
import org.flowable.batch.api.BatchQuery;
import org.flowable.engine.form.FormData;
import org.flowable.engine.history.HistoricActivityInstanceQuery;
import org.flowable.engine.history.HistoricDetail;
import org.flowable.engine.history.HistoricDetailQuery;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.history.HistoricProcessInstanceQuery;
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
import org.flowable.identitylink.api.IdentityLink;
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
 * ADMIN; a task query shows a non-ADMIN only such tasks, and a query by candidate user
 * finds the tasks of that user's groups (their roles);</li>
 * <li>the history of such a task, and of the process instance it belongs to, is read by
 * the same people ({@link HistoryAccess});</li>
 * <li>completing a task that has a form ({@code forms/}) is checked against the form: an
 * unknown or missing field is a 400 and nothing is stored;</li>
 * <li>the agent's "Work on phase" task is only completed through Phaseflow's
 * phase-complete, which checks the phase, and sessions are only started through
 * Phaseflow;</li>
 * <li>processes are deployed only through Phaseflow's checked deployments; an ADMIN's
 * upload here is checked against the same rules first, so forbidden content is named
 * (422) before the upload is refused (403);</li>
 * <li>process definitions and deployments may be read by anyone authenticated; everything
 * else — reading instances, variables, jobs, the rest of the history, management — needs
 * ADMIN;</li>
 * <li>no one, not even an ADMIN, moves, deletes, migrates or reassigns a session's
 * process or its tasks here, or writes the variables Phaseflow sets: those change through
 * Phaseflow's API, which checks the owner and the four-eyes rule and logs events.</li>
 * </ul>
 * <p>
 * The rules are {@link TaskAccess}'s, {@link HistoryAccess}'s,
 * {@link DeploymentAccess}'s, {@link SessionProcesses}' and {@link Callers}'; each method
 * here names the one that applies.
 */
@Component
class ProcessApiAccess implements BpmnRestApiInterceptor {

	// Over 400 lines: it implements every one of the 109 methods of Flowable's interface.

	private final TaskAccess tasks;

	private final DeploymentAccess deployments;

	private final HistoryAccess history;

	ProcessApiAccess(TaskAccess tasks, DeploymentAccess deployments, HistoryAccess history) {
		this.tasks = tasks;
		this.deployments = deployments;
		this.history = history;
	}

	@Override
	public void accessEngineProperties() {
		Callers.requireAdmin();
	}

	@Override
	public void accessTaskInfoById(Task task) {
		this.tasks.mayWorkOn(task);
	}

	@Override
	public void accessTaskInfoWithQuery(TaskQuery taskQuery, TaskQueryRequest request) {
		this.tasks.query(taskQuery, request);
	}

	@Override
	public void bulkDeleteHistoricProcessInstances(Collection<String> instanceIds) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void bulkMoveDeadLetterJobs(Collection<String> jobIds, String moveAction) {
		Callers.requireAdmin();
	}

	@Override
	public void bulkUpdateTasks(Collection<Task> taskList, BulkTasksRequest bulkTasksRequest) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void createTask(Task task, TaskRequest request) {
		Callers.requireAdmin();
	}

	@Override
	public void updateTask(Task task, TaskRequest request) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void deleteTask(Task task) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void createTaskAttachment(Task task) {
		Callers.requireAdmin();
	}

	@Override
	public void deleteTaskAttachment(Task task, Attachment attachment) {
		Callers.requireAdmin();
	}

	@Override
	public void createTaskComment(Task task, CommentRequest comment) {
		this.tasks.comment(task, comment);
	}

	@Override
	public void deleteTaskComment(Task task, Comment comment) {
		Callers.requireAdmin();
	}

	@Override
	public void deleteTaskEvent(Task task, Event event) {
		Callers.requireAdmin();
	}

	@Override
	public void executeTaskAction(Task task, TaskActionRequest actionRequest) {
		this.tasks.act(task, actionRequest);
	}

	@Override
	public void accessTaskVariable(Task task, String variableName) {
		this.tasks.mayWorkOn(task);
	}

	@Override
	public Map<String, RestVariable> accessTaskVariables(Task task, Map<String, RestVariable> variableMap) {
		this.tasks.mayWorkOn(task);
		return variableMap;
	}

	@Override
	public void createTaskVariables(Task task, Map<String, Object> variables, RestVariable.RestVariableScope scope) {
		Callers.requireAdmin();
		SessionProcesses.notPhaseflows(variables.keySet());
	}

	@Override
	public void updateTaskVariables(Task task, Map<String, Object> variables, RestVariable.RestVariableScope scope) {
		Callers.requireAdmin();
		SessionProcesses.notPhaseflows(variables.keySet());
	}

	@Override
	public void deleteTaskVariables(Task task, Collection<String> variableNames, RestVariable.RestVariableScope scope) {
		Callers.requireAdmin();
		SessionProcesses.notPhaseflows(variableNames);
	}

	@Override
	public void accessTaskIdentityLinks(Task task) {
		this.tasks.mayWorkOn(task);
	}

	@Override
	public void accessTaskIdentityLink(Task task, IdentityLink identityLink) {
		this.tasks.mayWorkOn(task);
	}

	@Override
	public void deleteTaskIdentityLink(Task task, IdentityLink identityLink) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void createTaskIdentityLink(Task task, RestIdentityLink identityLink) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void accessExecutionInfoById(Execution execution) {
		Callers.requireAdmin();
	}

	@Override
	public void accessExecutionVariable(Execution execution, String variableName, String scope) {
		Callers.requireAdmin();
	}

	@Override
	public Map<String, RestVariable> accessExecutionVariables(Execution execution,
			Map<String, RestVariable> variables) {
		Callers.requireAdmin();
		return variables;
	}

	@Override
	public void accessExecutionInfoWithQuery(ExecutionQuery executionQuery, ExecutionQueryRequest request) {
		Callers.requireAdmin();
	}

	@Override
	public void doExecutionActionRequest(Execution execution, ExecutionActionRequest executionActionRequest) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void doExecutionActionRequest(ExecutionActionRequest executionActionRequest) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void createExecutionVariables(Execution execution, Map<String, Object> variables,
			RestVariable.RestVariableScope scope) {
		Callers.requireAdmin();
		SessionProcesses.notPhaseflows(variables.keySet());
	}

	@Override
	public void updateExecutionVariables(Execution execution, Map<String, Object> variables,
			RestVariable.RestVariableScope scope) {
		Callers.requireAdmin();
		SessionProcesses.notPhaseflows(variables.keySet());
	}

	@Override
	public void deleteExecutionVariables(Execution execution, Collection<String> variableNames,
			RestVariable.RestVariableScope scope) {
		Callers.requireAdmin();
		SessionProcesses.notPhaseflows(variableNames);
	}

	@Override
	public void accessProcessInstanceInfoById(ProcessInstance processInstance) {
		Callers.requireAdmin();
	}

	@Override
	public void accessProcessInstanceInfoWithQuery(ProcessInstanceQuery processInstanceQuery,
			ProcessInstanceQueryRequest request) {
		Callers.requireAdmin();
	}

	@Override
	public void createProcessInstance(ProcessInstanceBuilder processInstanceBuilder,
			ProcessInstanceCreateRequest request) {
		Callers.requireAdmin();
		SessionProcesses.notASessionProcess(request.getProcessDefinitionKey(), request.getProcessDefinitionId());
	}

	@Override
	public void updateProcessInstance(ProcessInstance processInstance, ProcessInstanceUpdateRequest updateRequest) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void deleteProcessInstance(ProcessInstance processInstance) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void accessProcessInstanceIdentityLinks(ProcessInstance processInstance) {
		Callers.requireAdmin();
	}

	@Override
	public void accessProcessInstanceIdentityLink(ProcessInstance processInstance, IdentityLink identityLink) {
		Callers.requireAdmin();
	}

	@Override
	public void deleteProcessInstanceIdentityLink(ProcessInstance processInstance, IdentityLink identityLink) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void createProcessInstanceIdentityLink(ProcessInstance processInstance, RestIdentityLink identityLink) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void bulkDeleteProcessInstances(Collection<String> processInstances) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void accessActivityInfoWithQuery(ActivityInstanceQuery activityInstanceQuery,
			ActivityInstanceQueryRequest request) {
		Callers.requireAdmin();
	}

	@Override
	public void accessVariableInfoById(VariableInstance variableInstance) {
		Callers.requireAdmin();
	}

	@Override
	public void accessVariableInfoWithQuery(VariableInstanceQuery variableInstanceQuery,
			VariableInstanceQueryRequest request) {
		Callers.requireAdmin();
	}

	@Override
	public void sendSignal(SignalEventReceivedRequest signalEventReceivedRequest) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void changeActivityState(Execution execution,
			ExecutionChangeActivityStateRequest changeActivityStateRequest) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void migrateProcessInstance(ProcessInstance processInstance, String migrationDocument) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void migrateInstancesOfProcessDefinition(ProcessDefinition processDefinition, String migrationDocument) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void evaluateProcessInstanceConditionalEvents(ProcessInstance processInstance) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void injectActivity(ProcessInstance processInstance, InjectActivityRequest injectActivityRequest) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void accessEventSubscriptionById(EventSubscription eventSubscription) {
		Callers.requireAdmin();
	}

	@Override
	public void accessEventSubscriptionInfoWithQuery(EventSubscriptionQuery eventSubscriptionQuery) {
		Callers.requireAdmin();
	}

	@Override
	public void accessProcessDefinitionById(ProcessDefinition processDefinition) {
		// process definitions are no secret to an authenticated caller
	}

	@Override
	public void executeProcessDefinitionAction(ProcessDefinition processDefinition,
			ProcessDefinitionActionRequest actionRequest) {
		Callers.requireAdmin();
	}

	@Override
	public void accessProcessDefinitionIdentityLinks(ProcessDefinition processDefinition) {
		Callers.requireAdmin();
	}

	@Override
	public void accessProcessDefinitionIdentityLink(ProcessDefinition processDefinition, IdentityLink identityLink) {
		Callers.requireAdmin();
	}

	@Override
	public void deleteProcessDefinitionIdentityLink(ProcessDefinition processDefinition, IdentityLink identityLink) {
		Callers.requireAdmin();
	}

	@Override
	public void createProcessDefinitionIdentityLink(ProcessDefinition processDefinition,
			RestIdentityLink identityLink) {
		Callers.requireAdmin();
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
		Callers.requireAdmin();
	}

	@Override
	public void enhanceDeployment(DeploymentBuilder deploymentBuilder) {
		this.deployments.refuse(deploymentBuilder);
	}

	@Override
	public void deleteDeployment(Deployment deployment) {
		Callers.requireAdmin();
	}

	@Override
	public void accessModelInfoById(Model model) {
		Callers.requireAdmin();
	}

	@Override
	public void accessModelInfoWithQuery(ModelQuery modelQuery) {
		Callers.requireAdmin();
	}

	@Override
	public void createModel(Model model, ModelRequest request) {
		Callers.requireAdmin();
	}

	@Override
	public void accessJobInfoById(Job job) {
		Callers.requireAdmin();
	}

	@Override
	public void accessHistoryJobInfoById(HistoryJob job) {
		Callers.requireAdmin();
	}

	@Override
	public void accessJobInfoWithQuery(JobQuery jobQuery) {
		Callers.requireAdmin();
	}

	@Override
	public void accessTimerJobInfoWithQuery(TimerJobQuery jobQuery) {
		Callers.requireAdmin();
	}

	@Override
	public void accessSuspendedJobInfoWithQuery(SuspendedJobQuery jobQuery) {
		Callers.requireAdmin();
	}

	@Override
	public void accessDeadLetterJobInfoWithQuery(DeadLetterJobQuery jobQuery) {
		Callers.requireAdmin();
	}

	@Override
	public void accessHistoryJobInfoWithQuery(HistoryJobQuery jobQuery) {
		Callers.requireAdmin();
	}

	@Override
	public void deleteJob(Job job) {
		Callers.requireAdmin();
	}

	@Override
	public void deleteHistoryJob(HistoryJob historyJob) {
		Callers.requireAdmin();
	}

	@Override
	public void accessBatchInfoById(Batch batch) {
		Callers.requireAdmin();
	}

	@Override
	public void accessBatchInfoWithQuery(BatchQuery batchQuery) {
		Callers.requireAdmin();
	}

	@Override
	public void deleteBatch(Batch batch) {
		Callers.requireAdmin();
	}

	@Override
	public void accessBatchPartInfoOfBatch(Batch batch) {
		Callers.requireAdmin();
	}

	@Override
	public void accessBatchPartInfoById(BatchPart batchPart) {
		Callers.requireAdmin();
	}

	@Override
	public void accessManagementInfo() {
		Callers.requireAdmin();
	}

	@Override
	public void accessTableInfo() {
		Callers.requireAdmin();
	}

	@Override
	public void accessHistoryTaskInfoById(HistoricTaskInstance historicTaskInstance) {
		this.history.task(historicTaskInstance.getId());
	}

	@Override
	public void accessHistoryTaskInfoWithQuery(HistoricTaskInstanceQuery historicTaskInstanceQuery,
			HistoricTaskInstanceQueryRequest request) {
		this.history.tasks(historicTaskInstanceQuery);
	}

	@Override
	public void deleteHistoricTask(HistoricTaskInstance historicTaskInstance) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void accessHistoricTaskIdentityLinks(HistoricTaskInstance historicTaskInstance) {
		this.history.task(historicTaskInstance.getId());
	}

	@Override
	public void accessHistoryProcessInfoById(HistoricProcessInstance historicProcessInstance) {
		this.history.instance(historicProcessInstance.getId());
	}

	@Override
	public void accessHistoryProcessInfoWithQuery(HistoricProcessInstanceQuery historicProcessInstanceQuery,
			HistoricProcessInstanceQueryRequest request) {
		Callers.requireAdmin();
	}

	@Override
	public void deleteHistoricProcess(HistoricProcessInstance historicProcessInstance) {
		throw SessionProcesses.changedThroughPhaseflow();
	}

	@Override
	public void accessHistoricProcessIdentityLinks(HistoricProcessInstance historicProcessInstance) {
		Callers.requireAdmin();
	}

	@Override
	public void accessHistoryActivityInfoWithQuery(HistoricActivityInstanceQuery historicActivityInstanceQuery,
			HistoricActivityInstanceQueryRequest request) {
		this.history.scoped(null, request.getProcessInstanceId());
	}

	@Override
	public void accessHistoryDetailById(HistoricDetail historicDetail) {
		this.history.scoped(historicDetail.getTaskId(), historicDetail.getProcessInstanceId());
	}

	@Override
	public void accessHistoryDetailInfoWithQuery(HistoricDetailQuery historicDetailQuery,
			HistoricDetailQueryRequest request) {
		this.history.scoped(request.getTaskId(), request.getProcessInstanceId());
	}

	@Override
	public void accessHistoryVariableInfoById(HistoricVariableInstance historicVariableInstance) {
		this.history.scoped(historicVariableInstance.getTaskId(), historicVariableInstance.getProcessInstanceId());
	}

	@Override
	public void accessHistoryVariableInfoWithQuery(HistoricVariableInstanceQuery historicVariableInstanceQuery,
			HistoricVariableInstanceQueryRequest request) {
		this.history.scoped(request.getTaskId(), request.getProcessInstanceId());
	}

	@Override
	public void accessHistoricTaskLogWithQuery(HistoricTaskLogEntryQuery historicTaskLogEntryQuery,
			HistoricTaskLogEntryQueryRequest request) {
		Callers.requireAdmin();
	}

	@Override
	public void accessGroupInfoById(Group group) {
		Callers.requireAdmin();
	}

	@Override
	public void accessGroupInfoWithQuery(GroupQuery groupQuery) {
		Callers.requireAdmin();
	}

	@Override
	public void createGroup(GroupRequest groupRequest) {
		Callers.requireAdmin();
	}

	@Override
	public void deleteGroup(Group group) {
		Callers.requireAdmin();
	}

	@Override
	public void accessUserInfoById(User user) {
		Callers.requireAdmin();
	}

	@Override
	public void accessUserInfoWithQuery(UserQuery userQuery) {
		Callers.requireAdmin();
	}

	@Override
	public void createUser(UserRequest userRequest) {
		Callers.requireAdmin();
	}

	@Override
	public void deleteUser(User user) {
		Callers.requireAdmin();
	}

	@Override
	public void accessFormData(FormData formData) {
		this.tasks.readForm(formData);
	}

	@Override
	public void submitFormData(SubmitFormRequest formRequest) {
		this.tasks.submitForm(formRequest);
	}

}

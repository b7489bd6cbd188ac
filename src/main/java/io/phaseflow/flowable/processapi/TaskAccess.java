package io.phaseflow.flowable.processapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.phaseflow.common.FieldError;
import io.phaseflow.common.RequestContext;
import io.phaseflow.flowable.FlowableWorkflowEngine;
import io.phaseflow.flowable.ProcessVariables;
import io.phaseflow.flowable.forms.FormFileHandlers;
import io.phaseflow.flowable.forms.TaskForms;
import io.phaseflow.override.FourEyes;
import io.phaseflow.security.TokenIssuer;
import io.phaseflow.session.phase.PhaseSteps;
import io.phaseflow.workflow.WorkflowEngine;
import io.phaseflow.workflow.WorkflowEngine.PendingOverride;
import io.phaseflow.workflow.deployment.WorkflowConsistency;
import org.flowable.common.engine.api.FlowableForbiddenException;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.form.FormData;
import org.flowable.engine.form.TaskFormData;
import org.flowable.form.model.SimpleFormModel;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.rest.service.api.engine.CommentRequest;
import org.flowable.rest.service.api.engine.variable.RestVariable;
import org.flowable.rest.service.api.form.SubmitFormRequest;
import org.flowable.rest.service.api.runtime.task.TaskActionRequest;
import org.flowable.rest.service.api.runtime.task.TaskQueryRequest;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskInfo;
import org.flowable.task.api.TaskQuery;

import org.springframework.stereotype.Component;

/**
 * Who may see and act on a task through {@code /process-api}: its assignee, members of
 * its candidate groups, or an ADMIN. Completing a task with a form is checked against the
 * form, an override task is decided by neither its requester nor its session's agent, and
 * the agent's "Work on phase" task is completed through Phaseflow only.
 */
@Component
class TaskAccess {

	private final TaskService tasks;

	private final TaskForms forms;

	private final RuntimeService runtime;

	private final PhaseSteps steps;

	private final FlowableWorkflowEngine workflow;

	private final FourEyes fourEyes;

	private final WorkflowConsistency consistency;

	private final TokenIssuer tokens;

	TaskAccess(TaskService tasks, TaskForms forms, RuntimeService runtime, PhaseSteps steps,
			FlowableWorkflowEngine workflow, FourEyes fourEyes, WorkflowConsistency consistency, TokenIssuer tokens) {
		this.tokens = tokens;
		this.tasks = tasks;
		this.forms = forms;
		this.runtime = runtime;
		this.steps = steps;
		this.workflow = workflow;
		this.fourEyes = fourEyes;
		this.consistency = consistency;
	}

	void mayWorkOn(TaskInfo task) {
		if (!Callers.isAdmin() && !involved(task)) {
			throw new FlowableForbiddenException(
					"Only the task's assignee, a member of its candidate groups or an ADMIN may see or act on it");
		}
	}

	/**
	 * Shows a non-ADMIN only the tasks they are involved in (assigned to them, for
	 * example) or that are offered to their groups. A query for a candidate user
	 * ({@code candidateUser}, {@code candidateOrAssigned}) also finds the tasks offered
	 * to that user's groups, which Flowable would look up in a user store Phaseflow does
	 * not have: the caller's groups are their token's roles; another user's, those of the
	 * active token of that name, only for an ADMIN (to anyone else they would tell who
	 * holds which role).
	 */
	void query(TaskQuery query, TaskQueryRequest request) {
		String user = (request.getCandidateUser() != null) ? request.getCandidateUser()
				: request.getCandidateOrAssigned();
		if (user != null && request.getCandidateGroup() == null
				&& (request.getCandidateGroupIn() == null || request.getCandidateGroupIn().isEmpty())) {
			Set<String> groups = groupsOf(user);
			if (!groups.isEmpty()) {
				query.taskCandidateGroupIn(groups);
			}
		}
		if (!Callers.isAdmin()) {
			Callers.involved(query);
		}
	}

	private Set<String> groupsOf(String user) {
		if (user.equals(RequestContext.actor())) {
			return RequestContext.groups();
		}
		if (!Callers.isAdmin()) {
			return Set.of();
		}
		return this.tokens.activeRoles(user)
			.stream()
			.map((role) -> RequestContext.group(role.name()))
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Completes (checked) or claims a task; any other action goes through Phaseflow. */
	void act(Task task, TaskActionRequest actionRequest) {
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
			throw SessionProcesses.changedThroughPhaseflow();
		}
	}

	void comment(Task task, CommentRequest comment) {
		mayWorkOn(task);
		if (comment.getMessage() != null && comment.getMessage().length() > TaskForms.MAX_TEXT) {
			throw new FlowableIllegalArgumentException("A comment is at most " + TaskForms.MAX_TEXT + " characters");
		}
	}

	void readForm(FormData formData) {
		if (formData instanceof TaskFormData taskForm && taskForm.getTask() != null) {
			mayWorkOn(taskForm.getTask());
		}
		else {
			Callers.requireAdmin();
		}
	}

	void submitForm(SubmitFormRequest formRequest) {
		if (formRequest.getTaskId() == null) {
			Callers.requireAdmin();
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
			FourEyes.requireClaimHolder(pending.get(), Callers.isAdmin());
		}
	}

	/**
	 * Claims are for oneself (an ADMIN may assign anyone); only the claim's holder or an
	 * ADMIN unclaims; an override's parties do not claim it.
	 */
	private void mayClaim(Task task, String assignee) {
		if (assignee == null) {
			if (task.getAssignee() != null && !task.getAssignee().equals(RequestContext.actor())
					&& !Callers.isAdmin()) {
				throw new FlowableForbiddenException(
						"Only " + task.getAssignee() + " (who claimed the task) or an ADMIN may unclaim it");
			}
			return;
		}
		if (!assignee.equals(RequestContext.actor()) && !Callers.isAdmin()) {
			throw new FlowableForbiddenException("A task is claimed for yourself: assignee must be "
					+ RequestContext.actor() + " (only an ADMIN assigns tasks to others)");
		}
		Optional<PendingOverride> pending = this.workflow.pendingOverride(task);
		if (pending.isPresent()) {
			this.fourEyes.requireOtherReviewer(pending.get());
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
		if (FlowableWorkflowEngine.isPhaseTask(WorkflowEngine.Position.WORK, current.getTaskDefinitionKey(),
				current.getProcessDefinitionId())) {
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

}

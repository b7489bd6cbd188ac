package io.phaseflow.taskstatus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.event.EventScope;
import io.phaseflow.event.EventTypes;
import io.phaseflow.session.SessionEnded;
import io.phaseflow.session.SessionEvents;
import io.phaseflow.session.SessionStarted;
import io.phaseflow.session.WorkSession;
import io.phaseflow.sprint.Sprint;
import io.phaseflow.sprint.SprintManagement;
import io.phaseflow.sprint.SprintStatus;
import io.phaseflow.sprint.Sprints;
import io.phaseflow.task.Task;
import io.phaseflow.task.TaskManagement;
import io.phaseflow.task.TaskStatus;
import io.phaseflow.task.TaskStatusChanged;
import io.phaseflow.task.Tasks;
import io.phaseflow.workflow.TaskStatusRules;
import io.phaseflow.workflow.deployment.Workflows;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A task's status follows its session, as {@code settings.task_status} in
 * {@code workflow.yaml} says: in progress when a session starts, completed (or pending
 * verification) when it completes, blocked when it fails, pending again when it is
 * terminated; a completed task is reopened only by a new session. A planning sprint
 * becomes active with its first session and completed with its last task. Every change is
 * a versioned update with its event, in the transaction of the session's transition and
 * in its scope.
 */
@Component
class StatusFollowsSession {

	private final TaskManagement tasks;

	private final Tasks taskRows;

	private final SprintManagement sprints;

	private final Sprints sprintRows;

	private final Workflows workflows;

	private final JsonDocuments json;

	private final SessionEvents events;

	StatusFollowsSession(TaskManagement tasks, Tasks taskRows, SprintManagement sprints, Sprints sprintRows,
			Workflows workflows, JsonDocuments json, SessionEvents events) {
		this.events = events;
		this.tasks = tasks;
		this.taskRows = taskRows;
		this.sprints = sprints;
		this.sprintRows = sprintRows;
		this.workflows = workflows;
		this.json = json;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void started(SessionStarted started) {
		WorkSession session = started.session();
		if (session.taskCode() != null) {
			this.events.emit(session, EventTypes.TASK_STARTED,
					this.json.newObject()
						.put("task_code", session.taskCode())
						.put("session_key", session.sessionKey()));
		}
		TaskStatusRules rules = rules();
		Task task = move(session, rules.onStart(), "session started", true);
		if (rules.sprintFollowsTasks() && task != null && task.sprintCode() != null) {
			this.sprintRows.findByCode(task.sprintCode())
				.filter((sprint) -> sprint.status() == SprintStatus.PLANNING)
				.ifPresent((sprint) -> this.sprints.changeStatus(sprint.sprintCode(), SprintStatus.ACTIVE,
						scope(session)));
		}
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void ended(SessionEnded ended) {
		TaskStatusRules rules = rules();
		TaskStatus status = switch (ended.outcome()) {
			case COMPLETED -> rules.onComplete();
			case FAILED -> rules.onFail();
			case TERMINATED -> rules.onTerminate();
			default -> null;
		};
		if (status != null) {
			move(ended.session(), status, "session " + ended.outcome().value(), false);
		}
	}

	/**
	 * A sprint is completed with its last task, however that task was completed (by its
	 * session, a status report or an edit).
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void taskChanged(TaskStatusChanged changed) {
		Task task = changed.task();
		if (task.status() != TaskStatus.COMPLETED || task.sprintCode() == null || !rules().sprintFollowsTasks()) {
			return;
		}
		Sprint sprint = this.sprintRows.findByCode(task.sprintCode()).orElse(null);
		if (sprint == null || sprint.status() == SprintStatus.COMPLETED || sprint.status() == SprintStatus.CANCELLED) {
			return;
		}
		// the sprint's task lines, not whole tasks: only their statuses are needed
		if (this.taskRows.linesOfSprint(sprint.sprintCode())
			.stream()
			.allMatch((line) -> line.status() == TaskStatus.COMPLETED)) {
			this.sprints.changeStatus(sprint.sprintCode(), SprintStatus.COMPLETED, EventScope.NONE);
		}
	}

	/**
	 * Moves the session's task to {@code status}, unless it is there already. Only a new
	 * session reopens a completed task: however a session ends, it leaves a completed
	 * task completed (a report may have completed it first).
	 */
	private Task move(WorkSession session, TaskStatus status, String reason, boolean reopen) {
		if (session.taskCode() == null) {
			return null;
		}
		Task task = this.taskRows.findByCode(session.taskCode()).orElse(null);
		if (task == null || task.status() == status || (task.status() == TaskStatus.COMPLETED && !reopen)) {
			return task;
		}
		ObjectNode extra = this.json.newObject().put("reason", reason).put("session_key", session.sessionKey());
		return this.tasks.changeStatus(task.taskCode(), status, extra, scope(session));
	}

	private TaskStatusRules rules() {
		return this.workflows.active().settings().taskStatus();
	}

	private static EventScope scope(WorkSession session) {
		return new EventScope(session.sessionKey(), session.agentId(), session.correlationId());
	}

}

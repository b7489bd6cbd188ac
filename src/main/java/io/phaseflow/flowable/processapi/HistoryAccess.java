package io.phaseflow.flowable.processapi;

import org.flowable.common.engine.api.FlowableForbiddenException;
import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.flowable.task.api.history.HistoricTaskInstanceQuery;

import org.springframework.stereotype.Component;

/**
 * Who may read the engine's history through {@code /process-api}. An ADMIN reads all of
 * it. Anyone else reads the history of the tasks they may see, running or done (assigned
 * to them, or offered to one of their groups: a reviewer's override tasks), and of the
 * phase instances those tasks belong to, as far as a task client shows a decision: the
 * instance, its activities, variables and details, asked for by the task's or the
 * instance's id. Lists across instances, identity links of instances, the task log and
 * any change stay an ADMIN's.
 */
@Component
class HistoryAccess {

	private final HistoryService history;

	private final TaskService tasks;

	private final TaskAccess taskAccess;

	HistoryAccess(HistoryService history, TaskService tasks, TaskAccess taskAccess) {
		this.history = history;
		this.tasks = tasks;
		this.taskAccess = taskAccess;
	}

	/** Shows a non-ADMIN only the finished and running tasks they may see. */
	void tasks(HistoricTaskInstanceQuery query) {
		if (!Callers.isAdmin()) {
			Callers.involved(query);
		}
	}

	/**
	 * Reading a task's history, its form, or its comments, events and attachments:
	 * whoever may see the task.
	 */
	void task(String taskId) {
		Task running = this.tasks.createTaskQuery().taskId(taskId).singleResult();
		if (running != null) {
			this.taskAccess.mayWorkOn(running);
		}
		else if (!Callers.isAdmin()
				&& Callers.involved(this.history.createHistoricTaskInstanceQuery().taskId(taskId)).count() == 0) {
			throw new FlowableForbiddenException(
					"Only an ADMIN, or who may see the task (its assignee, its candidate groups), reads its history");
		}
	}

	/**
	 * Reading a process instance's history by its id: whoever may see one of its tasks.
	 * Only reading: the same check guards writing the instance's comments.
	 */
	void instance(String processInstanceId) {
		if (Callers.isAdmin()) {
			return;
		}
		if (!Callers.reading()) {
			throw new FlowableForbiddenException("Only an ADMIN changes a process instance's history");
		}
		mayReadInstance(processInstanceId);
	}

	/**
	 * A query of variables, details or activities: a non-ADMIN names the task or the
	 * instance, and may read its history.
	 */
	void scoped(String taskId, String processInstanceId) {
		if (Callers.isAdmin()) {
			return;
		}
		if (taskId == null && processInstanceId == null) {
			throw new FlowableForbiddenException("Name the taskId or processInstanceId of a task you may see: "
					+ "only an ADMIN reads the history of all processes");
		}
		if (taskId != null) {
			task(taskId);
		}
		if (processInstanceId != null) {
			mayReadInstance(processInstanceId);
		}
	}

	private void mayReadInstance(String processInstanceId) {
		if (Callers.involved(this.history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId))
			.count() == 0) {
			throw new FlowableForbiddenException("Only an ADMIN, or who may see one of its tasks (a reviewer of its "
					+ "override), reads a process instance's history");
		}
	}

}

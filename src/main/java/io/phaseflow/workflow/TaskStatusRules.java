package io.phaseflow.workflow;

import io.phaseflow.task.TaskStatus;

/**
 * How a session moves its task along ({@code settings.task_status} in
 * {@code workflow.yaml}), and whether sprints follow their tasks.
 *
 * @param onStart the task's status when a session starts on it
 * @param onComplete when its session completes (e.g. {@code pending_verification} where a
 * human verifies the work)
 * @param onFail when its session fails: someone has to look
 * @param onTerminate when its session is terminated: the task is left to be picked up
 * again
 * @param sprintFollowsTasks whether a planning sprint becomes active when a session first
 * starts on one of its tasks, and completed when its last task is completed
 */
public record TaskStatusRules(TaskStatus onStart, TaskStatus onComplete, TaskStatus onFail, TaskStatus onTerminate,
		boolean sprintFollowsTasks) {

	/** The rules used for any key the file leaves out. */
	public static final TaskStatusRules DEFAULTS = new TaskStatusRules(TaskStatus.IN_PROGRESS, TaskStatus.COMPLETED,
			TaskStatus.BLOCKED, TaskStatus.PENDING, true);

}

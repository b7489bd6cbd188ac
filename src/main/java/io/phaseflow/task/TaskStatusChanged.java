package io.phaseflow.task;

/**
 * A task's status changed, published in the transaction of the change (a PATCH, a status
 * report, a session's progress, an import or a rollback alike).
 *
 * @param task the task as it is now
 * @param before its status before the change
 */
public record TaskStatusChanged(Task task, TaskStatus before) {
}

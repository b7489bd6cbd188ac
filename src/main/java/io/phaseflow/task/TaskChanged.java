package io.phaseflow.task;

/**
 * A task was created or its content changed, published in the transaction of the change.
 *
 * @param task the task as it is now
 * @param before its status before the change, or null for a new task
 */
public record TaskChanged(Task task, TaskStatus before) {
}

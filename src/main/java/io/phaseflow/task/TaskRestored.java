package io.phaseflow.task;

/**
 * A task's content was restored from an earlier version, published in the transaction of
 * the change: its TASK.md, if synced, no longer matches.
 *
 * @param taskCode the task's code
 */
public record TaskRestored(String taskCode) {
}

package io.phaseflow.task;

/**
 * A session or a status report moved a task on and its TASK.md is to show it: published
 * in the transaction of the change, the file is written once that commits.
 *
 * @param taskCode the task's code
 */
public record TaskProgressed(String taskCode) {
}

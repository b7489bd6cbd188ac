package io.phaseflow.files;

/**
 * A session's process reached a step that writes TASK.md: published in the transaction of
 * the transition, with the Session section built from the process's variables; the file
 * is written once that commits.
 *
 * @param taskCode the task's code
 * @param session where the session stands
 */
public record TaskFileDue(String taskCode, SessionSection session) {
}

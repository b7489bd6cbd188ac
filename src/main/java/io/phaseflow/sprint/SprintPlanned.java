package io.phaseflow.sprint;

/**
 * A sprint was created together with its tasks (from a template): published in the
 * transaction that created them, SPRINT.md and the tasks' TASK.md are written once it
 * commits.
 *
 * @param sprintCode the sprint's code
 */
public record SprintPlanned(String sprintCode) {
}
